//! The import graph of `src/`, read from the source text: the layers
//! engine ← decode ← presets ← codec ← {cli, ui} are used only downwards, the
//! engine's stage folders (`engine/num`, `engine/model`, …) import one another
//! without a cycle, and no two files of one folder import each other.
//!
//! A dependency is any `crate::…` or `super::…` path in the code (in `use`
//! lines and inline), outside `#[cfg(test)]` modules, resolved against the
//! files on disk to the module file it names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module file, relative to `src/` (`engine/pay/column.rs`).
type File = String;

/// Every `.rs` file under `dir`, relative to `src/`.
fn rust_files(src: &Path, dir: &Path, out: &mut Vec<File>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(src, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let relative = path.strip_prefix(src).expect("under src");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The code of a file without comments, string contents and test modules.
fn code(text: &str) -> String {
    // Test modules may import anything: they are cut at `#[cfg(test)]`
    // followed by `mod`, which in this crate always closes the file.
    let mut kept = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim() == "#[cfg(test)]"
            && lines
                .peek()
                .is_some_and(|next| next.trim_start().starts_with("mod "))
        {
            break;
        }
        kept.push_str(line);
        kept.push('\n');
    }
    let mut out = String::with_capacity(kept.len());
    let mut chars = kept.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match (escaped, c) {
                        (true, _) => escaped = false,
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A char literal ('a', '\n', '"') is skipped; a lifetime is kept.
                let rest: String = chars.clone().take(3).collect();
                let mut it = rest.chars();
                match (it.next(), it.next()) {
                    (Some('\\'), _) => {
                        for c in chars.by_ref() {
                            if c == '\'' {
                                break;
                            }
                        }
                    }
                    (Some(_), Some('\'')) => {
                        chars.next();
                        chars.next();
                    }
                    _ => out.push(c),
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every path starting `crate::` or `super::` in `code`, as its segments,
/// with a `{…}` group expanded one level (`use super::{a::X, b}`).
fn paths(code: &str) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = (code[i..].starts_with("crate::") || code[i..].starts_with("super::"))
            && (i == 0 || !is_ident(bytes[i - 1]));
        if !starts {
            i += 1;
            continue;
        }
        let mut segments = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < bytes.len() && is_ident(bytes[j]) {
                j += 1;
            }
            segments.push(code[start..j].to_string());
            if code[j..].starts_with("::") {
                j += 2;
                if code[j..].starts_with('{') {
                    let mut depth = 0;
                    let mut end = j;
                    for (k, c) in code[j..].char_indices() {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            _ => {}
                        }
                        if depth == 0 {
                            end = j + k;
                            break;
                        }
                    }
                    let inner = &code[j + 1..end];
                    let mut depth = 0;
                    let mut item = String::new();
                    let mut items = Vec::new();
                    for c in inner.chars() {
                        match c {
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            ',' if depth == 0 => {
                                items.push(std::mem::take(&mut item));
                                continue;
                            }
                            _ => {}
                        }
                        item.push(c);
                    }
                    items.push(item);
                    for item in items {
                        let mut path = segments.clone();
                        path.extend(
                            item.split("::")
                                .map(|s| s.trim().to_string())
                                .take_while(|s| !s.is_empty() && s.bytes().all(is_ident)),
                        );
                        found.push(path);
                    }
                    segments.clear();
                    j = end;
                    break;
                }
                continue;
            }
            break;
        }
        if !segments.is_empty() {
            found.push(segments);
        }
        i = j.max(i + 1);
    }
    found
}

/// In a folder's `mod.rs`, the paths through its own children
/// (`tax::income_tax(…)`, `pub use column::ColumnPay`), as `self::…` paths.
fn child_paths(src: &Path, file: &str, code: &str) -> Vec<Vec<String>> {
    let dir = src.join(file.trim_end_matches("mod.rs"));
    let mut children = Vec::new();
    for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let name = name.trim_end_matches(".rs");
        if name != "mod" && (entry.path().is_dir() || entry.path().extension().is_some()) {
            children.push(name.to_string());
        }
    }
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    for child in &children {
        let needle = format!("{child}::");
        let mut from = 0;
        while let Some(at) = code[from..].find(&needle) {
            let i = from + at;
            from = i + needle.len();
            let before = &code[..i];
            if before.ends_with("::") || before.bytes().last().is_some_and(is_ident) {
                continue;
            }
            found.push(vec!["self".to_string(), child.clone()]);
        }
    }
    found
}

/// The module file a path names, seen from `file`: `crate` and `super` are
/// resolved, then each segment that is a folder or file on disk is followed.
fn resolve(src: &Path, file: &str, path: &[String]) -> Option<File> {
    let parts: Vec<&str> = file.split('/').collect();
    // The module `file` is, as a folder of `src/` and the file holding it.
    let folder_of = |parts: &[&str]| -> Vec<String> {
        let last = parts[parts.len() - 1];
        let mut dir: Vec<String> = parts[..parts.len() - 1]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if last != "mod.rs" && last != "lib.rs" && last != "main.rs" {
            dir.push(last.trim_end_matches(".rs").to_string());
        }
        dir
    };
    let mut module = folder_of(&parts);
    let mut rest = path;
    while let Some(first) = rest.first() {
        match first.as_str() {
            "crate" => module.clear(),
            "super" => {
                module.pop()?;
            }
            "self" => {}
            _ => break,
        }
        rest = &rest[1..];
    }
    for segment in rest {
        let mut candidate = module.clone();
        candidate.push(segment.clone());
        let dir = src.join(candidate.join("/"));
        if dir.is_dir() || dir.with_extension("rs").is_file() {
            module = candidate;
        } else {
            break;
        }
    }
    let base = module.join("/");
    if base.is_empty() {
        return Some("lib.rs".into());
    }
    let as_file = format!("{base}.rs");
    if src.join(&as_file).is_file() {
        Some(as_file)
    } else if src.join(&base).join("mod.rs").is_file() {
        Some(format!("{base}/mod.rs"))
    } else {
        None
    }
}

/// Every file's dependencies on other files.
fn graph(src: &Path) -> BTreeMap<File, BTreeSet<File>> {
    let mut files = Vec::new();
    rust_files(src, src, &mut files);
    files.sort();
    let mut graph = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(src.join(file)).expect("read a source file");
        let code = code(&text);
        let mut found = paths(&code);
        if file.ends_with("mod.rs") {
            found.extend(child_paths(src, file, &code));
        }
        let deps = found
            .iter()
            .filter_map(|p| resolve(src, file, p))
            .filter(|target| target != file)
            .collect();
        graph.insert(file.clone(), deps);
    }
    graph
}

/// The layer of a file: `engine` 0, `decode` 1, `presets` 2, `codec` 3,
/// `cli` and `ui` 4 (side by side), and the crate root, which wires them.
fn layer(file: &str) -> Option<(u8, &'static str)> {
    let top = file.split('/').next().unwrap_or_default();
    Some(match top.trim_end_matches(".rs") {
        "engine" => (0, "engine"),
        "decode" => (1, "decode"),
        "presets" => (2, "presets"),
        "codec" => (3, "codec"),
        "cli" => (4, "cli"),
        "ui" => (4, "ui"),
        _ => return None,
    })
}

/// Layer violations: a file using a later layer, or cli and ui each other.
fn layer_violations(graph: &BTreeMap<File, BTreeSet<File>>) -> Vec<String> {
    let mut found = Vec::new();
    for (file, deps) in graph {
        let Some((rank, name)) = layer(file) else {
            continue;
        };
        for dep in deps {
            let Some((dep_rank, dep_name)) = layer(dep) else {
                continue;
            };
            if dep_rank > rank || (dep_rank == rank && dep_name != name) {
                found.push(format!("{file} ({name}) uses {dep} ({dep_name})"));
            }
        }
    }
    found
}

/// The node of an engine file in the folder graph: its stage folder, or the
/// file itself when it sits at the top of `engine/`.
fn stage(file: &str) -> Option<String> {
    let rest = file.strip_prefix("engine/")?;
    match rest.split_once('/') {
        Some((folder, _)) => Some(folder.to_string()),
        None if rest == "mod.rs" => None,
        None => Some(rest.to_string()),
    }
}

/// A cycle in `edges`, as the nodes along it, if there is one.
fn cycle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut found = stack[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, edges, done, stack) {
                return Some(found);
            }
        }
        stack.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut done, &mut Vec::new()))
}

/// The engine's folder graph: one node per stage folder or top-level file.
fn stage_graph(graph: &BTreeMap<File, BTreeSet<File>>) -> BTreeMap<String, BTreeSet<String>> {
    let mut stages: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, deps) in graph {
        let Some(from) = stage(file) else { continue };
        let targets = stages.entry(from.clone()).or_default();
        for to in deps.iter().filter_map(|d| stage(d)) {
            if to != from {
                targets.insert(to);
            }
        }
    }
    stages
}

/// Pairs of engine files in one folder that import each other (a folder's
/// `mod.rs` counts as one of its files, so a child using what its parent
/// uses from it is caught too).
fn mutual_imports(graph: &BTreeMap<File, BTreeSet<File>>) -> Vec<String> {
    let folder = |f: &str| f.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let is_child = |parent: &str, child: &str| {
        parent.ends_with("mod.rs")
            && folder(child).starts_with(&folder(parent))
            && folder(child).len() > folder(parent).len()
    };
    let mut found = Vec::new();
    for (a, deps) in graph.iter().filter(|(f, _)| f.starts_with("engine/")) {
        for b in deps.iter().filter(|b| a < *b) {
            let close = folder(a) == folder(b) || is_child(a, b) || is_child(b, a);
            if close && graph.get(b).is_some_and(|d| d.contains(a)) {
                found.push(format!("{a} and {b} import each other"));
            }
        }
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn layers_are_used_only_downwards() {
    let violations = layer_violations(&graph(&src()));
    assert!(violations.is_empty(), "{}", violations.join("\n"));
}

#[test]
fn engine_stages_have_no_cycle() {
    let graph = graph(&src());
    if let Some(found) = cycle(&stage_graph(&graph)) {
        panic!("engine folders import in a cycle: {}", found.join(" → "));
    }
    let mutual = mutual_imports(&graph);
    assert!(mutual.is_empty(), "{}", mutual.join("\n"));
    // The flat paths `engine/mod.rs` re-exports for other layers would hide
    // a file's real stage from this check, so the engine does not use them.
    let flat: Vec<&String> = graph
        .iter()
        .filter(|(f, deps)| {
            f.starts_with("engine/") && *f != "engine/mod.rs" && deps.contains("engine/mod.rs")
        })
        .map(|(f, _)| f)
        .collect();
    assert!(
        flat.is_empty(),
        "engine files using engine/mod.rs re-exports: {flat:?}"
    );
}

#[test]
fn the_checks_see_what_they_must() {
    // The reader finds grouped, inline and nested paths, and skips comments,
    // strings and test modules.
    let text = "use super::{a::X, b};\n// crate::ui::x\nlet s = \"crate::cli\";\n\
                fn f() { crate::engine::num::sort::sort(&mut v); }\n\
                #[cfg(test)]\nmod tests { use crate::ui::App; }\n";
    let found = paths(&code(text));
    let expected: Vec<Vec<String>> = [
        &["super", "a", "X"][..],
        &["super", "b"],
        &["crate", "engine", "num", "sort", "sort"],
    ]
    .iter()
    .map(|p| p.iter().map(|s| s.to_string()).collect())
    .collect();
    assert_eq!(found, expected);
    // Resolution follows the files on disk.
    let src = src();
    let resolved = resolve(&src, "engine/pay/column.rs", &found[2]);
    assert_eq!(resolved.as_deref(), Some("engine/num/sort.rs"));
    let up = resolve(
        &src,
        "engine/pay/column.rs",
        &["super".into(), "inputs".into()],
    );
    assert_eq!(up.as_deref(), Some("engine/pay/inputs.rs"));
    // Each check fails on a graph that breaks its rule.
    let edges = |pairs: &[(&str, &str)]| {
        let mut g: BTreeMap<File, BTreeSet<File>> = BTreeMap::new();
        for (a, b) in pairs {
            g.entry(a.to_string()).or_default().insert(b.to_string());
            g.entry(b.to_string()).or_default();
        }
        g
    };
    let upward = edges(&[("engine/model/offer.rs", "presets/mod.rs")]);
    assert_eq!(layer_violations(&upward).len(), 1);
    let sideways = edges(&[("cli.rs", "ui/app.rs")]);
    assert_eq!(layer_violations(&sideways).len(), 1);
    let looped = edges(&[
        ("engine/pay/column.rs", "engine/net/take_home.rs"),
        ("engine/net/take_home.rs", "engine/compare.rs"),
        ("engine/compare.rs", "engine/pay/column.rs"),
    ]);
    assert!(cycle(&stage_graph(&looped)).is_some());
    let mutual = edges(&[
        ("engine/pay/column.rs", "engine/pay/inputs.rs"),
        ("engine/pay/inputs.rs", "engine/pay/column.rs"),
    ]);
    assert_eq!(mutual_imports(&mutual).len(), 1);
}

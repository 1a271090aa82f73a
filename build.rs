//! Embeds the preset files without their layout: the JSON under
//! `src/presets/` is written for people (and hashed as released, byte for
//! byte, by `tests/native/presets.rs`); the copy compiled into the app drops the
//! whitespace between tokens, which is a tenth of the download.

use std::path::Path;

/// `text` without whitespace outside strings.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for kind in ["offers", "rotas", "tax", "indices"] {
        let source = Path::new("src/presets").join(kind);
        println!("cargo:rerun-if-changed={}", source.display());
        let target = Path::new(&out_dir).join("presets").join(kind);
        std::fs::create_dir_all(&target).expect("create the output directory");
        for entry in std::fs::read_dir(&source).expect("read the preset directory") {
            let path = entry.expect("list the preset directory").path();
            if path.extension().is_some_and(|e| e == "json") {
                let text = std::fs::read_to_string(&path).expect("read a preset");
                let name = path.file_name().expect("a file name");
                std::fs::write(target.join(name), minify(&text)).expect("write a preset");
            }
        }
    }
}

// Runs after every trunk build (Trunk.toml [[hooks]], stage post_build) on the
// staged bundle, before it replaces dist/:
// - a Content-Security-Policy <meta> that allows the app's own files only,
//   with the one inline script trunk writes (the wasm loader) allowed by its hash;
// - the default comparison's first screen, shown before the app starts;
// - in release builds, the offline service worker: sw.js with the exact list
//   of this build's files and a cache named after their contents, and the
//   script that registers it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('run by trunk: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
const htmlPath = path.join(staging, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// The preset files, carried by the page rather than the WebAssembly (the
// `external-presets` feature; src/presets/mod.rs): every file under
// src/presets/{offers,rotas,tax,indices}, without layout whitespace as
// build.rs writes them, in a JSON data block the app reads at start.
function minify(text) {
  let out = '';
  let inString = false;
  let escaped = false;
  for (const c of text) {
    if (inString) {
      out += c;
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (!/\s/.test(c)) {
      inString = c === '"';
      out += c;
    }
  }
  return out;
}
const presetRoot = path.join(here, '..', 'src', 'presets');
const presets = {};
for (const kind of ['offers', 'rotas', 'tax', 'indices']) {
  for (const file of readdirSync(path.join(presetRoot, kind)).filter((f) => f.endsWith('.json')).sort()) {
    presets[`${kind}/${file}`] = minify(readFileSync(path.join(presetRoot, kind, file), 'utf8'));
  }
}
// `<` escaped so no text can close the element early.
const block = JSON.stringify(presets).replace(/</g, '\\u003c');
html = html.replace('</body>', `<script type="application/json" id="presets">${block}</script>\n</body>`);
if (!html.includes('id="presets"')) throw new Error('index.html has no </body> to put the presets before');

// The default comparison's first screen, as the app first renders it
// (src/ui/first_screen.rs; the native tests keep the copy current): shown
// until the WebAssembly has started, which replaces it.
const firstScreen = readFileSync(path.join(here, '..', 'src', 'ui', 'first_screen.html'), 'utf8');
html = html.replace('<!-- first screen -->', `<div id="first-screen">${firstScreen}</div>`);
if (!html.includes('id="first-screen"')) throw new Error('index.html has no <!-- first screen --> marker');

// The pay-history page (history.html, issue #24): its own program, built
// here (scripts/history-page.sh) and named after its contents like trunk's
// files, so the offline cache can serve it first; the app's stylesheet and
// the same preset block; its loader inline, allowed by hash; its default
// answer written in (src/ui/history/first_screen.html), as index.html's.
execFileSync('bash', [path.join(here, 'history-page.sh'), staging], { stdio: 'inherit' });
const historyFiles = {};
for (const ext of ['.js', '_bg.wasm']) {
  const bytes = readFileSync(path.join(staging, `history-page${ext}`));
  const name = `history-page-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}${ext}`;
  renameSync(path.join(staging, `history-page${ext}`), path.join(staging, name));
  historyFiles[ext] = name;
}
const stylesheet = html.match(/<link rel="stylesheet"[^>]*>/);
if (!stylesheet) throw new Error('index.html has no stylesheet link for history.html to share');
const loader = `<script type="module">import init from '${publicUrl}${historyFiles['.js']}';init({ module_or_path: '${publicUrl}${historyFiles['_bg.wasm']}' });</script>`;
const historyFirstScreen = readFileSync(path.join(here, '..', 'src', 'ui', 'history', 'first_screen.html'), 'utf8');
let historyHtml = readFileSync(path.join(here, '..', 'history.html'), 'utf8')
  .replace('<!-- first screen -->', `<div id="first-screen">${historyFirstScreen}</div>`)
  .replace('</head>', `  ${stylesheet[0]}\n  ${loader}\n</head>`)
  .replace('</body>', `<script type="application/json" id="presets">${block}</script>\n</body>`);
if (release) {
  historyHtml = historyHtml.replace('</head>', `<script type="module" src="${publicUrl}sw-register.js"></script></head>`);
}
writeFileSync(path.join(staging, 'history.html'), withPolicy(historyHtml));

if (release) {
  const files = readdirSync(staging).filter((f) => f !== 'sw.js').sort();
  const register = 'sw-register.js';
  if (!files.includes(register)) files.push(register);
  const registerText = readFileSync(path.join(here, 'sw-register.js'), 'utf8');
  writeFileSync(path.join(staging, register), registerText);
  html = html.replace('</head>', `<script type="module" src="${publicUrl}${register}"></script></head>`);
  // The cache is named after every file's bytes: a new build is a new cache.
  const version = createHash('sha256');
  for (const file of files) {
    version.update(file);
    version.update(file === 'index.html' ? html : readFileSync(path.join(staging, file)));
  }
  const worker = readFileSync(path.join(here, 'sw.js'), 'utf8')
    .replace('__CACHE__', `offer-compare-${version.digest('hex').slice(0, 16)}`)
    .replace('__FILES__', JSON.stringify(['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)]));
  writeFileSync(path.join(staging, 'sw.js'), worker);
}

// The Content-Security-Policy of a page: its inline scripts (trunk's loader)
// are allowed by hash, nothing else inline.
function withPolicy(page) {
  const hashes = [...page.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  const policy = [
    "default-src 'none'",
    `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const out = page.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (!out.includes('Content-Security-Policy')) throw new Error('a page has no <meta charset="utf-8"> to put the policy after');
  return out;
}
html = withPolicy(html);
writeFileSync(htmlPath, html);

#!/usr/bin/env bash
# Builds the pay-history page's program (src/history_page.rs, issue #24) into
# $1: history-page.js and history-page_bg.wasm, as trunk builds the app's
# (release, the page's preset files, the same wasm-opt passes). Run by
# scripts/post-build.mjs after every trunk build, which then names the files
# after their contents and writes history.html.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$1"
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk's own build environment would point cargo at the app's binary.
unset CARGO_BIN_NAME
cargo build --locked --quiet --release --target wasm32-unknown-unknown \
  --bin history-page --features external-presets
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name history-page \
  target/wasm32-unknown-unknown/release/history-page.wasm
wasm-opt --low-memory-unused --flatten --rereloop -Oz -Oz --converge \
  "$out/history-page_bg.wasm" -o "$out/history-page_bg.wasm"

#!/usr/bin/env bash
# Every test: lint, native tests, component tests in headless Chromium, the
# release bundle (built once) and end-to-end tests against it. Exits non-zero on
# any failure. Run one step alone with e.g. `scripts/test.sh e2e`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
# A one-off build needs no incremental cache: it only costs disk (CI has little).
export CARGO_INCREMENTAL=0
only="${1:-all}"
started=$(date +%s)

# Each step says the time so far and the size of target/ (disk is CI's scarcest resource).
step() {
  printf '\n==> %s (%ss, target/ %s)\n' "$*" "$(( $(date +%s) - started ))" \
    "$(du -sh target 2>/dev/null | cut -f1 || echo 0)"
}
want() { [ "$only" = all ] || [ "$only" = "$1" ]; }

if want lint; then
  step "cargo fmt --check"
  cargo fmt --check
  step "clippy, native"
  cargo clippy --locked --all-targets -- -D warnings
  step "clippy, wasm32"
  cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
  step "clippy, wasm32, as the release page is built (presets carried by the page)"
  cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --features external-presets -- -D warnings
fi

if want native; then
  step "native tests (unit, property, integration, command line, server-side render)"
  cargo test --locked
fi

if want components; then
  step "component tests in headless Chromium"
  CHROMEDRIVER=/usr/bin/chromedriver \
  WASM_BINDGEN_TEST_TIMEOUT=180 \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --locked --target wasm32-unknown-unknown --test components
fi

if want e2e; then
  step "release bundle (built once for all end-to-end tests)"
  trunk build --release --offline
  # The download budgets (README): a bigger bundle fails the run, so it is
  # noticed when it happens. The comparison page's program, and the pay-history
  # page's (history.html, loaded only there).
  for budget in "offer-compare 500000" "history-page 250000"; do
    set -- $budget
    wasm=$(ls dist/"$1"-*_bg.wasm)
    gzipped=$(gzip -9c "$wasm" | wc -c)
    printf '%s wasm: %s bytes raw, %s bytes gzipped (gzip -9)\n' "$1" "$(stat -c%s "$wasm")" "$gzipped"
    if [ "$gzipped" -ge "$2" ]; then
      echo "the $1 wasm is over its budget of $2 bytes gzipped" >&2
      exit 1
    fi
  done
  step "command line for the end-to-end comparison"
  cargo build --locked --bin offer-compare
  step "end-to-end tests in Chromium"
  (cd tests/e2e && npm test)
fi

step "all tests passed"

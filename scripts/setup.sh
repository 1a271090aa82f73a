#!/usr/bin/env bash
# Installs what `make serve` / `make test` need, idempotently, saying what it
# does. Every tool comes from crates.io, npm or Debian — nothing is downloaded
# at build time (trunk always runs --offline).
#   scripts/setup.sh serve   tools to build and serve the app
#   scripts/setup.sh test    the same, plus Chromium, chromedriver and the e2e packages
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-serve}"
TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the crate version pinned in Cargo.toml.
WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '==> %s\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup (https://rustup.rs)"; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  # Not --locked: its lock file pins a crate version the registry no longer serves.
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io"
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

node_major=$(node --version 2>/dev/null | sed 's/^v\([0-9]*\).*/\1/' || true)
if [ -z "$node_major" ] || [ "$node_major" -lt 20 ]; then
  echo "Node.js 20 or newer is needed (found: ${node_major:-none}); Debian 12's apt has only 18 — install Node 20 from nodejs.org or NodeSource."
  exit 1
fi

npm_ci() { # $1 = directory with package-lock.json
  if [ ! -d "$1/node_modules" ] || [ "$1/package-lock.json" -nt "$1/node_modules" ]; then
    say "installing npm packages in $1 (exact versions from package-lock.json)"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$1/node_modules"
  fi
}
npm_ci tools   # binaryen's wasm-opt, used by trunk for the release bundle

if [ "$mode" = test ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    if [ "$(id -u)" = 0 ]; then
      say "installing Debian's chromium and chromium-driver"
      DEBIAN_FRONTEND=noninteractive apt-get update -q
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
    else
      echo "Chromium is needed for the browser tests. Run:"
      echo "  sudo apt-get install -y chromium chromium-driver"
      exit 1
    fi
  fi
  npm_ci tests/e2e   # playwright-core (no browser download) and axe-core
fi
say "tools ready"

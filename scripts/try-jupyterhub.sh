#!/usr/bin/env bash
# Try the team set-up (deploy/jupyterhub/) on this machine without changing the project's environment:
# JupyterHub goes into a throwaway venv that sees the project's packages, configurable-http-proxy into a
# folder of its own (npm), then bench/jupyterhub_check.py starts the hub on 127.0.0.1, logs a facilitator in,
# lets a participant join through the hub and checks the sticky reaches the facilitator's session folder.
#   scripts/try-jupyterhub.sh [--keep]      needs: scripts/setup.sh done, node + npm, Debian's chromium
# CX_PYTHON (default .venv/bin/python) is the project's Python; CX_HUB_TMP (default /tmp) holds the installs.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${CX_PYTHON:-.venv/bin/python}"
tmp="${CX_HUB_TMP:-${TMPDIR:-/tmp}}"
venv="$tmp/cx-hub-venv" proxy="$tmp/cx-hub-proxy"

if [ ! -x "$venv/bin/jupyterhub" ]; then
  "$python" -m venv "$venv"
  # the project's packages (copilot's dependencies, JupyterLab, Voila, Playwright) are seen, not copied
  "$python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])' \
    > "$(echo "$venv"/lib/python3*/site-packages)/cx-project.pth"
  "$venv/bin/pip" install -q 'jupyterhub>=5.2'
  # and the project's Jupyter files: Voila's templates, the widgets' JupyterLab extension, the kernel, and
  # the settings that turn JupyterLab on in a Jupyter server
  prefix="$("$python" -c 'import sys; print(sys.prefix)')"
  mkdir -p "$venv/etc"
  ln -s "$prefix/share/jupyter" "$venv/share/jupyter"
  ln -s "$prefix/etc/jupyter" "$venv/etc/jupyter"
fi
if ! command -v configurable-http-proxy >/dev/null && [ ! -x "$proxy/bin/configurable-http-proxy" ]; then
  command -v npm >/dev/null || { echo "npm is needed (Debian: apt-get install nodejs npm)" >&2; exit 1; }
  npm install -g --silent --prefix "$proxy" configurable-http-proxy
fi
export PATH="$proxy/bin:$venv/bin:$PATH" PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
exec "$venv/bin/python" bench/jupyterhub_check.py "$@"

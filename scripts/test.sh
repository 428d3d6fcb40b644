#!/usr/bin/env bash
# Set up the app, what the tests need from the system, and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
scripts/system-deps.sh
exec .venv/bin/python -m pytest -n 2 --dist loadgroup "$@"

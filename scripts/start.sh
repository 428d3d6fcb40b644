#!/usr/bin/env bash
# Quick start: set everything up, ingest the example research and open the start-here notebook.
#   scripts/start.sh              JupyterLab in your browser
#   scripts/start.sh --headless   no browser (servers, CI): run the example workshop and write the deck
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
lang="${CX_COPILOT_LANG:-nl}"
if [ "${1:-}" = "--headless" ]; then
  mkdir -p out
  cx-copilot workshop run workshop_templates/journey_pain_points_90.yaml \
    --research examples/research --out "out/deck-$lang.pptx" --lang "$lang"
  exit 0
fi
cx-copilot ingest examples/research --lang "$lang"
exec cx-copilot lab

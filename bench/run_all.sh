#!/usr/bin/env bash
# Run every benchmark and keep the JSON results in bench/results/. Needs ../shared/data beside the clone
# for the retrieval and theme benchmarks (skipped with a note when it is not there).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/.venv/bin:$PATH"
out=bench/results
mkdir -p "$out"
data=../shared/data
if [ -d "$data" ]; then
  cx-copilot bench retrieval "$data/banking77/test.csv" --text-column text --label-column category --json > "$out/retrieval_banking77.json"
  cx-copilot bench retrieval "$data/banking77/train.csv" --text-column text --label-column category --limit 10000 --queries 500 --json > "$out/retrieval_banking77_train_10k.json"
  cx-copilot bench retrieval "$data/xsid_nl/nl_intents.csv" --text-column text --label-column intent --json > "$out/retrieval_xsid_nl.json"
  cx-copilot bench themes "$data/banking77/test.csv" --text-column text --label-column category --json > "$out/themes_banking77.json"
  cx-copilot bench themes "$data/xsid_nl/nl_intents.csv" --text-column text --label-column intent --json > "$out/themes_xsid_nl.json"
else
  echo "../shared/data is not beside this clone: retrieval and theme benchmarks skipped." >&2
fi
python bench/pii_redaction.py --json > "$out/pii_redaction.json"
python bench/pii_redaction.py --held-out --json > "$out/pii_held_out.json"
python bench/pii_redaction.py --blind2 --half even --json > "$out/pii_blind2_even.json"  # the odd half: once, by hand
python bench/cross_language_themes.py --json > "$out/cross_language_themes.json"
python bench/sentiment.py --json > "$out/sentiment.json"
python bench/deck_build.py --json > "$out/deck_build.json"
python bench/import_time.py --json > "$out/import_time.json"
python bench/prompt_tokens.py --json > "$out/prompt_tokens.json"
python bench/quotations.py --json > "$out/quotations.json"
python bench/pasted_answers.py --json > "$out/pasted_answers.json"
python bench/participation.py --json > "$out/participation.json"

[ -d "$data/nl_gebruikersonderzoeken" ] && python bench/report_chunks.py --json "$out/report_chunks.json"
echo "Results in $out/"

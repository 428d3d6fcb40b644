"""Time `import copilot` (and what the notebook imports) in fresh interpreters, against importing the heavy
libraries eagerly, which is what a naive package would do at start-up.

    .venv/bin/python bench/import_time.py [--json]
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys

CASES = {
    "import copilot": "import copilot",
    "import copilot.cli": "import copilot.cli",
    "import copilot.ui.start_here": "import copilot.ui.start_here",
    "eager: chromadb + sentence_transformers + pptx": "import chromadb, sentence_transformers, pptx",
}


def seconds(statement: str, repeats: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(repeats)
    ]
    return statistics.median(runs)


def main() -> None:
    result = {name: round(seconds(statement), 3) for name, statement in CASES.items()}
    print(json.dumps(result, indent=2) if "--json" in sys.argv else "\n".join(f"{k}\t{v}" for k, v in result.items()))


if __name__ == "__main__":
    main()

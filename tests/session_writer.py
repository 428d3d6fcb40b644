"""One writer in the concurrency test, run as its own process: `edits` saves to one session's SD-02, each
changing one theme (its own most of the time, every tenth the shared one), printed as JSON at the end.

    python tests/session_writer.py SESSION WRITER EDITS versioned|legacy

versioned: read() then save_edit(base=version), as an adapted UI does; a SaveConflict is counted and the
edit made again on a fresh read, as a person would. legacy: content() then save_edit() without a base, as
the UI did before versions existed.
"""

import json
import sys
from pathlib import Path

from copilot.errors import SaveConflict
from copilot.session import Session
from copilot.steps.schemas import ResearchSynthesis, Theme


def edited(content: ResearchSynthesis | None, item: str, label: str) -> ResearchSynthesis:
    themes = list(content.themes) if content else []
    new = Theme(id=item, label=label, evidence=["q1"])
    for i, theme in enumerate(themes):
        if theme.id == item:
            themes[i] = new
            return ResearchSynthesis(themes=themes)
    return ResearchSynthesis(themes=[*themes, new])


def main() -> None:
    path, writer, edits, mode = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
    session = Session.open(path)
    saves, conflicts = [], []
    for n in range(edits):
        item = "shared" if n % 10 == 0 else f"{writer}-{n % 25}"
        label = f"{writer} edit {n}"
        while True:
            if mode == "versioned":
                seen = session.read("SD-02", ResearchSynthesis)
                content, base = seen.content, seen.version
            else:
                content, base = session.content("SD-02", ResearchSynthesis), None
            try:
                result = session.save_edit("SD-02", edited(content, item, label), base=base)
            except SaveConflict as conflict:
                conflicts.append({"item": item, "with": [c.item_id for c in conflict.conflicts]})
                if mode == "legacy":
                    session.read("SD-02", ResearchSynthesis)  # what a reload does
                continue
            saves.append({"version": result.version, "item": item, "label": label, "merged": result.merged})
            break
    session.close()
    print(json.dumps({"saves": saves, "conflicts": conflicts}))


if __name__ == "__main__":
    main()

"""Where each step's content came from, read from the session's history and call log (never written there).

    origin            computed from the research | drafted by a model | pasted from an assistant | written by people
                      | from the workshop (participants' stickies, dots and ratings)
    model             the model of the last successful call for the step (drafted by a model only)
    template_version  the first 12 hex digits of the SHA-256 of the prompt template file. For a model's draft it
                      is checked against the call log: the logged prompt must start with the template's system
                      section; when the file has changed since, the version is "changed" rather than a guess.
                      For a pasted answer the prompt was copied, not logged: the file's version as it is now.
    human_edits       how many times people saved their own version of the step
    changed_at        the last draft, edit or lock

The session stores no template hash of its own, so the version is derived this way (see `call_template`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from copilot.session import Session

ORIGINS = ("computed", "ai", "pasted", "person", "workshop")  # workshop: the room's input (issue 23)


@dataclass(frozen=True)
class StepProvenance:
    step_id: str
    origin: str  # computed | ai | pasted | person | "" (nothing yet)
    model: str = ""
    template: str = ""  # the template file's name
    template_version: str = ""
    human_edits: int = 0
    drafted_at: str = ""
    changed_at: str = ""


def prompt_folder() -> Path:
    from copilot.settings import project_root

    return project_root() / "prompts"


@cache
def _templates(folder: Path, language: str) -> dict:
    from copilot.prompts import templates

    try:
        return templates(folder, language)
    except Exception:  # a broken template file must not stop a deck or an audit: its version stays empty
        return {}


def file_version(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def template_for(step_id: str, language: str, folder: Path | None = None):
    return _templates(Path(folder or prompt_folder()), language).get(step_id)


def call_template(call: dict, folder: Path | None = None) -> tuple[str, str]:
    """(template file name, version) of a logged model call: the template whose system section the logged
    prompt starts with, in either language; ("", "changed") when no current template matches."""
    for language in ("nl", "en"):
        template = template_for(call["step_id"], language, folder)
        if template and template.system and call["prompt"].startswith(template.system.strip()):
            return template.path.name, file_version(template.path)
    return "", "changed"


def step_provenance(session: Session, step_id: str, folder: Path | None = None) -> StepProvenance:
    history = session.history(step_id)
    drafts = [h for h in history if h["action"] == "draft"]
    edits = [h for h in history if h["action"] == "edit"]
    if not drafts and not edits:
        return StepProvenance(step_id, "")
    changed_at = history[-1]["at"]
    if not drafts:
        return StepProvenance(step_id, "person", human_edits=len(edits), changed_at=changed_at)
    last = drafts[-1]
    origin = last["actor"] if last["actor"] in ORIGINS else "ai"
    model = template = version = ""
    if origin == "ai":
        calls = [c for c in session.calls(step_id) if not c["error"] and c["at"] <= last["at"]]
        if calls:
            model = calls[-1]["model"]
            template, version = call_template(calls[-1], folder)
    elif origin == "pasted":
        found = template_for(step_id, session.language, folder)
        if found:
            template, version = found.path.name, file_version(found.path)
    return StepProvenance(step_id, origin, model, template, version, len(edits), last["at"], changed_at)


def _normal(text: str) -> str:
    import re
    import unicodedata

    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[“”„‟\"'‘’`´]", "", text)
    return re.sub(r"\s+", " ", text).strip(" .…")


def quoted_sentences(session: Session, step_id: str, schema) -> list[dict]:
    """Every sentence an item of the step quotes: whether it stands word for word in a quote the item cites
    (as kept in the session), and that quote (`evidence`, None when it stands in none)."""
    content = session.content(step_id, schema) if schema else None
    rows = []
    for name in type(content).model_fields if content is not None else ():
        for item in getattr(content, name) or []:
            for field in ("quote", "quotes"):
                value = getattr(item, field, None)
                for sentence in [value] if isinstance(value, str) else value or []:
                    if not sentence or not sentence.strip():
                        continue
                    cited = session.evidence(list(getattr(item, "evidence", []) or []))
                    match = next((q for q in cited if _normal(sentence) in _normal(q.text)), None)
                    rows.append(
                        {
                            "step": step_id,
                            "item": item.id,
                            "quote": sentence,
                            "verbatim": match is not None,
                            "evidence": match,
                        }
                    )
    return rows

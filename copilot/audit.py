"""An AI-use record an organisation can file: every model call, paste, computation and human action of a
session, with time, step, model, prompt-template version and token counts, as CSV and JSON.

What never goes in: API keys or other secrets (scrubbed from error messages, which some providers fill with
the key they refused) and research text — no prompt or answer is copied, only a SHA-256 of the logged prompt
(itself stored with personal data redacted), so a filed record can be matched to the session later.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path

import typer

from copilot.export.provenance import call_template, file_version, template_for

FIELDS = [
    "at", "step", "kind", "actor", "model", "template", "template_version", "prompt_tokens", "completion_tokens",
    "tokens_estimated", "latency_ms", "cost", "prompt_sha256", "error",
]  # fmt: skip

# action in the history -> what the record calls it
KINDS = {
    ("computed", "draft"): "computation",
    ("ai", "draft"): "model draft",
    ("pasted", "draft"): "paste",
    ("person", "edit"): "human edit",
    ("person", "lock"): "lock",
    ("person", "unlock"): "unlock",
    ("person", "reject draft"): "draft rejected",
}
SECRET = re.compile(
    r"(?:sk|pk|rk|xai|gsk|hf)[-_][A-Za-z0-9_\-]{8,}|(?:bearer|api[ _-]?key|key|token|secret|password)[\"']?\s*[:=]?\s*"
    r"[\"']?[A-Za-z0-9_\-.]{12,}|[A-Za-z0-9]{32,}",
    re.IGNORECASE,
)
CHARS_PER_TOKEN = 4  # the step engine's estimate, for pasted answers whose tokens nobody counted


def scrub(text: str, language: str = "en") -> str:
    """An error message without secrets or personal data."""
    from copilot.research.redaction import Redactor

    return Redactor(language).redact(SECRET.sub("[secret]", text or ""))


def audit_records(session, folder: Path | None = None) -> list[dict]:
    """Every model call and every step action of `session`, oldest first."""
    records = []
    for call in session.calls():
        template, version = call_template(call, folder)
        records.append(
            _record(
                at=call["at"], step=call["step_id"], kind="model call", actor="ai", model=call["model"],
                template=template, template_version=version, prompt_tokens=call["prompt_tokens"],
                completion_tokens=call["completion_tokens"], latency_ms=call["latency_ms"], cost=call["cost"],
                prompt_sha256=hashlib.sha256(call["prompt"].encode()).hexdigest(),
                error=scrub(call["error"], session.language),
            )
        )  # fmt: skip
    for step_id in session.step_ids():
        for entry in session.history(step_id):
            kind = KINDS.get((entry["actor"], entry["action"]), entry["action"])
            record = _record(at=entry["at"], step=step_id, kind=kind, actor=entry["actor"])
            if entry["actor"] == "pasted":
                found = template_for(step_id, session.language, folder)
                if found:
                    record.update(template=found.path.name, template_version=file_version(found.path))
                record.update(completion_tokens=max(1, len(entry["content"] or "") // CHARS_PER_TOKEN))
                record.update(tokens_estimated=True)
            records.append(record)
    return sorted(records, key=lambda r: r["at"])


def _record(**values) -> dict:
    empty = {name: "" for name in FIELDS} | {"prompt_tokens": 0, "completion_tokens": 0, "latency_ms": 0, "cost": 0.0}
    return empty | {"tokens_estimated": False} | values


def write_audit(session, out: Path, folder: Path | None = None) -> tuple[Path, Path]:
    """`out`.csv and `out`.json (`out` without its suffix); returns both paths."""
    records = audit_records(session, folder)
    out = Path(out)
    base = out.with_suffix("") if out.suffix.lower() in (".csv", ".json") else out
    base.parent.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = base.with_name(base.name + ".csv"), base.with_name(base.name + ".json")
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        writer.writerows(records)
    document = {
        "session": session.title,
        "file": Path(session.path).name,
        "language": session.language,
        "records": records,
    }
    json_path.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return csv_path, json_path


def session_audit(
    session_file: Path = typer.Argument(..., help="A .cxsession file."),
    out: Path | None = typer.Option(None, "--out", help="Where to write NAME.csv and NAME.json; default: beside it."),
) -> None:
    """Write the session's AI-use record (every model call, paste and computation) as CSV and JSON."""
    from copilot.session import Session

    session = Session.open(session_file)
    try:
        paths = write_audit(session, out or Path(session_file).with_name(Path(session_file).stem + "-audit"))
    finally:
        session.close()
    for path in paths:
        typer.echo(str(path))

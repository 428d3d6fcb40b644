"""SD-01 challenge brief, computed offline: what the research can say before the team writes its question —
the customer segments a survey counts, and today's figures a KPI starts from (NPS and satisfaction from the
survey, contacts a year from a contact export), each citing rows it counted.

The challenge itself, why now, the scope and the targets are the team's decisions: the open questions hand
them over. A brief is a commitment; a computed one would be a guess dressed as one.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

from copilot.errors import StepError
from copilot.i18n import t
from copilot.research.chunks import Chunk
from copilot.research.store import ResearchStore
from copilot.session import Session
from copilot.steps import contact_exports as exports
from copilot.steps.business_case import between, number
from copilot.steps.proto_personas import segments
from copilot.steps.registry import Agenda
from copilot.steps.schemas import ChallengeBrief, Kpi, Segment

MAX_SEGMENTS = 4
CITED = 3  # rows cited per figure: enough to check it, few enough to read
NPS_GROUPS = {"detractor", "passive", "promoter"}
_SATISFACTION = re.compile(r"^(?:csat|tevredenheid|satisfaction|klanttevredenheid|rapportcijfer|cijfer)$", re.I)


def draft_brief(store: ResearchStore, session: Session, workshop: Agenda | None = None):
    language = session.language
    rows = store.chunks(where={"kind": "table"})
    export = exports.contact_export(rows)
    contacts = {row.chunk.id for row in export.rows} if export else set()
    answers = [row for row in rows if row.id not in contacts]
    kpis = [*_survey_kpis(answers, language), *_contact_kpis(export, language)]
    groups = _segments(answers, language)
    if not kpis and not groups:
        raise StepError(t("starters.brief_none", language))
    for n, kpi in enumerate(kpis, start=1):
        kpi.id = f"K{n}"
    cited = {c.id: c for c in rows if any(c.id in item.evidence for item in [*kpis, *groups])}
    questions = [t("starters.brief_challenge", language), t("starters.brief_targets", language)]
    brief = ChallengeBrief(challenge="", segments=groups, kpis=kpis, open_questions=questions)
    return brief, list(cited.values())


def _by_file(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    files: dict[str, list[Chunk]] = defaultdict(list)
    for chunk in chunks:
        files[chunk.source].append(chunk)
    return files


def _survey_kpis(answers: list[Chunk], language: str) -> list[Kpi]:
    """Per survey file: its NPS (promoters minus detractors, of those who scored) and its mean satisfaction."""
    kpis = []
    for source, rows in _by_file(answers).items():
        scored = [r for r in rows if r.metadata.get("score_group") in NPS_GROUPS]
        if scored:
            share = {g: sum(r.metadata["score_group"] == g for r in scored) / len(scored) for g in NPS_GROUPS}
            nps = round(100 * (share["promoter"] - share["detractor"]))
            baseline = t("starters.brief_nps", language, nps=f"{nps:+d}" if nps else "0", n=len(scored), source=source)
            kpis.append(Kpi(id="K", name="NPS", baseline=baseline, evidence=_spread(scored)))
        for column in sorted({key for r in rows for key in r.metadata if _SATISFACTION.match(key)}):
            values = [float(v) for r in rows if _NUMBER.match(v := r.metadata.get(column, "").replace(",", "."))]
            if len(values) >= 2:
                mean = number(statistics.fmean(values), language, 1)
                baseline = t(
                    "starters.brief_mean",
                    language,
                    mean=mean,
                    high=number(max(values), language),
                    n=len(values),
                    source=source,
                )
                name = t("starters.brief_satisfaction", language, column=column)
                kpis.append(Kpi(id="K", name=name, baseline=baseline, evidence=_spread(rows)))
    return kpis


_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")


def _contact_kpis(export: exports.ContactExport | None, language: str) -> list[Kpi]:
    per_year = exports.contacts_per_year(export) if export else None
    if per_year is None:
        return []
    baseline = t(
        "starters.brief_contacts",
        language,
        contacts=between(per_year.low, per_year.high, language),
        source=", ".join(export.sources),
    )
    cited = [c.id for c in exports.spread(export.rows, CITED)]
    return [Kpi(id="K", name=t("starters.brief_contacts_name", language), baseline=baseline, evidence=cited)]


def _segments(answers: list[Chunk], language: str) -> list[Segment]:
    """The segments a survey's segment column counts, largest first, with how many answers each."""
    counted = segments(answers)
    total = sum(len(voice.chunks) for voice in counted)
    found = []
    for n, voice in enumerate(counted[:MAX_SEGMENTS], start=1):
        about = t("starters.brief_segment", language, n=len(voice.chunks), total=total)
        found.append(Segment(id=f"G{n}", name=voice.tag, description=about, evidence=_spread(voice.chunks)))
    return found


def _spread(rows: list[Chunk]) -> list[str]:
    return [row.id for row in exports.evenly(rows, CITED)]

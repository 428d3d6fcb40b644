"""Read the Markdown assistants write — headings, bold lines, nested bullet lists, `Label: value` lines and
tables — into a plain outline, with no knowledge of any step. `answer_shape` then fits the outline to a step.

    Node(kind, text, children, rows)    kind: heading | bold | bullet | line | table
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# a bold line, maybe with a short italic note after it: "**T7. Kennisbank** *(aanname)*"
BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*(?P<note>[*_]\(?[^*_()]{1,30}\)?[*_])?\s*:?\s*$")
BULLET = re.compile(r"^(\s*)(?:[-*•+▪◦‣]|\d{1,2}[.)]|[a-z][.)])\s+(.*)$")
TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")
LABEL = re.compile(
    r"^\s*(?:\*\*|__)?(?P<label>[^:*\[\]{}()|]{1,60}?(?:\([^)]{0,40}\))?)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*"
    r"(?P<value>.*)$",
    re.DOTALL,
)


@dataclass
class Node:
    kind: str
    text: str = ""
    level: float = 0
    children: list[Node] = field(default_factory=list)
    rows: list[dict[str, str]] = field(default_factory=list)  # tables only: header -> cell
    header: list[str] = field(default_factory=list)

    def all_text(self) -> str:
        parts = [self.text, *(" ".join(row.values()) for row in self.rows)]
        return " ".join(parts + [child.all_text() for child in self.children])


def split_label(text: str) -> tuple[str | None, str]:
    """`**Pitch:** text` → ("Pitch", "text"); a line with no short label before a colon → (None, text)."""
    match = LABEL.match(text)
    if not match:
        return None, text.strip()
    label = match.group("label").strip().strip("*_ ")
    if not label or len(label.split()) > 7:
        return None, text.strip()
    return label, clean(match.group("value"))


def clean(text: str) -> str:
    """Cell or line text without Markdown emphasis or HTML line breaks."""
    text = re.sub(r"<br\s*/?>", "\n", text or "", flags=re.IGNORECASE)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return text.strip().strip("*_").strip()


def outline(text: str) -> list[Node]:
    """The answer as a forest of nodes; fences are unwrapped, chatter is kept (the shaper ignores it)."""
    root = Node("root", level=-1)
    stack = [root]
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\t", "    ").split("\n")]
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        i += 1
        if not stripped or stripped.startswith("```") or set(stripped) <= set("-*_= "):
            continue
        if _is_table_start(lines, i - 1):
            table, i = _table(lines, i - 1)
            # "**Persona:** a carer" above a table is a field with its value, not the table's heading
            while len(stack) > 1 and stack[-1].kind == "line" and all(split_label(stack[-1].text)):
                stack.pop()
            _attach(stack, table, level=_container_level(stack) + 0.5)
            continue
        if match := HEADING.match(stripped):
            node = Node("heading", clean(match.group(2)), level=len(match.group(1)))
        elif (match := BOLD_LINE.match(stripped)) and ":" not in match.group(1)[:-1]:
            note = clean(match.group("note") or "")
            node = Node("bold", clean(match.group(1)) + (f" {note}" if note else ""), level=7)
        elif match := BULLET.match(line):
            indent = len(match.group(1))
            node = Node("bullet", clean(match.group(2)), level=10 + indent / 2)
        else:
            indent = len(line) - len(line.lstrip())
            node = Node("line", clean(stripped), level=10 + indent / 2 + 0.25 if indent else 8)
        _attach(stack, node, node.level)
    return root.children


def _container_level(stack: list[Node]) -> float:
    return stack[-1].level


def _attach(stack: list[Node], node: Node, level: float) -> None:
    node.level = level
    while len(stack) > 1 and stack[-1].level >= level:
        stack.pop()
    stack[-1].children.append(node)
    if node.kind != "table":
        stack.append(node)


def _is_table_start(lines: list[str], i: int) -> bool:
    return (
        lines[i].count("|") >= 1
        and i + 1 < len(lines)
        and TABLE_SEPARATOR.match(lines[i + 1]) is not None
        and "|" in lines[i + 1]
    )


def _unique(header: list[str]) -> list[str]:
    """Headers that repeat ("| A | D | K | A | R |", ADKAR's two A's) each keep their column: "A (2)"."""
    seen: dict[str, int] = {}
    unique = []
    for cell in header:
        seen[cell] = seen.get(cell, 0) + 1
        unique.append(f"{cell} ({seen[cell]})" if cell and seen[cell] > 1 else cell)
    return unique


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|"):
        line = line[:-1]
    return [clean(cell) for cell in re.split(r"(?<!\\)\|", line)]


def _table(lines: list[str], i: int) -> tuple[Node, int]:
    header = _unique(_cells(lines[i]))
    rows = []
    i += 2
    while i < len(lines) and lines[i].count("|") >= 1 and lines[i].strip():
        cells = _cells(lines[i])
        if any(cells):
            rows.append({h or f"column {n + 1}": c for n, (h, c) in enumerate(zip(header, cells, strict=False))})
        i += 1
    return Node("table", rows=rows, header=header), i

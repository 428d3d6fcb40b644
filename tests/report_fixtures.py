"""Reports the way public bodies hand them over, written without Word or PowerPoint: a PDF "made in Word" (cover,
table of contents, running header and footer, page numbers, letter-spaced and numbered headings, a summary that
repeats the body, sentences cut by page breaks, a two-column page), a slide deck saved as PDF, and a Word test
plan. Used by the tests and by bench/report_chunks.py (which renders the real Dutch reports this way).
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

A4 = (595, 842)
SLIDE = (842, 595)


@dataclass
class Page:
    size: tuple[int, int] = A4
    lines: list[tuple[float, float, float, str]] = field(default_factory=list)  # x, y, font size, text

    def add(self, x: float, y: float, size: float, text: str) -> None:
        self.lines.append((x, y, size, text))


def _latin(text: str) -> str:
    swap = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "→": "->", "•": "-"}
    text = "".join(swap.get(char, char) for char in text)
    text = text.encode("latin-1", "replace").decode("latin-1")
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf_bytes(pages: list[Page]) -> bytes:
    """A valid PDF with Helvetica text at the given places, offsets computed (no PDF library needed)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for page in pages:
        stream = "".join(f"BT /F1 {size} Tf {x} {y} Td ({_latin(text)}) Tj ET\n" for x, y, size, text in page.lines)
        data = stream.encode("latin-1")
        objects.append(f"<< /Length {len(data)} >>\nstream\n{stream}endstream")
        width, height = page.size
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] "
            f"/Resources << /Font << /F1 3 0 R >> >> /Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# --- a report: sections of paragraphs and list items ------------------------------------------------------------


@dataclass
class Section:
    heading: str
    paragraphs: list[str]  # a paragraph starting "- " is a list item


def sections_from_markdown(text: str) -> tuple[str, list[Section]]:
    """Title and "##"/"###" sections of a Markdown report, with its images, comments and front matter left out."""
    title = ""
    front = re.match(r"\A---\n(.*?)\n---\n", text, re.S)
    if front:
        found = re.search(r"^title:\s*['\"]?(.+?)['\"]?\s*$", front[1], re.M)
        title = found[1] if found else ""
        text = text[front.end() :]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    sections: list[Section] = []
    for block in re.split(r"\n\s*\n", text):
        block = block.strip()
        if not block or block.startswith(("![", "|", "<")):
            continue
        if block.startswith("#"):
            heading = block.lstrip("#").strip()
            if block.startswith("# "):
                title = title or heading
                continue
            sections.append(Section(heading, []))
            continue
        if not sections:
            sections.append(Section("Inleiding", []))
        for line in block.split("\n"):
            line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line.strip())  # images are not in the text layer
            line = re.sub(r"\*\*|__|\[([^\]]*)\]\([^)]*\)", lambda m: m.group(1) or "", line).lstrip("> ")
            line = re.sub(r"(?<!\w)_(\S(?:.*?\S)?)_(?!\w)", r"\1", line)  # italics
            if re.match(r"^[-*]\s", line):
                sections[-1].paragraphs.append("- " + line[2:].strip())
            elif (
                line
                and sections[-1].paragraphs
                and not sections[-1].paragraphs[-1].startswith("- ")
                and (not block.startswith(("-", "*")))
            ):
                sections[-1].paragraphs[-1] += " " + line
            elif line:
                sections[-1].paragraphs.append(line)
    return title, [section for section in sections if section.paragraphs]


def spaced(heading: str) -> str:
    """ "Aanleiding" as a designer sets a chapter title: "A A N L E I D I N G"."""
    return "  ".join(" ".join(word.upper()) for word in heading.split())


def word_pdf(
    title: str, sections: list[Section], organisation: str = "Gemeente Voorbeeld", summary: int = 3, per_page: int = 44
) -> bytes:
    """A report as Word exports it: cover, contents, a summary repeating the first paragraphs of the body, then
    chapters (letter-spaced on even ones, numbered on odd ones) in running text that flows over pages."""
    pages: list[Page] = []
    cover = Page()
    cover.add(72, 600, 24, title[:60])
    cover.add(72, 560, 14, organisation)
    cover.add(72, 540, 12, "Rapportage gebruikersonderzoek, 2025")
    pages.append(cover)
    contents = Page()
    contents.add(72, 760, 16, "Inhoudsopgave")
    for number, section in enumerate(sections[:20], start=1):
        dots = "." * max(4, 60 - len(section.heading[:50]))
        contents.add(72, 730 - 18 * number, 11, f"{number}. {section.heading[:50]} {dots} {number + 2}")
    pages.append(contents)
    flow: list[tuple[str, str]] = [("heading", "Samenvatting")]
    firsts = [section.paragraphs[0] for section in sections if not section.paragraphs[0].startswith("- ")]
    flow += [("text", paragraph) for paragraph in firsts[:summary]]
    for number, section in enumerate(sections, start=1):
        head = (
            spaced(section.heading) if number % 2 == 0 and len(section.heading) < 30 else f"{number}. {section.heading}"
        )
        flow.append(("heading", head))
        flow += [("text", paragraph) for paragraph in section.paragraphs]
    pages += _flow(flow, title, organisation, per_page)
    return pdf_bytes(pages)


def _flow(flow: list[tuple[str, str]], title: str, organisation: str, per_page: int = 44) -> list[Page]:
    """Wrap text at ~90 characters, `per_page` lines a page, so sentences run on over page breaks; each body page gets a
    running header, a footer and its number; every third page is set in two columns."""
    pages: list[Page] = []
    lines: list[tuple[float, str]] = []
    for kind, text in flow:
        if kind == "heading":
            lines += [(11, ""), (14, text)]
            continue
        item = text.startswith("- ")
        wrapped = textwrap.wrap(text[2:] if item else text, 88)
        for index, line in enumerate(wrapped):
            lines.append((11, ("- " if item and index == 0 else "  " if item else "") + line))
        lines.append((11, ""))
    for start in range(0, len(lines), per_page):
        number = len(pages) + 3
        page = Page()
        page.add(72, 800, 9, f"{title[:50]} | {organisation}")
        chunk = lines[start : start + per_page]
        if (number % 3 == 0) and len(chunk) == per_page:  # two columns: left first, then right
            narrow = [(size, piece) for size, text in chunk for piece in (textwrap.wrap(text, 44) or [""])]
            half = (len(narrow) + 1) // 2
            for column, part in enumerate((narrow[:half], narrow[half:])):
                for row, (size, text) in enumerate(part):
                    if text:
                        page.add(72 + 250 * column, 760 - 15.5 * row * 44 / max(half, 44), size, text)
        else:
            for row, (size, text) in enumerate(chunk):
                if text:
                    page.add(72, 760 - 15.5 * row, size, text)
        page.add(72, 40, 9, f"Pagina {number}")
        pages.append(page)
    return pages


def slides_pdf(title: str, sections: list[Section], organisation: str = "Gemeente Voorbeeld") -> bytes:
    """A deck saved as PDF: a title slide, an agenda, then one slide per section with its first sentences as
    bullets and the organisation and slide number in the footer."""
    pages = []
    first = Page(SLIDE)
    first.add(60, 320, 28, title[:50])
    first.add(60, 280, 16, organisation)
    pages.append(first)
    agenda = Page(SLIDE)
    agenda.add(60, 520, 24, "Agenda")
    for number, section in enumerate(sections[:8], start=1):
        agenda.add(80, 480 - 24 * number, 14, f"{number}. {section.heading[:60]}")
    pages.append(agenda)
    for section in sections:
        slide = Page(SLIDE)
        slide.add(60, 520, 24, section.heading[:60])
        sentences = [s for p in section.paragraphs for s in re.split(r"(?<=[.!?])\s+", p.removeprefix("- "))]
        row = 0
        for sentence in sentences[:4]:
            for index, line in enumerate(textwrap.wrap(sentence, 80)):
                slide.add(80, 460 - 26 * row, 16, ("- " if index == 0 else "  ") + line)
                row += 1
        slide.add(60, 30, 10, f"{organisation} | {len(pages) + 1}")
        pages.append(slide)
    return pdf_bytes(pages)


def word_test_plan(path: Path) -> Path:
    """A Word test plan: goal, a contents list (Word's "toc" styles), tasks and interview questions."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    for name in ("toc 1", "toc 2"):
        document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Testplan gebruikersonderzoek eLoket", style="Title")
    document.add_paragraph("Doel\t3", style="toc 1")
    document.add_paragraph("Vragen\t4", style="toc 1")
    document.add_heading("Doel", 1)
    document.add_paragraph("We willen weten of ondernemers de aanvraag zonder hulp kunnen afronden.")
    document.add_heading("Taken", 1)
    document.add_paragraph("Vraag een subsidie aan voor een elektrische bestelauto.", style="List Number")
    document.add_paragraph("Sla de aanvraag tussentijds op en ga later verder.", style="List Number")
    document.add_paragraph("Mits de tijd het toelaat.")
    document.add_heading("Vragen", 1)
    for question in (
        "Hoe vaak vraagt u een subsidie aan?",
        "Wat doet u als u niet weet welk document u moet uploaden?",
        "Wat verwacht u dat er gebeurt nadat u op verzenden klikt?",
    ):
        document.add_paragraph(question, style="List Bullet")
    document.save(path)
    return path


def word_docx(path: Path, title: str, sections: list[Section]) -> Path:
    """A report written in Word: a title, a contents list (Word's "toc 1" style), headings, paragraphs, bullets."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    for name in ("toc 1", "TOC Heading"):
        if name not in [style.name for style in document.styles]:
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph(title, style="Title")
    document.add_paragraph("Inhoudsopgave", style="TOC Heading")
    for number, section in enumerate(sections, start=1):
        document.add_paragraph(f"{section.heading}\t{number + 1}", style="toc 1")
    for section in sections:
        document.add_heading(section.heading, 1)
        for paragraph in section.paragraphs:
            if paragraph.startswith("- "):
                document.add_paragraph(paragraph[2:], style="List Bullet")
            else:
                document.add_paragraph(paragraph)
    document.save(path)
    return path

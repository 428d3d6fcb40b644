"""Ingest of a contact-centre sized export: time, throughput and peak memory, against the obvious alternative.

    .venv/bin/python bench/ingest_large.py --rows 200000 [--embedder minilm|hashing] [--json OUT]

Each variant runs in a process of its own, so its peak memory (max RSS) is its own:
- `stream`: `cx-copilot ingest` as it is — the file checked once, then read again in batches of 2,048 rows,
  embedded and written batch by batch;
- `materialise`: the obvious alternative (what ingest did before): every chunk of the file in one list first.
  It is only loaded, not embedded, which is already enough to see the memory it needs;
- `model`: the embedding model alone on the same texts, in batches (the ceiling for any ingest).
With `--embedder hashing` a word-hashing embedder stands in for the model, to measure the pipeline itself.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOPICS = [
    ("termijnbedrag", "wil het termijnbedrag verlagen na een nieuwe gezinssituatie"),
    ("verhuizing", "geeft een verhuizing door en vraagt wanneer de eindafrekening komt"),
    ("meterstand", "snapt niet waarom de meterstand in de app afwijkt van de meter"),
    ("storing", "meldt een storing en wil weten wanneer die opgelost is"),
    ("factuur", "vindt de jaarafrekening onduidelijk en wil uitleg over de bijbetaling"),
    ("regeling", "heeft een betalingsachterstand en vraagt om een regeling"),
    ("chatbot", "kwam niet verder met de chatbot en wilde een medewerker spreken"),
]
ENDINGS = [
    "Uitgelegd en in het systeem aangepast.",
    "Doorgezet naar backoffice, klant krijgt binnen 10 werkdagen bericht.",
    "Klant was ontevreden over de wachttijd van 25 minuten.",
    "Teruggebeld, klant tevreden.",
    "Klant belt voor de derde keer over hetzelfde.",
]


def write_export(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["contact_id", "datum", "kanaal", "reden_code", "afgehandeld_door", "csat", "notitie"])
        for n in range(rows):
            code, topic = TOPICS[rng.randrange(len(TOPICS))]
            note = f"Kl. {topic} (dossier {rng.randrange(10**6):06d}). {rng.choice(ENDINGS)}"
            channel = rng.choice(["telefoon", "chat", "email", "whatsapp"])
            writer.writerow(
                [
                    f"CT-{n:07d}",
                    f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    channel,
                    code.upper(),
                    "mdw",
                    1 + n % 5,
                    note,
                ]
            )


def _embedder(kind: str):
    if kind == "hashing":
        sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
        from test_ingest_large import HashingEmbedder

        return HashingEmbedder()
    from copilot.research.embeddings import default_embedder

    return default_embedder()


def run_variant(variant: str, export: Path, work: Path, embedder_kind: str) -> dict:
    """One variant, in this process; returns seconds, chunks and this process's peak RSS."""
    from copilot.research.loaders import load_file, open_file

    embedder = _embedder(embedder_kind)
    embedder.embed(["warm up the model before anything is timed"])
    started = time.perf_counter()
    if variant == "stream":
        from copilot.research.ingest import ingest
        from copilot.research.store import ResearchStore

        store = ResearchStore.open(work / "store", embedder=embedder)
        estimates: list[tuple[float, int, int]] = []
        report = ingest(export.parent, store, on_progress=lambda d, t: estimates.append((time.perf_counter(), d, t)))
        chunks = report.embedded
    elif variant == "materialise":
        chunks = len(load_file(export, export.parent))
    else:  # the model alone on the same texts, in the same batch size as ingest
        texts = (chunk.text for chunk in open_file(export, export.parent).chunks())
        batch, chunks = [], 0
        for text in texts:
            batch.append(text)
            if len(batch) == 2048:
                embedder.embed(batch)
                chunks, batch = chunks + len(batch), []
        if batch:
            embedder.embed(batch)
            chunks += len(batch)
    seconds = time.perf_counter() - started
    return {
        "variant": variant,
        "chunks": chunks,
        "seconds": round(seconds, 1),
        "chunks_per_s": round(chunks / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--embedder", choices=["minilm", "hashing"], default="minilm")
    parser.add_argument("--variants", default="materialise,stream,model")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--variant", help=argparse.SUPPRESS)
    parser.add_argument("--export", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.variant:  # a child process
        print(json.dumps(run_variant(args.variant, args.export, args.work, args.embedder)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "research"
        folder.mkdir()
        export = folder / "contacten.csv"
        write_export(export, args.rows)
        results = {"rows": args.rows, "embedder": args.embedder, "megabytes": round(export.stat().st_size / 1e6, 1)}
        for variant in args.variants.split(","):
            command = [sys.executable, __file__, "--variant", variant, "--export", str(export)]
            command += ["--work", str(Path(tmp) / variant), "--embedder", args.embedder]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[variant] = json.loads(output.strip().splitlines()[-1])
            print(json.dumps(results[variant]), file=sys.stderr)
    if "stream" in results and "model" in results:
        results["stream_vs_model"] = round(results["stream"]["chunks_per_s"] / results["model"]["chunks_per_s"], 3)
    text = json.dumps(results, indent=2)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

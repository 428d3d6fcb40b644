"""`cx-copilot bench …`: benchmarks on a labelled CSV (see BENCHMARKS.md)."""

from __future__ import annotations

from pathlib import Path

import typer

bench_app = typer.Typer(help="Benchmarks on a labelled CSV (see BENCHMARKS.md).", no_args_is_help=True)


def _bench_options(kind: str):
    def command(
        data: Path = typer.Argument(..., help="A CSV with a text and a label column."),
        text_column: str = typer.Option("text", "--text-column"),
        label_column: str = typer.Option("label", "--label-column"),
        limit: int | None = typer.Option(None, help="Use only the first N rows."),
        queries: int | None = typer.Option(None, help="retrieval: evaluate a random sample of N rows as queries."),
        as_json: bool = typer.Option(False, "--json", help="Print JSON only."),
    ) -> None:
        import json

        from copilot import benchmarks

        extra = {"queries": queries} if kind == "retrieval" and queries else {}
        result = getattr(benchmarks, kind)(data, text_column, label_column, limit=limit, **extra)
        if as_json:
            typer.echo(json.dumps(result, indent=2))
        else:
            for key, value in result.items():
                typer.echo(f"{key}\t{value}")

    command.__doc__ = {
        "retrieval": "Precision@10 of hybrid, dense and BM25 search; ingest and query speed.",
        "themes": "How well computed themes match human labels (NMI, ARI) against KMeans.",
    }[kind]
    return command


bench_app.command("retrieval")(_bench_options("retrieval"))
bench_app.command("themes")(_bench_options("themes"))

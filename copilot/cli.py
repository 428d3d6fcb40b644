"""`cx-copilot …`: a thin command line over the library. Errors a person can act on are printed plainly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from copilot.audit import session_audit
from copilot.cli_bench import bench_app
from copilot.errors import CopilotError
from copilot.export.theme_check import theme_app
from copilot.i18n import t
from copilot.settings import DEFAULT_LANGUAGE, LANGUAGES, Workspace, project_root

app = typer.Typer(
    help="CX Copilot: evidence-grounded service design in small steps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
workshop_app = typer.Typer(help="Workshop formats: list them, or run one headless.", no_args_is_help=True)
store_app = typer.Typer(help="The research store.", no_args_is_help=True)
app.add_typer(workshop_app, name="workshop")
app.add_typer(store_app, name="store")
session_app = typer.Typer(help="Workshop sessions: list, duplicate, export and import them.", no_args_is_help=True)
app.add_typer(session_app, name="session")
app.add_typer(bench_app, name="bench")
prompts_app = typer.Typer(help="Prompt templates: check them, run the facilitators' tests.", no_args_is_help=True)
app.add_typer(prompts_app, name="prompts")
app.add_typer(theme_app, name="theme")  # `theme check FILE` (copilot/export/theme_check.py)
console = Console(stderr=True)


def _service(ensure: bool = True):
    """The application service (imported here: `cx-copilot --help` stays quick)."""
    from copilot.app_service import AppService

    return AppService.open(ensure=ensure)


def _language(value: str | None) -> str | None:
    if value is not None and value not in LANGUAGES:
        raise typer.BadParameter(f"{value!r}: choose {' or '.join(LANGUAGES)}")
    return value


LANG = typer.Option(DEFAULT_LANGUAGE, "--lang", help="Language of the deck and texts: nl or en.", callback=_language)


def _progress(label: str) -> Progress:
    return Progress(
        TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(), console=console, transient=True
    )


def _ingest_with_progress(folder: Path, store, language: str, prune: bool = False, redact: bool = False):
    from copilot.research.ingest import ingest

    with _progress(t("ingest.progress", language)) as bar:
        task = bar.add_task("ingest", total=None)
        report = ingest(
            folder,
            store,
            on_progress=lambda done, total: bar.update(task, completed=done, total=total),
            prune=prune,
            redact=redact,
        )
    _print_report(report, language)
    return report


def _print_report(report, language: str) -> None:
    counts = report.counts()
    console.print(
        t("ingest.summary", language, **{k: counts.get(k, 0) for k in ("added", "updated", "unchanged", "failed")})
    )
    for failed in report.failed:
        console.print(f"[yellow]{t('ingest.failed_file', language, error=failed.problem(language))}[/yellow]")
    for skipped in getattr(report, "skipped", []):  # other file types, links out of the folder
        console.print(t("ingest.skipped_file", language, error=skipped.problem(language)), markup=False)
    for note in report.notes() if hasattr(report, "notes") else []:  # e.g. which columns were read as answers
        console.print(note.say(language), markup=False)


@workshop_app.command("run")
def workshop_run(
    format_file: Path = typer.Argument(
        ...,
        help="A workshop format, e.g. workshop_templates/journey_pain_points_90.yaml",
        exists=True,
        dir_okay=False,
    ),
    research: Path = typer.Option(
        ..., "--research", help="Folder with the research files.", exists=True, file_okay=False
    ),
    out: Path = typer.Option(Path("deck.pptx"), "--out", help="Where to write the deck."),
    language: str = LANG,
    share: bool = typer.Option(False, "--share", help="Leave out confidential (stakeholder) steps."),
) -> None:
    """Run a workshop headless and offline: ingest, draft, lock and export the deck."""
    from copilot.headless import run_workshop
    from copilot.session_files import check_deck_target

    check_deck_target(out, "pptx")  # before the run, not after minutes of drafting
    with _progress(t("ingest.progress", language)) as bar:
        task = bar.add_task("ingest", total=None)
        result = run_workshop(
            format_file,
            research,
            out,
            language,
            on_progress=lambda done, total: bar.update(task, completed=done, total=total),
            share=share,
        )
    _print_report(result.report, language)
    for step_id in result.skipped:
        console.print(f"{step_id}: {result.reasons.get(step_id, t('workshop_run.left_for_workshop', language))}")
    console.print(t("workshop_run.session", language, path=result.session_path))
    typer.echo(str(result.deck_path))


@workshop_app.command("list")
def workshop_list(language: str = LANG) -> None:
    """List the workshop formats in workshop_templates/."""
    from copilot.workshop import load_format

    for name, path in _service(ensure=False).formats().items():
        workshop = load_format(path)
        typer.echo(f"{name}\t{workshop.minutes} min\t{workshop.name(language)}")


@app.command()
def ingest(
    folders: list[Path] = typer.Argument(..., help="Folders with research files."),
    prune: bool = typer.Option(False, help="Remove files from the store that are no longer in the folder."),
    redact: bool = typer.Option(False, help="Replace personal data (names, e-mail, phone, IBAN, BSN, address)."),
    language: str = LANG,
) -> None:
    """Read research files into the store (unchanged files are skipped)."""
    store = _service().store()
    failed = 0
    for folder in folders:
        failed += len(_ingest_with_progress(folder, store, language, prune, redact).failed)
    raise typer.Exit(1 if failed else 0)


@app.command()
def search(
    query: str = typer.Argument(..., help="What to look for, in Dutch or English."),
    k: int = typer.Option(8, "-k", help="How many quotes (1 to 100).", min=1, max=100),
    filters: list[str] = typer.Option([], "--filter", help="KEY=VALUE, e.g. segment=expat or source=memo.md."),
    as_json: bool = typer.Option(False, "--json"),
    language: str = LANG,
) -> None:
    """Search the research store by meaning and by words; print the quotes with their sources."""
    import json

    from copilot.research.quotes import citation
    from copilot.research.retrieval import Retriever

    conditions = []
    for item in filters:
        key, sep, value = item.partition("=")
        if not sep:
            raise typer.BadParameter(f"{item!r}: write filters as KEY=VALUE", param_hint="--filter")
        conditions.append({key.strip(): value.strip()})
    where = None if not conditions else conditions[0] if len(conditions) == 1 else {"$and": conditions}
    store = _service().store()
    hits = Retriever(store).search(query, k=k, where=where)
    if as_json:
        rows = [
            {
                "id": h.id,
                "score": round(h.score, 4),
                "quote": h.chunk.text,
                "source": h.chunk.source,
                "location": h.chunk.location,
                "speaker": h.chunk.speaker,
            }
            for h in hits
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for hit in hits:
        # the citation as the deck shows it ("beurt 2"); --json keeps the stored place, for scripts
        cited = citation(hit.chunk.source, hit.chunk.location, language)
        speaker = f"{hit.chunk.speaker}: " if hit.chunk.speaker else ""
        typer.echo(f"[{hit.id}] {hit.score:.2f}  {speaker}“{hit.chunk.text}”\n    — {cited}")


@session_app.command("list")
def session_list(
    language: str | None = typer.Option(None, "--lang", help="nl or en, for messages.", callback=_language),
) -> None:
    """The sessions in this workspace, newest first."""
    from copilot.session import Session

    for path in sorted(_service().workspace.sessions_dir.glob("*.cxsession"), reverse=True):
        try:
            with Session.open(path) as session:
                steps = ", ".join(session.step_ids())
                typer.echo(f"{path.name}\t{session.language}\t{session.title}\t{steps}")
        except CopilotError as error:  # one broken file must not hide the others
            from copilot.cli_errors import message_language

            language = language or message_language([])
            console.print(f"[yellow]{t('errors.session_list_broken', language, detail=error.say(language))}[/yellow]")


@session_app.command("duplicate")
def session_duplicate(session_file: Path, title: str = typer.Option(..., "--title")) -> None:
    """Copy a session to try another direction without losing the first."""
    from copilot.session import Session

    with Session.open(session_file) as original:
        copy = original.duplicate(_service().new_session_path(session_file.stem), title)
        typer.echo(str(copy.path))
        copy.close()


@session_app.command("export")
def session_export(session_file: Path, out: Path) -> None:
    """Write a session as one file to share (a consistent copy, also while it is open)."""
    from copilot.session import Session

    with Session.open(session_file) as session:
        typer.echo(str(session.copy_to(out)))


@session_app.command("import")
def session_import(file: Path) -> None:
    """Bring a shared session file into this workspace."""
    from copilot.session import Session

    typer.echo(str(Session.import_file(file, _service().workspace.sessions_dir).path))


# the AI-use record: its body lives in copilot/audit.py
session_app.command("audit")(session_audit)


@store_app.command("stats")
def store_stats() -> None:
    """How many fragments and files the store holds."""
    store = _service().store()
    typer.echo(f"fragments\t{store.count()}\nfiles\t{len(store.sources())}\nembedder\t{store.embedder.name}")


@app.command()
def export(
    session_file: Path = typer.Argument(..., help="A .cxsession file."),
    out: Path = typer.Option(Path("deck.pptx"), "--out", help="Where to write it; a .md name writes Markdown."),
    language: str | None = typer.Option(
        None, "--lang", help="nl or en; default: the session's language.", callback=_language
    ),
    share: bool = typer.Option(False, "--share", help="Leave out confidential (stakeholder) steps."),
    theme: Path | None = typer.Option(
        None, "--theme", help="A .pptx master to build on (your organisation's); default: CX Copilot's own."
    ),
    master: str | None = typer.Option(None, "--master", help="In a theme with several masters: its number or name."),
    fmt: str | None = typer.Option(None, "--format", help="pptx or md; default: from the --out suffix."),
) -> None:
    """Export a session as a PowerPoint deck, or as Markdown."""
    fmt = (fmt or ("md" if out.suffix.lower() in (".md", ".markdown") else "pptx")).lower()
    if fmt not in ("pptx", "md"):
        raise typer.BadParameter(f"{fmt!r}: use pptx or md", param_hint="--format")
    if fmt == "md" and out == Path("deck.pptx"):
        out = Path("deck.md")
    service = _service(ensure=False)
    typer.echo(str(service.export_session(session_file, out, language, share, theme, master, fmt)))


@app.command()
def lab(
    no_browser: bool = typer.Option(False, "--no-browser", help="Start the server without opening a browser."),
    port: int = typer.Option(8888, help="Port for JupyterLab."),
) -> None:
    """Open JupyterLab on the start-here notebook, its kernel already started and the app loaded."""
    import webbrowser

    from copilot.lab import LabError, lab_command, new_token, notebook_url, wait_until_up, warm_kernel

    token, url = new_token(), f"http://localhost:{port}"
    process = subprocess.Popen(lab_command(project_root(), port, token))
    try:
        wait_until_up(url, token, process)
        try:
            warm_kernel(url, token)
        except (LabError, OSError) as error:  # the notebook still works: its kernel starts when it opens
            typer.echo(f"Could not prepare the kernel ahead ({error}); it starts when the notebook opens.", err=True)
        address = notebook_url(url, token)
        typer.echo(f"\nCX Copilot is open at {address}\nStop it with Ctrl+C.\n")
        if not no_browser:
            webbrowser.open(address)
        raise typer.Exit(process.wait())
    except KeyboardInterrupt:  # JupyterLab got the same Ctrl+C and shuts down by itself
        raise typer.Exit(process.wait()) from None
    except LabError as error:
        process.terminate()
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from None


@app.command("app")
def app_mode(
    no_browser: bool = typer.Option(False, "--no-browser", help="Start the server without opening a browser."),
    port: int | None = typer.Option(None, help="Port for the app (default 8866; 8867 with --participants)."),
    ip: str = typer.Option("127.0.0.1", "--ip", help="Address to listen on (0.0.0.0 to share on the network)."),
    participants: bool = typer.Option(False, "--participants", help="Serve the participants' app (join by code)."),
    base_url: str = typer.Option(
        "",
        "--base-url",
        envvar="JUPYTERHUB_SERVICE_PREFIX",  # set by JupyterHub for a service it starts (/services/<name>/)
        help="Path the app is served under behind a proxy, e.g. /services/participate/ (default /).",
    ),
) -> None:
    """Open the start-here notebook as an app with Voila: only the widgets, no code."""
    root = project_root()
    notebook = "participate.ipynb" if participants else "00_start_here.ipynb"
    port = port or (8867 if participants else 8866)
    # Voila has no --allow-root: it runs as root without one, unlike JupyterLab.
    command = [
        sys.executable,
        "-m",
        "voila",
        f"--port={port}",
        f"--Voila.ip={ip}",
        f"--Voila.root_dir={root / 'notebooks'}",
        str(root / "notebooks" / notebook),
    ]
    if participants:
        # Each page Voila renders starts a kernel, also a page nobody connects to (a health check, a preview
        # of the link in a chat app): kernels with no page attached for 5 minutes are ended. A participant
        # whose phone slept that long reloads and joins again with the personal code.
        command[-1:-1] = ["--MappingKernelManager.cull_interval=60", "--MappingKernelManager.cull_idle_timeout=300"]
    if base_url.strip("/"):
        command.insert(-1, f"--Voila.base_url=/{base_url.strip('/')}/")
    if no_browser:
        command.append("--no-browser")
    raise typer.Exit(subprocess.call(command))


@prompts_app.command("check")
def prompts_check(
    folder: Path | None = typer.Option(None, "--prompts", help="The prompts folder; default: prompts/."),
) -> None:
    """Check every template in every language: front matter, variables, schema, size; one line per problem."""
    from copilot.prompt_tests import check_templates

    folder = folder or project_root() / "prompts"
    problems = check_templates(folder)
    for problem in problems:
        typer.echo(problem)
    if problems:
        raise typer.Exit(1)
    typer.echo(f"All templates in {folder} are fine.")


@prompts_app.command("test")
def prompts_test(
    step: str | None = typer.Argument(None, help="Only the tests of this step, e.g. SD-05."),
    research: Path | None = typer.Option(None, "--research", help="Research to test on; default: examples/research."),
    tests: Path | None = typer.Option(None, "--tests", help="Folder with the tests; default: prompts/tests."),
    folder: Path | None = typer.Option(None, "--prompts", help="The prompts folder; default: prompts/."),
    store: Path | None = typer.Option(None, "--store", help="Where to keep the test store (kept between runs)."),
    language: str = LANG,
) -> None:
    """Run the facilitators' prompt tests (prompts/tests/*.yaml) on the example research: PASS or FAIL per test."""
    from copilot.prompt_tests import example_retriever, load_tests, run_tests

    root = project_root()
    folder = folder or root / "prompts"
    found = load_tests(tests or folder / "tests", step)
    if not found:
        typer.echo(f"No prompt tests{f' for {step}' if step else ''} in {tests or folder / 'tests'}.")
        raise typer.Exit(1)
    store = store or Workspace.default().home / "prompt-tests-store"
    with _progress(t("ingest.progress", language)) as bar:
        task = bar.add_task("ingest", total=None)
        retriever = example_retriever(
            research or root / "examples" / "research",
            store,
            on_progress=lambda done, total: bar.update(task, completed=done, total=total),
        )
    results = run_tests(found, retriever, folder)
    for result in results:
        typer.echo(result.line())
    failed = sum(not r.passed for r in results)
    typer.echo(f"{len(results) - failed} passed, {failed} failed")
    raise typer.Exit(1 if failed else 0)


def main() -> None:
    """Run the CLI; an error a person can cause is one line in their language, never a traceback."""
    from copilot.cli_errors import run_reporting_errors

    run_reporting_errors(app, console)


if __name__ == "__main__":
    main()

"""No import runs up a layer (ARCHITECTURE.md): research below sessions, sessions below steps, steps below
workshop formats and the deck, those below the application service, the widgets on top of it, the command line
last. Imports inside functions count too; only `if TYPE_CHECKING:` blocks do not (they never run)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "copilot"

# lowest first; a module may import its own layer and any layer before it
LAYERS: list[tuple[str, list[str]]] = [
    (
        "foundation",
        [
            "copilot",
            "copilot.errors",
            "copilot.i18n",
            "copilot.secrets",
            "copilot.settings",
            "copilot.text",
            "copilot.palette",
            "copilot.llm",
            "copilot.prompt_sandbox",
            "copilot.session_files",
            "copilot.session_schema",
            "copilot.session_merge",
        ],
    ),
    ("research", ["copilot.research"]),
    ("session and prompts", ["copilot.session", "copilot.prompts", "copilot.participation",
                             "copilot.participation_model"]),
    ("steps", ["copilot.steps", "copilot.participation_draft"]),
    ("workshop formats", ["copilot.workshop"]),
    ("export", ["copilot.export", "copilot.participation_deck"]),
    ("application", ["copilot.app_service", "copilot.workbench", "copilot.headless", "copilot.prompt_tests"]),
    ("ui", ["copilot.ui"]),
    ("command line", ["copilot.cli", "copilot.cli_bench", "copilot.cli_errors", "copilot.lab", "copilot.audit",
                      "copilot.benchmarks"]),
]  # fmt: skip


def layer_of(module: str) -> int | None:
    """The layer of a copilot module: the longest listed name it is, or is inside of."""
    best, found = -1, None
    for number, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), number
    return found


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every copilot import that runs, wherever it is in the file."""
    found = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return [(line, name) for line, name in found if name == "copilot" or name.startswith("copilot.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer():
    assert [module_name(p) for p in MODULES if layer_of(module_name(p)) is None] == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_import_runs_up_a_layer(path: Path):
    me = module_name(path)
    mine = layer_of(me)
    upward = [
        f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} "
        f"({LAYERS[layer_of(name)][0]}, above {LAYERS[mine][0]})"
        for line, name in imports(ast.parse(path.read_text(encoding="utf-8")))
        if layer_of(name) is not None and layer_of(name) > mine
    ]
    assert upward == []


def test_the_check_sees_an_upward_import_inside_a_function(tmp_path: Path):
    code = "def f():\n    from copilot.export.text import shorten\n    return shorten\n"
    ((line, name),) = imports(ast.parse(code))
    assert (line, name) == (2, "copilot.export.text") and layer_of(name) > layer_of("copilot.steps.journey")

"""The import graph runs downhill: no module imports from a later stage than its own.

The stages, lowest first, are in ``LAYERS``: the shared records and word data, then read →
nlp → resolve → coding → learn (the classifier the pipeline may ask) → pipeline → store and
the tools on top of them (evaluate, scale, summary) → training and web → the CLI and the
package's facade. Every ``import`` and ``from … import`` in ``src/newsevents`` (also those
inside functions) is checked.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsevents"

LAYERS: dict[str, int] = {
    "errors": 0, "models": 0, "lang": 0, "ontology": 0,
    "read": 1,
    "nlp": 2,
    "resolve": 3,
    "coding": 4,
    "learn": 5,
    "pipeline": 6,
    "store": 7, "export": 7, "export_formats": 7, "countries": 7,
    "evaluate": 8, "scale": 8, "watch": 8, "summary": 8, "sample": 8, "progress": 8,
    "training": 9, "web": 9,
    "cli": 10, "__init__": 10, "__main__": 10,
}
# Arrows allowed against the order, each with its reason.
EXCEPTIONS = {
    # ``from . import __version__``: the version string, set in the package's __init__ before
    # any submodule is imported
    ("pipeline", "__init__"), ("web", "__init__"), ("cli", "__init__"),
    ("read", "__init__"),  # (the feed client's user agent names the version)
    # ``import newsevents`` in ``evaluate.default_gold_dir``: only the package's location
    # (``newsevents.__file__``), to find ../shared beside the repository
    ("evaluate", "__init__"),
}


def _unit(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _targets(path: Path, tree: ast.AST):
    """(line, the top-level unit of newsevents) of each import in a module."""
    package = list(path.relative_to(PACKAGE).parts[:-1])
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "newsevents":
                    yield node.lineno, parts[1] if len(parts) > 1 else "__init__"
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0:
                parts = (node.module or "").split(".")
                if parts[0] != "newsevents":
                    continue
                full = parts[1:]
            else:
                full = package[:len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            if full:
                yield node.lineno, full[0].removesuffix(".py")
            else:  # ``from . import x`` at the top: x is a unit, or a name of the facade
                for alias in node.names:
                    name = alias.name
                    is_unit = (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file()
                    yield node.lineno, name if is_unit else "__init__"


def _arrows() -> list[tuple[str, str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = _unit(path)
        for lineno, target in _targets(path, ast.parse(path.read_text(encoding="utf-8"))):
            if target != unit:
                out.append((unit, target, f"{path.relative_to(PACKAGE).as_posix()}:{lineno}"))
    return out


def test_every_unit_has_a_stage():
    units = {_unit(p) for p in PACKAGE.rglob("*.py")} | {t for _, t, _ in _arrows()}
    missing = sorted(units - set(LAYERS))
    assert not missing, f"give {missing} a stage in LAYERS"


def test_no_arrow_goes_uphill():
    uphill = [f"{where}: {unit} (stage {LAYERS[unit]}) imports {target} (stage {LAYERS[target]})"
              for unit, target, where in _arrows()
              if LAYERS.get(target, 99) > LAYERS.get(unit, -1) and (unit, target) not in EXCEPTIONS]
    assert not uphill, "\n".join(uphill)


def test_the_check_sees_lazy_and_relative_imports():
    """Imports inside functions count, and ``..x`` resolves from the module's package."""
    tree = ast.parse("def f():\n    from ..pipeline import Coder\n")
    assert list(_targets(PACKAGE / "nlp" / "casing.py", tree)) == [(2, "pipeline")]

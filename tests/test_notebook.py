"""The notebooks are committed clean, and `make test` runs them.

Running them is nbmake's job (``--nbmake`` in pyproject's addopts collects every
``notebooks/*.ipynb``; notebooks/conftest.py sets up its kernel). These tests
check the files themselves: valid nbformat 4, no outputs, no execution counts.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_DIR = ROOT / "notebooks"
NOTEBOOKS = sorted(
    p for p in NOTEBOOK_DIR.rglob("*.ipynb")
    if not any(part.startswith(".") for part in p.relative_to(NOTEBOOK_DIR).parts)
)


def _id(path: Path) -> str:
    return str(path.relative_to(NOTEBOOK_DIR))


def test_the_explore_notebook_exists() -> None:
    assert NOTEBOOK_DIR / "explore.ipynb" in NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_is_valid_nbformat_4(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data.get("nbformat") == 4, f"{path.name}: nbformat {data.get('nbformat')}, expected 4"
    nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=nbformat.NO_CONVERT)
    nbformat.validate(nb)
    # The kernel that ipykernel (test extra) provides in every environment.
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


def _leftovers(cell: dict) -> list[str]:
    """What a run left in a code cell."""
    found = []
    if cell.get("outputs"):
        found.append("outputs")
    if cell.get("execution_count") is not None:
        found.append("execution_count")
    if "execution" in cell.get("metadata", {}):
        found.append("execution timing metadata")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=_id)
def test_notebook_is_committed_without_outputs(path: Path) -> None:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    dirty = [
        f"cell {n} ({cell.get('id', 'no id')}): {', '.join(left)}"
        for n, cell in enumerate(cells)
        if cell.get("cell_type") == "code" and (left := _leftovers(cell))
    ]
    assert not dirty, (
        f"{path.name} was saved after a run; clear it (Jupyter: Edit > Clear Outputs of "
        "All Cells, then save) before committing:\n" + "\n".join(dirty)
    )


def test_pytest_runs_the_notebooks() -> None:
    """`make test` (plain `pytest`) executes notebooks/ with nbmake, a failing cell failing it."""
    options = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    pytest_options = options["tool"]["pytest"]["ini_options"]
    assert "notebooks" in pytest_options["testpaths"]
    assert "--nbmake" in pytest_options["addopts"].split()
    assert "--disable-socket" in pytest_options["addopts"].split()

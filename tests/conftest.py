"""Shared fixtures. Network is blocked by pytest-socket (see pyproject addopts)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASE_DIR = ROOT / "geodata" / "cases" / "islamabad-2024-11"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Build the world gazetteer index in a per-session folder, never in the user's cache."""
    from mapper import settings

    cache = tmp_path_factory.mktemp("cache")
    settings.cache_dir = cache
    os.environ["MAPPER_CACHE_DIR"] = str(cache)
    # A developer's own online geocoder settings must not reach the tests.
    settings.online_geocoder = settings.online_geocoder_url = settings.contact = None
    for name in ("MAPPER_GEOCODER", "MAPPER_GEOCODER_URL", "MAPPER_CONTACT"):
        os.environ.pop(name, None)


def mapper_exe() -> list[str]:
    """The installed console script, or the module when running from a bare checkout."""
    exe = shutil.which("mapper", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "mapper.cli"]


def run_mapper(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run(
        [*mapper_exe(), *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


@pytest.fixture(scope="session")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Output folder of one ``mapper map --out DIR`` run on the embedded case."""
    out = tmp_path_factory.mktemp("default") / "out"
    proc = run_mapper("map", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out

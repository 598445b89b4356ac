"""Bad input: one clear line on stderr, a non-zero exit, and no files written."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CASE_DIR, mapper_exe, run_mapper

HEADER = "event_date,event_type,place_name,latitude,longitude\n"


def write(tmp: Path, name: str, content: str | bytes) -> Path:
    path = tmp / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


CASES = {
    "missing file": (None, "no such file"),
    "binary table": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8"),
    "missing column": ("event_date,place_name\n2024-11-26,D-Chowk\n", "missing column(s) event_type"),
    "lat out of range": (HEADER + "2024-11-26,protest,D-Chowk,95.0,73.0\n", "latitude 95.0 out of range"),
    "bad date": (HEADER + "26/11/2024,protest,D-Chowk,,\n", "is not a date"),
    "bad type": (HEADER + "2024-11-26,picnic,D-Chowk,,\n", "event_type 'picnic'"),
    "empty place": (HEADER + "2024-11-26,protest,,,\n", "place_name is empty"),
    "ragged row": (HEADER + "2024-11-26,protest,D-Chowk,1,2,3,4\n", "more cells than columns"),
    "empty file": ("", "empty table"),
}


@pytest.mark.parametrize("label", sorted(CASES))
def test_bad_input_one_line_error(tmp_path, label):
    content, message = CASES[label]
    table = tmp_path / "incidents.csv" if content is None else write(tmp_path, "in.csv", content)
    out = tmp_path / "out"
    proc = run_mapper("map", str(table), "--out", str(out))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("mapper: error:")
    assert message in lines[0]
    assert "Traceback" not in proc.stderr
    assert not out.exists()


def test_javascript_source_url_is_refused(tmp_path):
    table = write(tmp_path, "in.csv", "event_date,event_type,place_name,source_url\n"
                  "2024-11-26,protest,D-Chowk,javascript:alert(1)\n")
    proc = run_mapper("map", str(table), "--out", str(tmp_path / "out"))
    assert proc.returncode != 0 and "source_url" in proc.stderr


def test_unknown_option_is_one_line(tmp_path):
    proc = run_mapper("map", "--frobnicate")
    assert proc.returncode != 0
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_user_edits_are_never_clobbered(tmp_path):
    out = tmp_path / "out"
    assert run_mapper("map", "--out", str(out)).returncode == 0
    # A second run over mapper's own files is fine.
    assert run_mapper("map", "--out", str(out)).returncode == 0
    edited = out / "map.html"
    edited.write_text("my annotated map", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    proc = run_mapper("map", "--out", str(out))
    assert proc.returncode != 0
    assert "map.html" in proc.stderr and "--force" in proc.stderr
    assert edited.read_text(encoding="utf-8") == "my annotated map"
    proc = run_mapper("map", "--out", str(out), "--force")
    assert proc.returncode == 0, proc.stderr
    assert edited.read_text(encoding="utf-8") != "my annotated map"
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_file_mapper_did_not_write_is_not_overwritten(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "incidents.geojson").write_text("{}", encoding="utf-8")
    proc = run_mapper("map", "--out", str(out))
    assert proc.returncode != 0
    assert (out / "incidents.geojson").read_text(encoding="utf-8") == "{}"
    assert not (out / "map.html").exists()


def test_edited_case_table_is_re_rendered(tmp_path):
    case = tmp_path / "case"
    shutil.copytree(CASE_DIR, case)
    table = case / "incidents.csv"
    text = table.read_text(encoding="utf-8").replace("Red Zone,", "Zero Point,", 1)
    table.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_mapper("map", str(case), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "Zero Point" in (out / "incidents.geojson").read_text(encoding="utf-8")


def test_self_contained_without_the_web_packages_is_a_one_line_error(tmp_path):
    env_dir = tmp_path / "no-packages"
    env_dir.mkdir()
    proc = subprocess.run([*mapper_exe(), "map", "--self-contained", "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300,
                          env={**os.environ, "MAPPER_WEB_ASSETS": str(env_dir)})
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "self-contained" in proc.stderr and "make assets" in proc.stderr
    assert not (tmp_path / "o" / "map.html").exists()

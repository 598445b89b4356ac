"""All-or-nothing writing and the manifest that protects user edits."""

from __future__ import annotations

import pytest

from mapper.errors import OutputError
from mapper.exports import Output, text_writer, user_owned, write_outputs


def failing_writer(path):
    path.write_text("half", encoding="utf-8")
    raise RuntimeError("disk full")


def test_failure_midway_changes_nothing(tmp_path):
    write_outputs(tmp_path, [Output("a.txt", text_writer("old a"))])
    with pytest.raises(OutputError, match="disk full"):
        write_outputs(tmp_path, [Output("a.txt", text_writer("new a")),
                                 Output("b.txt", failing_writer)])
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "old a"
    assert not (tmp_path / "b.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".mapper-manifest.json", "a.txt"]


def test_manifest_tracks_what_mapper_wrote(tmp_path):
    write_outputs(tmp_path, [Output("a.txt", text_writer("x"))])
    assert user_owned(tmp_path, ["a.txt"]) == []
    (tmp_path / "a.txt").write_text("edited", encoding="utf-8")
    assert user_owned(tmp_path, ["a.txt"]) == ["a.txt"]
    with pytest.raises(OutputError, match="--force"):
        write_outputs(tmp_path, [Output("a.txt", text_writer("y"))])
    write_outputs(tmp_path, [Output("a.txt", text_writer("y"))], force=True)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "y"

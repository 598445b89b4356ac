"""The development set of real, openly licensed reports (tests/data/devset).

Every report extracts without error, offsets index its body, and the gold
places are found: a regression floor below the figures that
benchmarks/devset_scores.py prints (lenient recall 0.90 when this was written).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mapper.names import normalize
from mapper.text.extract import Extractor, to_json
from mapper.text.reader import read_report

DEVSET = Path(__file__).resolve().parent / "data" / "devset"
ARTICLES = sorted((DEVSET / "articles").glob("*.txt"))


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor().load()


def test_devset_has_reports_from_three_countries():
    countries = {json.loads((DEVSET / "gold" / f"{a.stem}.json").read_text())["country"]
                 for a in ARTICLES}
    assert len(ARTICLES) >= 10 and {"PK", "KE", "GE"} <= countries


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_report_extracts_with_valid_offsets(extractor, article):
    doc = read_report(article)
    result = to_json(extractor.extract(doc))
    for p in result["places"]:
        assert doc.text[p["start"]:p["end"]] == p["mention"]
    for i in result["incidents"]:
        assert doc.text[i["start"]:i["end"]] == i["evidence"]


def test_gold_places_are_found(extractor):
    found = total = 0
    for article in ARTICLES:
        gold = json.loads((DEVSET / "gold" / f"{article.stem}.json").read_text())
        wanted = {normalize(p["mention"]) for p in gold["places"] if p["usage"] == "locative"}
        got = {normalize(p["mention"]) for p in to_json(extractor.extract(read_report(article)))
               ["places"]}
        total += len(wanted)
        found += sum(any(w == g or w in g or g in w for g in got) for w in wanted)
    assert found / total >= 0.8, f"{found}/{total}"

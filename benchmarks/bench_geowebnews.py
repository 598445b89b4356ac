"""Place finding and resolution on GeoWebNews (real web news nobody here wrote).

Usage: python benchmarks/bench_geowebnews.py [--data DIR] [--scorer FILE] [--seconds S]
       [--keep DIR] [--errors]

Runs mapper's extractor (offline: curated gazetteer, countries and admin areas,
GeoNames) on every article of the GeoWebNews development half in ``../shared``,
writes one prediction file per article, scores them with the benchmark's own
scorer (``../shared/tools/geoparse_score.py``), and prints recognition P/R/F1
(strict and lenient), resolution within 1/5/161 km and the median error, beside
the published systems' figures and the project's targets; then the extraction
speed on these articles once the gazetteers are loaded.

The articles are read from ``../shared`` and never copied into the repository;
predictions go to a temporary folder (``--keep DIR`` keeps them for inspection).
CI does not run this: it needs ``../shared``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mapper.text.extract import Extractor, to_json
from mapper.text.reader import read_report

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

#: Published recognition F1 on the whole GeoWebNews set (Wang & Hu 2019, table 8), and
#: acc@161 km where given (over correctly recognised places only, unlike ours).
PUBLISHED = [
    ("Stanford NER", 0.74, None),
    ("CamCoder", 0.69, None),
    ("Edinburgh Geoparser", 0.65, 0.92),
    ("CLAVIN", 0.55, 0.94),
]
#: Issue 8's acceptance on the development half, end to end, missed places counting as misses.
TARGETS = {"strict F1": 0.80, "within 161 km": 0.80, "within 1 km": 0.60}


def predictions(extractor: Extractor, articles: list[Path], out: Path) -> None:
    for article in articles:
        result = to_json(extractor.extract(read_report(article)))
        places = [{"mention": p["mention"], "lat": p["lat"], "lon": p["lon"], "name": p["name"]}
                  for p in result["places"]]
        (out / f"{article.stem}.json").write_text(json.dumps({"places": places}),
                                                 encoding="utf-8")


def speed(extractor: Extractor, articles: list[Path], seconds: float) -> tuple[float, float]:
    """Reports per second and mean words per report, extracting until ``seconds`` pass."""
    docs = [read_report(a) for a in articles]
    words = sum(len(d.text.split()) for d in docs) / len(docs)
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            extractor.extract(doc)
        done += len(docs)
    return done / (time.perf_counter() - start), words


def print_errors(scorer: Path, data: Path, out: Path) -> None:
    """Missed and spurious locative mentions (as the scorer normalises them) and
    recognised places resolved over 161 km off, article by article."""
    spec = importlib.util.spec_from_file_location("geoparse_score", scorer)
    assert spec and spec.loader
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for gold_file in sorted((data / "gold").glob("*.json")):
        gold: dict[str, dict] = {}
        other: set[str] = set()
        for p in json.loads(gold_file.read_text(encoding="utf-8"))["places"]:
            if p["usage"] == "locative":
                gold.setdefault(score.norm(p["mention"]), p)
            else:
                other.add(score.norm(p["mention"]))
        found: dict[str, dict] = {}
        for p in json.loads((out / gold_file.name).read_text(encoding="utf-8"))["places"]:
            found.setdefault(score.norm(p["mention"]), p)
        lines = [f"  missed {g['mention']!r} ({g['gwn_type']})"
                 for key, g in gold.items() if key not in found]
        lines += [f"  spurious {p['mention']!r}" + (" (non-locative in gold)" if key in other
                                                    else "")
                  for key, p in found.items() if key not in gold]
        for key, g in gold.items():
            p = found.get(key)
            if p and p["lat"] is not None and g["lat"] is not None:
                off = score.km((g["lat"], g["lon"]), (p["lat"], p["lon"]))
                if off > 161:
                    lines.append(f"  {off:,.0f} km off {g['mention']!r}: {p.get('name')}")
        if lines:
            print(gold_file.stem, *lines, sep="\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "geowebnews-dev")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "geoparse_score.py")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--keep", type=Path, help="Keep the prediction files in this folder.")
    parser.add_argument("--errors", action="store_true",
                        help="List missed and spurious mentions and places over 161 km off.")
    args = parser.parse_args()
    articles = sorted((args.data / "articles").glob("*.txt"))
    if not articles or not args.scorer.exists():
        sys.exit(f"bench_geowebnews: no articles in {args.data}/articles or no scorer "
                 f"{args.scorer} (they live in ../shared)")

    started = time.perf_counter()
    extractor = Extractor().load()
    print(f"gazetteers loaded in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="gwn-") as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        predictions(extractor, articles, out)
        scored = subprocess.run([sys.executable, str(args.scorer), str(args.data), str(out),
                                 "--json"], capture_output=True, text=True, check=True)
        if args.errors:
            print_errors(args.scorer, args.data, out)
    scores = json.loads(scored.stdout)
    strict, lenient, res = scores["strict"], scores["lenient"], scores["resolution"]
    print(f"GeoWebNews development half: {len(articles)} articles, "
          f"{res['gold_with_coords']} gold places with coordinates")
    print(f"recognition strict  P={strict['P']:.3f} R={strict['R']:.3f} F1={strict['F1']:.3f}")
    print(f"recognition lenient P={lenient['P']:.3f} R={lenient['R']:.3f} "
          f"F1={lenient['F1']:.3f}")
    median = res["median_km"]
    print(f"resolution (missed places count as misses): within 1 km {res['within_1km']:.3f}, "
          f"5 km {res['within_5km']:.3f}, 161 km {res['within_161km']:.3f}; median error "
          + (f"{median:.1f} km" if median is not None else "n/a"))
    got = {"strict F1": strict["F1"], "within 161 km": res["within_161km"],
           "within 1 km": res["within_1km"]}
    print("targets (issue 8): " + "; ".join(
        f"{name} {got[name]:.3f} {'>=' if got[name] >= goal else '<'} {goal:.2f}"
        for name, goal in TARGETS.items()))
    print("published, whole set (Wang & Hu 2019; acc@161 km over recognised places only): "
          + "; ".join(f"{name} F1 {f1:.2f}" + (f", acc@161 {acc:.2f}" if acc else "")
                      for name, f1, acc in PUBLISHED))
    rate, words = speed(extractor, articles, args.seconds)
    print(f"speed: {rate:,.0f} reports/s on these articles (mean {words:.0f} words), one core, "
          "gazetteers loaded")


if __name__ == "__main__":
    main()

"""Extraction speed: reports per second once the gazetteers are loaded.

Usage: python benchmarks/bench_extract.py [--seconds 5] [REPORT ...]

Default reports: the development set in tests/data/devset/articles (and the
founding report when ../shared is present), each cut or repeated to about 300
words. The automaton over every gazetteer name (about 350,000 names) is
built first and timed separately. Per-name candidate lookups are cached by the
extractor, as in real use; the cold figure clears that cache before each report.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from mapper.text.context import resolve_mentions
from mapper.text.events import extract_incidents
from mapper.text.extract import Extractor
from mapper.text.reader import Document, read_report
from mapper.text.route import route_from_text
from mapper.text.sentences import sentences

ROOT = Path(__file__).resolve().parent.parent


def three_hundred_words(doc: Document) -> Document:
    words = doc.text.split(" ")
    while len(words) < 300:
        words += words
    return Document(" ".join(words[:300]), doc.date, doc.dateline, doc.dateline_span, doc.source)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    paths = args.reports or sorted((ROOT / "tests/data/devset/articles").glob("*.txt"))
    seed = ROOT.parent / "shared/seeds/000_e350d5816855e855.txt"
    if not args.reports and seed.exists():
        paths.append(seed)
    docs = [three_hundred_words(read_report(p)) for p in paths]

    t0 = time.perf_counter()
    extractor = Extractor().load()
    load = time.perf_counter() - t0
    for doc in docs:  # warm-up: imports, first sqlite pages
        extractor.extract(doc)

    def run(cold: bool) -> tuple[int, float]:
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < args.seconds / 2:
            for doc in docs:
                if cold:
                    extractor.gazetteer._cache.clear()
                extractor.extract(doc)
                n += 1
        return n, time.perf_counter() - start

    warm_n, warm_t = run(cold=False)
    cold_n, cold_t = run(cold=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"reports: {len(docs)} distinct, 300 words each")
    print(f"load (gazetteers + automaton): {load:.2f} s, peak RSS {rss:.0f} MB")
    print(f"warm name cache : {warm_n / warm_t:8.0f} reports/s  ({warm_t / warm_n * 1000:.3f} ms each)")
    print(f"cold name cache : {cold_n / cold_t:8.0f} reports/s  ({cold_t / cold_n * 1000:.3f} ms each)")
    print("target          :     2000 reports/s on one core")
    print("per stage (warm), ms per report:")
    for stage, ms in stage_times(extractor, docs, args.seconds / 2).items():
        print(f"  {stage:10s} {ms:6.3f}")


def stage_times(extractor: Extractor, docs: list[Document], seconds: float) -> dict[str, float]:
    """Mean time per report of each extraction stage, in milliseconds."""
    gazetteer = extractor.gazetteer
    totals = dict.fromkeys(("mentions", "resolve", "sentences", "incidents", "route"), 0.0)
    n, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for doc in docs:
            t0 = time.perf_counter()
            mentions = gazetteer.matcher.find(doc.text)
            t1 = time.perf_counter()
            places = resolve_mentions(mentions, gazetteer)
            t2 = time.perf_counter()
            sents = sentences(doc.text)
            t3 = time.perf_counter()
            incidents = extract_incidents(sents, places, doc.date)
            t4 = time.perf_counter()
            route_from_text(sents, places, incidents)
            t5 = time.perf_counter()
            for stage, (a, b) in zip(totals, ((t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)),
                                     strict=True):
                totals[stage] += b - a
            n += 1
    return {stage: total / n * 1000 for stage, total in totals.items()}


if __name__ == "__main__":
    main()

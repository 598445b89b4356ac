"""Wall time of ``mapper map`` on the embedded case vs. importing geopandas + folium.

Prints both timings (best of N runs, each a fresh process) and their ratio; the target
is a ratio <= 1.3. Run: ``.venv/bin/python benchmarks/bench_map.py [--runs N]``.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = shutil.which("mapper", path=str(Path(sys.executable).parent))
    mapper = [exe] if exe else [sys.executable, "-m", "mapper.cli"]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        # Warm-up: builds caches (.pyc) so both sides are measured warm.
        subprocess.run([*mapper, "map", "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, "-c", "import geopandas, folium"], check=True)
        floor, runs = [], []
        for _ in range(args.runs):  # interleaved, so both see the same machine load
            floor.append(timed([sys.executable, "-c", "import geopandas, folium"]))
            runs.append(timed([*mapper, "map", "--out", str(out)]))
    best_floor, best_run = min(floor), min(runs)
    print(f"import geopandas, folium : best {best_floor:.3f} s, median {statistics.median(floor):.3f} s")
    print(f"mapper map (default case): best {best_run:.3f} s, median {statistics.median(runs):.3f} s")
    print(f"ratio (best/best)        : {best_run / best_floor:.2f}x  (target <= 1.30x)")


if __name__ == "__main__":
    main()

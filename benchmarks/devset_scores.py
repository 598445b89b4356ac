"""Place and incident scores on the project's own development set (tests/data/devset).

Usage: python benchmarks/devset_scores.py [--scorer ../shared/tools/geoparse_score.py]

Places: the geoparsing scorer's recognition P/R/F1 and distance accuracy over
the gold places (same scorer and file format as GeoWebNews). Incidents: for
each gold incident, whether an extracted incident of the same type is found in
the same sentence (recall), and the share of extracted incidents whose type
and sentence match a gold incident (precision); counts must match where gold
gives them.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from mapper.text.extract import Extractor, to_json
from mapper.text.reader import read_report

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "tests" / "data" / "devset"
#: The annotation's "casualty" is mapper's violence/casualties; a casualty in a clash is
#: coded on the clash.
SAME_TYPE = {"casualty": {"violence", "clash"}, "violence": {"violence", "clash"}}


def same_type(gold_type: str, got_type: str) -> bool:
    return got_type in SAME_TYPE.get(gold_type, {gold_type})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scorer", type=Path,
                        default=ROOT.parent / "shared" / "tools" / "geoparse_score.py")
    args = parser.parse_args()
    extractor = Extractor().load()
    inc_tp = inc_gold = inc_pred = inc_pred_ok = count_ok = count_n = 0
    with tempfile.TemporaryDirectory() as tmp:
        for article in sorted((DEVSET / "articles").glob("*.txt")):
            gold = json.loads((DEVSET / "gold" / f"{article.stem}.json").read_text("utf-8"))
            result = to_json(extractor.extract(read_report(article)))
            preds = [{"mention": p["mention"], "lat": p["lat"], "lon": p["lon"]}
                     for p in result["places"]]
            (Path(tmp) / f"{article.stem}.json").write_text(json.dumps({"places": preds}))
            got = result["incidents"]
            for g in gold.get("incidents", []):
                inc_gold += 1
                match = [i for i in got if same_type(g["type"], i["type"])
                         and (g["evidence"] in i["evidence"] or i["evidence"] in g["evidence"])]
                inc_tp += bool(match)
                for field in ("killed", "injured"):
                    if g.get(field) is not None:
                        count_n += 1
                        count_ok += any(i[field] == g[field] for i in match)
            for i in got:
                inc_pred += 1
                inc_pred_ok += any(
                    same_type(g["type"], i["type"]) and (g["evidence"] in i["evidence"]
                                                or i["evidence"] in g["evidence"])
                    for g in gold.get("incidents", []))
        print(f"dev set: {len(list((DEVSET / 'articles').glob('*.txt')))} reports")
        if args.scorer.exists():
            out = subprocess.run([sys.executable, str(args.scorer), str(DEVSET), tmp],
                                 capture_output=True, text=True, check=True)
            print("places  :", out.stdout.strip().replace("\n", "\n          "))
        else:
            print(f"places  : scorer {args.scorer} not found")
    print(f"incidents: recall {inc_tp / max(inc_gold, 1):.2f} ({inc_tp}/{inc_gold}), "
          f"precision {inc_pred_ok / max(inc_pred, 1):.2f} ({inc_pred_ok}/{inc_pred}), "
          f"casualty counts right {count_ok}/{count_n}")


if __name__ == "__main__":
    main()

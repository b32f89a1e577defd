"""Benchmark: reading EMA's medicines list (a 2,500-row workbook in the current 39-column layout) and TTD's
drug-disease file at release size, each in a fresh process, through the readers and the evidence steps.

uv run python benchmarks/regulators.py
uv run --with openpyxl python benchmarks/regulators.py   # adds openpyxl's read of the same workbook, to compare

The Excel reader is fastexcel (calamine). openpyxl is not a dependency: run with `--with openpyxl` to see what
the pure-Python reader would cost on the same file.
"""

import argparse
import importlib.util
import json
import sys
from pathlib import Path

from benchmarks.harness import measured, run_fresh
from clinical_mining.sources.chembl import read_indications
from clinical_mining.sources.ema import read_ema
from clinical_mining.sources.ttd import read_ttd
from clinical_mining.sources.vocabularies import read_disease_index
from clinical_mining.steps.evidence.ema import authorisation_evidence
from clinical_mining.steps.evidence.ttd import indication_evidence
from clinical_mining.steps.mapping.lookups import disease_lookup, mesh_lookup
from clinical_mining_tests.synthetic.ema import scaled_medicines, write_ema_workbook
from clinical_mining_tests.synthetic.sample import SAMPLE_DIR
from clinical_mining_tests.synthetic.ttd import scaled_drugs, write_ttd

ROOT = Path(__file__).resolve().parent.parent


def _ema(path: Path) -> int:
    vocabulary = read_disease_index(SAMPLE_DIR / "vocabularies" / "disease.parquet")
    indications, _ = read_indications(SAMPLE_DIR / "chembl" / "indications.jsonl")
    frame, _ = read_ema(path)
    return authorisation_evidence(frame, disease_lookup(vocabulary), mesh_lookup(vocabulary, indications)).height


def _openpyxl(path: Path) -> int:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True, data_only=True)["Medicine"]
    return sum(1 for _ in sheet.iter_rows(min_row=10, values_only=True))


def measure(kind: str, path: str) -> dict[str, float]:
    work = {
        "ema": lambda: _ema(Path(path)),
        "ema_read_only": lambda: read_ema(Path(path))[0].height,
        "openpyxl": lambda: _openpyxl(Path(path)),
        "ttd": lambda: indication_evidence(read_ttd(Path(path))[0]).height,
    }[kind]
    return measured(work)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--medicines", type=int, default=2500)
    parser.add_argument("--ttd-drugs", type=int, default=13000, help="about 2.2 indication lines each")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    workbook = args.workdir / "ema_medicines.xlsx"
    write_ema_workbook(workbook, scaled_medicines(args.medicines))
    ttd = args.workdir / "ttd_drug_disease.txt"
    write_ttd(ttd, scaled_drugs(args.ttd_drugs))
    print(f"{workbook.name}: {args.medicines} medicines, {workbook.stat().st_size / 1e6:.1f} MB")
    print(f"{ttd.name}: {args.ttd_drugs} drugs, {ttd.stat().st_size / 1e6:.1f} MB")
    print(f"{'what':<42}{'rows':>8}{'seconds':>9}{'process s':>11}{'peak MB':>9}")
    runs = [
        ("EMA workbook read (fastexcel)", "ema_read_only", workbook),
        ("EMA read + evidence step", "ema", workbook),
        ("TTD read + evidence step", "ttd", ttd),
    ]
    if importlib.util.find_spec("openpyxl"):
        runs.append(("EMA workbook rows, openpyxl read-only", "openpyxl", workbook))
    for label, kind, path in runs:
        result = run_fresh(__file__, kind, str(path))
        print(
            f"{label:<42}{result['rows']:>8}{result['seconds']:>9.2f}{result['process_seconds']:>11.2f}"
            f"{result['peak_mb']:>9.0f}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()

"""Benchmark: the ChEMBL sources at their real size (~55 k indication records, ~200 k curated trials).

    uv run python benchmarks/chembl_sources.py

Each measurement runs in a fresh process: reading the indications (gzip JSON lines) and turning them into
evidence, and reading a curation export.
"""

import argparse
import gzip
import json
import sys
from pathlib import Path

import polars as pl

from benchmarks.harness import measured, run_fresh
from clinical_mining.sources.chembl import read_curation_file, read_indications
from clinical_mining.steps.evidence.chembl import indication_evidence
from clinical_mining_tests.synthetic.chembl import indication_records, write_indications

ROOT = Path(__file__).resolve().parent.parent


def _indications(records: int, path: Path) -> None:
    """`records` records made by renumbering the sample's real-shaped ones, each with 12 trial ids."""
    trials = [f"NCT{n:08d}" for n in range(2_000_000, 2_000_400)]
    base = indication_records(trials)
    copies = [dict(base[i % len(base)], drugind_id=i) for i in range(records)]
    plain = path.with_suffix("")
    write_indications(copies, plain)
    path.write_bytes(gzip.compress(plain.read_bytes()))


def _curation(trials: int, path: Path) -> None:
    n = pl.int_range(trials * 3)
    pl.select(
        studyId=pl.format("NCT{}", (n // 3 + 1_000_000).cast(pl.String)),
        drug_id=pl.format("CHEMBL{}", n % 9000),
        disease_id=pl.format("EFO:{}", (n % 7000).cast(pl.String).str.zfill(7)),
        drug_name=pl.format("drug {}", n % 9000),
        disease_name=pl.format("disease {}", n % 7000),
    ).write_parquet(path)


def measure(kind: str, path: str) -> dict[str, float]:
    if kind == "indications":
        return measured(lambda: indication_evidence(read_indications(Path(path))[0]).height)
    return measured(lambda: read_curation_file(Path(path)).height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=55_000)
    parser.add_argument("--trials", type=int, default=200_000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    indications = args.workdir / "indications.jsonl.gz"
    curation = args.workdir / "curation.parquet"
    _indications(args.records, indications)
    _curation(args.trials, curation)
    print(f"{'asset':<22}{'input':>16}{'rows out':>10}{'seconds':>9}{'peak MB':>9}")
    for kind, path, size in (("indications", indications, args.records), ("curation", curation, args.trials)):
        result = run_fresh(__file__, kind, str(path))
        print(f"{kind:<22}{size:>16}{result['rows']:>10}{result['seconds']:>9.2f}{result['peak_mb']:>9.0f}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()

"""Benchmark: parsing a PMDA approvals PDF of a few hundred pages, on one process and on all cores.

uv run python benchmarks/pmda_parse.py --products 4000
"""

import argparse
import json
import os
import sys
from pathlib import Path

from benchmarks.harness import measured, run_fresh
from clinical_mining.sources.pmda import read_pmda
from clinical_mining_tests.synthetic.pmda import scaled_blocks, write_pmda_pdf

ROOT = Path(__file__).resolve().parent.parent


def measure(path: str, processes: str) -> dict[str, float]:
    return measured(lambda: read_pmda(Path(path), processes=int(processes))[0].height)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=4000)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    path = args.workdir / "pmda_long.pdf"
    write_pmda_pdf(path, scaled_blocks(args.products))
    pages = read_pmda(path, processes=os.cpu_count() or 1)[1]["pages"]
    print(f"{path.name}: {pages} pages, {args.products} product rows")
    print(f"{'processes':>10}{'seconds':>9}{'s/100 pages':>13}{'peak MB':>9}")
    for processes in sorted({1, os.cpu_count() or 1}):
        result = run_fresh(__file__, str(path), str(processes))
        print(
            f"{processes:>10}{result['seconds']:>9.2f}{100 * result['seconds'] / pages:>13.2f}{result['peak_mb']:>9.0f}"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], sys.argv[3])))
    else:
        main()

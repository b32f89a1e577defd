"""Benchmark: reading ClinicalTrials.gov's JSON download (`sources.aact.kind: ctgov`) at registry scale.

    uv run python benchmarks/ctgov_source.py --studies 100000 --real ../shared/real/ctgov

Generates a `ctg-studies.json` array of `--studies` studies by varying the real records of `--real` (new NCT
ids and titles; results kept for `--results-share` of them, the registry's 14% by default, dropped from the
others), optionally zipped, then in a fresh process reads it for every AACT table and column of the default
config, as the first AACT asset of a run does: the file cut into one shard per process (`--processes`, default
the cores; a zip is read in one pass), each streamed a study at a time into the tables' Parquet chunks. Prints
studies per second, MB per second and the peak memory of the largest process, which stays flat as the file
grows (a chunk of rows and one study are held at a time, not the file).
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.harness import DEFAULT_CONFIG, measured, run_process
from clinical_mining.config import AactTableConfig
from clinical_mining.sources import ctgov
from clinical_mining.sources.ctgov import needed_columns
from clinical_mining_tests.synthetic.ctgov import RESULTS_SHARE, read_studies, varied_studies, write_download

ROOT = Path(__file__).resolve().parent.parent


def _columns() -> dict[str, list[str]]:
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text())["sources"]["aact"]["tables"]
    return needed_columns({name: AactTableConfig.model_validate(spec) for name, spec in raw.items()})


def measure(download: str, processes: int) -> dict[str, float]:
    """One parse of every default table, as the first AACT asset of a run does it (in shards, one per process,
    when the file is big enough), in this process; the caller runs it fresh and reads the peak of each process
    of it (the helpers' too) as `harness.run_process` does."""
    out = Path(tempfile.mkdtemp(prefix="ctgov_bench_"))
    details: dict[str, object] = {}
    ctgov.PROCESSES = processes

    def read() -> int:
        details.update(ctgov.parsed_tables(Path(download), _columns(), out)[1])
        return int(details["studies"])  # type: ignore[call-overload]

    try:
        result = measured(read)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    shards = details.get("shards") or ["one"]
    return {**result, "table_rows": sum(details["rows"].values()), "shards": len(shards)}  # type: ignore[union-attr,arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--studies", type=int, default=100_000)
    parser.add_argument("--real", type=Path, default=ROOT.parent / "shared" / "real" / "ctgov")
    parser.add_argument("--results-share", type=float, default=RESULTS_SHARE)
    parser.add_argument("--zip", action="store_true", help="zip the array, as the download button gives it")
    parser.add_argument("--processes", type=int, default=ctgov.PROCESSES, help="shards parsed at once (1: one pass)")
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()

    suffix = ".json.zip" if args.zip else ".json"
    download = args.workdir / f"ctg-studies-{args.studies}-{args.results_share:g}{suffix}"
    if not download.exists():
        started = time.perf_counter()
        real = read_studies(args.real)
        write_download(varied_studies(real, args.studies, args.results_share), download)
        print(f"generated {download} from {len(real)} real records in {time.perf_counter() - started:.0f} s")
    megabytes = download.stat().st_size / 1e6
    done = run_process([sys.executable, __file__, "--measure", str(download), str(args.processes)])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    seconds = result["seconds"]
    print(
        f"{int(result['rows'])} studies, {megabytes:.0f} MB{' zipped' if args.zip else ''},"
        f" {len(_columns())} tables, {int(result['table_rows'])} rows, {result['shards']} shard(s):"
        f" {seconds:.1f} s, {result['rows'] / seconds:.0f} studies/s, {megabytes / seconds:.0f} MB/s,"
        f" peak {done.peak_mb:.0f} MB per process (process {done.seconds:.1f} s, CPU {done.cpu_seconds:.1f} s)"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        print(json.dumps(measure(sys.argv[2], int(sys.argv[3]))))
    else:
        main()

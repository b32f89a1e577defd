"""Benchmark: the adverse-event signals step on `reported_events` at the registry's density.

    uv run python benchmarks/safety_signals.py [--scale 1] [--repeat 2] [--drugs 20000]

Generates the registry at `--scale` (scale 1: 560,000 studies, results for 13% of them, `reported_events` at
the registry's density, 9.3 M rows), writes the two event tables as Parquet, and runs `safety_signals` on
them in a fresh process per run, with every study's first adverse-event groups as the drug's side and its last
as a placebo control (the trials `trial_safety` hands the step, without building the whole graph), the trials
spread over `--drugs` drugs (the registry's thousands by default, so that most pooled rows have one trial, as in
the whole graph; `--drugs 100` gives the few drugs of many trials each that earlier runs used). Prints the
seconds and the process's peak memory of each run.
"""

import argparse
import json
import sys
import tempfile
from pathlib import Path

import polars as pl

from benchmarks.harness import measured, run_fresh
from clinical_mining_tests.synthetic.aact import STUDIES_AT_SCALE_1, generate_aact


def build(scale: float, folder: Path, drugs: int) -> int:
    """The event tables and a stand-in of trial_safety in `folder`; the number of event rows."""
    tables = generate_aact(int(STUDIES_AT_SCALE_1 * scale), 7)
    tables["reported_events"].write_parquet(folder / "reported_events.parquet")
    tables["reported_event_totals"].write_parquet(folder / "reported_event_totals.parquet")
    groups = (
        tables["result_groups"]
        .filter(pl.col("result_type") == "Reported Event")
        .group_by("nct_id")
        .agg(codes=pl.col("ctgov_group_code").sort())
        .filter(pl.col("codes").list.len() >= 2)
    )
    groups.select(
        studyId="nct_id",
        drug_key=pl.format("drug {}", pl.col("nct_id").str.slice(3).cast(pl.Int64) % drugs),
        drug_id=pl.lit(None, pl.String),
        drug_name=pl.lit("drug"),
        role=pl.lit("INVESTIGATIONAL"),
        comparator=pl.lit("PLACEBO"),
        drug_groups=pl.col("codes").list.head(pl.col("codes").list.len() - 1),
        control_groups=pl.col("codes").list.tail(1),
        sae_affected=pl.lit(1),
    ).write_parquet(folder / "trial_safety.parquet")
    return tables["reported_events"].height


def measure(folder: Path) -> dict[str, float]:
    from clinical_mining.steps.outcomes.signals import safety_signals

    return measured(
        lambda: (
            safety_signals(
                pl.scan_parquet(folder / "reported_events.parquet"),
                pl.scan_parquet(folder / "reported_event_totals.parquet"),
                pl.scan_parquet(folder / "trial_safety.parquet"),
            ).height
        )
    )


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--drugs", type=int, default=20_000, help="distinct drugs the trials are spread over")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rows = build(args.scale, folder, args.drugs)
        print(f"reported_events: {rows:,} rows at scale {args.scale}")
        for run in range(args.repeat):
            result = run_fresh(__file__, str(folder))
            print(
                f"run {run + 1}: safety_signals {result['seconds']:.2f} s, peak {result['peak_mb']:,.0f} MB,"
                f" {result['rows']:,} signal rows"
            )


if __name__ == "__main__":
    main()

"""Benchmark: the outcome steps and final_df alone at registry scale, seconds and peak memory of each.

    uv run python benchmarks/outcome_steps.py [--scale 1] [--folder /tmp/outcome_steps]

Generates the registry at `--scale` (AACT as flat files, the long tail of labels; the other sources are the
embedded sample's), materialises everything upstream of `trial_safety` and `final_df` through the CLI, then
runs each outcome step (result_group_arms, efficacy, trial_efficacy, trial_safety) and `final_df` in a fresh
process on the stored inputs and prints its seconds and the process's peak memory (imports included). The whole
graph is `run_all.py`'s; this isolates the steps the issues hold to a time and a memory budget (the ChEMBL,
regulator and TTD sources are the sample's here, so `final_df` groups AACT's evidence almost alone).
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import polars as pl
import yaml

from benchmarks.harness import default_config, measured, run_fresh
from clinical_mining_tests.synthetic.aact import STUDIES_AT_SCALE_1, generate_aact, write_flatfiles

STEPS = ("result_group_arms", "efficacy", "trial_efficacy", "trial_safety", "final_df")


def build(scale: float, folder: Path) -> Path:
    """The registry's AACT tables at `scale` as flat files, and the default config reading them."""
    write_flatfiles(generate_aact(int(STUDIES_AT_SCALE_1 * scale), seed=11, long_tail=True), folder / "aact")
    config = default_config(folder / "output")
    config["sources"]["aact"]["path"] = str(folder / "aact")
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def measure(output: Path, step: str) -> dict[str, float]:
    from clinical_mining.steps.evidence.pairs import drug_disease_pairs
    from clinical_mining.steps.outcomes.arms import result_group_arms
    from clinical_mining.steps.outcomes.efficacy import efficacy, trial_efficacy
    from clinical_mining.steps.outcomes.safety import trial_safety

    def scan(name: str) -> pl.LazyFrame:
        return pl.scan_parquet(output / f"{name}.parquet")

    calls = {
        "result_group_arms": lambda: result_group_arms(
            scan("result_groups"),
            scan("design_groups"),
            scan("design_group_interventions"),
            scan("interventions"),
            scan("evidence"),
            scan("intervention_other_names"),
        ),
        "efficacy": lambda: efficacy(
            scan("outcomes"),
            scan("outcome_analyses"),
            scan("outcome_analysis_groups"),
            scan("result_group_arms"),
            scan("outcome_measurements"),
            scan("evidence"),
        ),
        "trial_efficacy": lambda: trial_efficacy(
            scan("efficacy"), scan("outcomes"), scan("result_group_arms"), scan("evidence"), scan("outcome_analyses")
        ),
        "trial_safety": lambda: trial_safety(
            scan("reported_event_totals"),
            scan("result_group_arms"),
            scan("efficacy"),
            scan("outcome_analysis_groups"),
            scan("evidence"),
        ),
        "final_df": lambda: drug_disease_pairs(
            scan("evidence"),
            scan("trial_efficacy"),
            scan("stop_reasons"),
            pl.read_parquet(output / "drug_warnings.parquet"),
            pl.read_parquet(output / "drug_lookup.parquet"),
            scan("trial_roles"),
            scan("trials"),
        ),
    }
    return measured(lambda: calls[step]().height)


def main() -> None:
    if sys.argv[1:2] == ["--measure"]:
        print(json.dumps(measure(Path(sys.argv[2]), sys.argv[3])))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--folder", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "outcome_steps")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    config = build(args.scale, args.folder)
    command = [
        "dagster",
        "asset",
        "materialize",
        "-m",
        "clinical_mining.definitions",
        "--select",
        "*trial_safety,*final_df",
    ]
    done = subprocess.run(
        [str(Path(sys.executable).parent / command[0]), *command[1:]],
        env={**os.environ, "CLINICAL_MINING_CONFIG": str(config)},
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"the graph failed: {done.stderr[-2000:]}")
    seconds = {}
    for step in STEPS:
        result = run_fresh(__file__, str(args.folder / "output"), step)
        seconds[step] = result["seconds"]
        print(f"{step:20s} {result['seconds']:6.2f} s  peak {result['peak_mb']:6,.0f} MB  {result['rows']:,} rows")
    together = seconds["efficacy"] + seconds["trial_efficacy"] + seconds["trial_safety"]
    print(f"efficacy, trial_efficacy and trial_safety together: {together:.2f} s")


if __name__ == "__main__":
    main()

"""Benchmark: the efficacy verdicts on real trials, against the hand-written labels.

    uv run python benchmarks/efficacy_real.py [--real ../shared/real] [--out /tmp/efficacy_real]

Runs the default graph's outcome steps on the real studies' AACT export (`<real>/aact_export`, the studies of
`<real>/ctgov` as AACT writes them), then compares `trial_efficacy` with
`clinical_mining_tests/fixtures/real/efficacy_labels.csv` (one row per (study, registered intervention name),
written by reading the records before the code ran; see LABELING.md there). Prints the confusion matrix of
verdicts, MET precision and recall for INVESTIGATIONAL drugs, agreement on the decided verdicts, role
agreement, how many rows are INDETERMINATE, NO_COMPARATOR or UNCLEAR, and every disagreement with the label's
note. The figures are on real records; the labels' rows are the truth.
"""

import argparse
import os
import sys
from pathlib import Path
from typing import Any

import polars as pl
import yaml

from benchmarks.harness import DEFAULT_CONFIG, default_config
from clinical_mining.config import PROJECT_ROOT, apply_override

LABELS = PROJECT_ROOT / "clinical_mining_tests" / "fixtures" / "real" / "efficacy_labels.csv"
DECIDED = ("MET", "NOT_MET", "MIXED", "NON_INFERIOR", "NI_NOT_SHOWN")


def export_overrides(export: Path, config: Path = DEFAULT_CONFIG) -> dict[str, Any]:
    """Overrides of `config` (dotted keys, as `load_config` takes them) that read only what an AACT flat-file
    export folder holds: each table's columns cut to the export's header, and a table of which it holds none but
    the keys dropped, with the step parameters that refer to it (the trials' metadata inputs, which are
    optional). `shared/real`'s export was written without sponsors, designs' allocation and masking, and some
    studies columns."""
    raw = yaml.safe_load(config.read_text())
    tables, dropped = {}, set()
    for table, spec in raw["sources"]["aact"]["tables"].items():
        path = export / f"{table}.txt"
        header = path.read_text().split("\n", 1)[0].split("|") if path.is_file() else []
        columns = [column for column in spec["columns"] if column in header]
        if set(columns) <= {"id", "nct_id"}:  # nothing but keys (designs without allocation and masking)
            dropped.add(f"${table}")
        else:
            tables[table] = spec | {"columns": columns}
    stages = {
        f"pipeline.{stage}": [
            step | {"parameters": {k: v for k, v in step["parameters"].items() if str(v) not in dropped}}
            for step in steps
        ]
        for stage, steps in raw["pipeline"].items()
    }
    return {"sources.aact.tables": tables, **stages}


def real_config(real: Path, out: Path) -> Path:
    """The default config with the AACT source on the real export, reading only what the export holds
    (`export_overrides`), and the output under `out`."""
    config = default_config(out)
    config["sources"]["aact"]["path"] = str((real / "aact_export").resolve())
    for key, value in export_overrides(real / "aact_export").items():
        apply_override(config, key, value)
    path = out.parent / f"{out.name}.yaml"
    out.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def run_graph(config: Path) -> None:
    from dagster import DagsterInstance, materialize

    from clinical_mining.config import load_config
    from clinical_mining.definitions import build_definitions

    defs = build_definitions(load_config(config))
    result = materialize(
        [*(defs.assets or [])], resources=defs.resources, instance=DagsterInstance.ephemeral(), raise_on_error=False
    )
    if not result.success:
        sys.exit(f"the graph failed on {config}")


def drug_keys(out: Path) -> pl.DataFrame:
    """(studyId, intervention, drug_key): each registered intervention name to the drug keys the graph gave it,
    through the evidence (a combination gives several)."""
    from clinical_mining.steps.outcomes.arms import intervention_drugs

    interventions = pl.read_parquet(out / "interventions.parquet").select(
        intervention_id="id", nct_id="nct_id", intervention="name"
    )
    keys = intervention_drugs(pl.scan_parquet(out / "evidence.parquet"), interventions.lazy().select("nct_id"))
    return (
        interventions.join(keys.select("nct_id", "intervention_id", "drug_key"), on=["nct_id", "intervention_id"])
        .select(studyId="nct_id", intervention="intervention", drug_key="drug_key")
        .unique()
    )


def labelled_rows(out: Path, labels: pl.DataFrame) -> pl.DataFrame:
    """The labels beside the code's rows: each label's intervention name to its drug keys through the evidence."""
    named = drug_keys(out)
    code = pl.read_parquet(out / "trial_efficacy.parquet")
    return (
        labels.join(named, on=["studyId", "intervention"], how="left")
        .join(code, on=["studyId", "drug_key"], how="left", suffix="_code")
        .with_columns(code_verdict=pl.col("primary_verdict").fill_null("MISSING"))
    )


def figures(rows: pl.DataFrame) -> dict[str, float]:
    """The figures the project is judged on, from the labels beside the code's rows."""
    investigational = rows.filter(pl.col("role") == "INVESTIGATIONAL")
    met_code = investigational.filter(pl.col("code_verdict") == "MET").height
    met_label = investigational.filter(pl.col("verdict") == "MET").height
    true_met = investigational.filter((pl.col("code_verdict") == "MET") & (pl.col("verdict") == "MET")).height
    decided = rows.filter(pl.col("verdict").is_in(DECIDED) | pl.col("code_verdict").is_in(DECIDED))
    roles = rows.filter(pl.col("role_code").is_not_null())
    return {
        "MET precision (INVESTIGATIONAL)": true_met / met_code if met_code else float("nan"),
        "MET recall (INVESTIGATIONAL)": true_met / met_label if met_label else float("nan"),
        "agreement on decided verdicts": float((decided["verdict"] == decided["code_verdict"]).mean() or 0.0),
        "role agreement": float((roles["role"] == roles["role_code"]).mean() or 0.0),
        "MET by code": met_code,
        "MET by label": met_label,
        "decided rows": decided.height,
        "INDETERMINATE": int((rows["code_verdict"] == "INDETERMINATE").sum()),
        "NO_COMPARATOR": int((rows["code_verdict"] == "NO_COMPARATOR").sum()),
        "favours UNCLEAR": int((rows["favours_code"] == "UNCLEAR").sum()),
        "missing from trial_efficacy": int((rows["code_verdict"] == "MISSING").sum()),
        "MET where the comparator is favoured": rows.filter(
            (pl.col("code_verdict") == "MET") & (pl.col("favours") == "COMPARATOR")
        ).height,
        "ACTIVE_COMPARATOR or BACKGROUND drugs MET": rows.filter(
            (pl.col("code_verdict") == "MET") & pl.col("role_code").is_in(["ACTIVE_COMPARATOR", "BACKGROUND"])
        ).height,
    }


def report(rows: pl.DataFrame) -> dict[str, float]:
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(250)
    pl.Config.set_fmt_str_lengths(110)
    print(f"labelled (study, drug) rows compared: {rows.height} (studies: {rows['studyId'].n_unique()})")
    print("confusion of verdicts (rows: label, columns: code)")
    with pl.Config(tbl_cols=-1):
        print(rows.pivot(on="code_verdict", index="verdict", values="studyId", aggregate_function="len").fill_null(0))
    measured = figures(rows)
    for name, value in measured.items():
        print(f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}")
    print("disagreements (label, code, code's reason, label's note):")
    print(
        rows.filter(pl.col("verdict") != pl.col("code_verdict")).select(
            "studyId", "intervention", "role", "role_code", "verdict", "code_verdict", "reason", "note"
        )
    )
    return measured


def direction(out: Path) -> pl.DataFrame:
    """How the direction of every significant analysis of the corpus was read (all analyses, primary or not,
    for drugs on one side): DRUG, COMPARATOR or UNCLEAR, with its share."""
    rows = pl.read_parquet(out / "efficacy.parquet").filter(pl.col("favours").is_not_null())
    return (
        rows.group_by("favours")
        .agg(analyses=pl.len())
        .with_columns(share=(pl.col("analyses") / pl.col("analyses").sum()).round(3))
        .sort("favours")
    )


def real_outputs(description: str) -> Path:
    """The folder of the graph's outputs on the real records: run now, or with --reuse the last run's."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--real", type=Path, default=PROJECT_ROOT.parent / "shared" / "real")
    parser.add_argument("--out", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "efficacy_real")
    parser.add_argument("--reuse", action="store_true", help="compare the outputs already in --out")
    args = parser.parse_args()
    if not args.reuse:
        run_graph(real_config(args.real, args.out))
    return args.out


def main() -> None:
    out = real_outputs(__doc__ or "")
    labels = pl.read_csv(LABELS, infer_schema=False)
    report(labelled_rows(out, labels))
    print("direction of the significant analyses (every drug on one side, every outcome):")
    print(direction(out))


if __name__ == "__main__":
    main()

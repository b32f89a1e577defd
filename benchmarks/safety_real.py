"""Benchmark: serious adverse events per trial and drug on real trials, against the hand-chosen groups.

    uv run python benchmarks/safety_real.py [--real ../shared/real] [--out /tmp/efficacy_real] [--reuse]

Runs the default graph on the real studies' AACT export (as `benchmarks/efficacy_real.py` does) and compares
`trial_safety` with `clinical_mining_tests/fixtures/real/safety_labels.csv`: for each (study, registered
intervention) the adverse-event groups a reader chose for the drug and for its comparator, and their summed
serious events affected and at risk, written from the records before the code ran. Prints how many rows agree
on each side, and every row where the code shows counts that differ from the reader's (the errors that matter:
a count shown but wrong); rows where the code shows none are listed apart, with the code's note.
"""

from pathlib import Path

import polars as pl

from benchmarks.efficacy_real import drug_keys, real_outputs
from clinical_mining.config import PROJECT_ROOT

LABELS = PROJECT_ROOT / "clinical_mining_tests" / "fixtures" / "real" / "safety_labels.csv"


def labelled_safety(out: Path, labels: pl.DataFrame) -> pl.DataFrame:
    """The labels beside the code's rows, with whether each side's counts agree."""
    named = drug_keys(out)
    code = pl.read_parquet(out / "trial_safety.parquet")

    def same(label: str, column: str) -> pl.Expr:
        return pl.col(label).cast(pl.Int64, strict=False).eq_missing(pl.col(column))

    return (
        labels.join(named, on=["studyId", "intervention"], how="left")
        .join(code, on=["studyId", "drug_key"], how="left", suffix="_code")
        .with_columns(
            drug_agrees=same("sae_affected", "sae_affected_code") & same("sae_at_risk", "sae_at_risk_code"),
            control_agrees=same("control_sae_affected", "control_sae_affected_code")
            & same("control_sae_at_risk", "control_sae_at_risk_code"),
        )
        .with_columns(
            shown_but_different=(~pl.col("drug_agrees") & pl.col("sae_affected_code").is_not_null())
            | (~pl.col("control_agrees") & pl.col("control_sae_affected_code").is_not_null())
        )
    )


def safety_figures(rows: pl.DataFrame) -> dict[str, int]:
    return {
        "rows": rows.height,
        "studies": rows["studyId"].n_unique(),
        "drug side agrees": int(rows["drug_agrees"].sum()),
        "comparator side agrees": int(rows["control_agrees"].sum()),
        "both sides agree": int((rows["drug_agrees"] & rows["control_agrees"]).sum()),
        "counts shown but different": int(rows["shown_but_different"].sum()),
        "counts left empty where the reader gave them": int(
            rows.select((pl.col("sae_affected").is_not_null() & pl.col("sae_affected_code").is_null()).sum()).item()
        ),
    }


def main() -> None:
    rows = labelled_safety(real_outputs(__doc__ or ""), pl.read_csv(LABELS, infer_schema=False))
    for name, value in safety_figures(rows).items():
        print(f"{name}: {value}")
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(250)
    pl.Config.set_fmt_str_lengths(90)
    columns = ["studyId", "intervention", "sae_affected", "sae_at_risk", "sae_affected_code", "sae_at_risk_code"]
    control = ["control_sae_affected", "control_sae_at_risk", "control_sae_affected_code", "control_sae_at_risk_code"]
    print("counts shown but different (label, code, the reader's note):")
    print(rows.filter("shown_but_different").select(*columns, *control, "note"))
    print("counts the code leaves empty (its note):")
    print(
        rows.filter(~pl.col("drug_agrees") | ~pl.col("control_agrees"), ~pl.col("shown_but_different")).select(
            "studyId", "intervention", "note_code"
        )
    )


if __name__ == "__main__":
    main()

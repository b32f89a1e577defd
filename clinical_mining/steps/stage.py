"""One ranked clinical stage for every source's way of writing phase, so a pair's maximum stage is comparable."""

import polars as pl

# Highest first.
CLINICAL_STAGES = (
    "APPROVAL",
    "PHASE_4",
    "PHASE_3",
    "PHASE_2_3",
    "PHASE_2",
    "PHASE_1_2",
    "PHASE_1",
    "EARLY_PHASE_1",
    "PRECLINICAL",
    "UNKNOWN",
)
STAGE_DTYPE = pl.Enum(list(reversed(CLINICAL_STAGES)))  # ordered low to high, so max() is the furthest stage

AACT_PHASES = {
    "EARLY_PHASE1": "EARLY_PHASE_1",
    "PHASE1": "PHASE_1",
    "PHASE1/PHASE2": "PHASE_1_2",
    "PHASE2": "PHASE_2",
    "PHASE2/PHASE3": "PHASE_2_3",
    "PHASE3": "PHASE_3",
    "PHASE4": "PHASE_4",
    "NA": "UNKNOWN",
}
CHEMBL_PHASES = {4.0: "APPROVAL", 3.0: "PHASE_3", 2.0: "PHASE_2", 1.0: "PHASE_1", 0.5: "EARLY_PHASE_1"}
APPROVAL_STATUSES = ("APPROVED_FOR_MARKETING",)


def aact_stage(phase: pl.Expr, overall_status: pl.Expr) -> pl.Expr:
    """AACT's phase spelling as a stage; an expanded-access record approved for marketing speaks of approval."""
    from_phase = phase.replace_strict(AACT_PHASES, default="UNKNOWN", return_dtype=pl.String)
    return (
        pl.when(overall_status.is_in(APPROVAL_STATUSES))
        .then(pl.lit("APPROVAL"))
        .otherwise(from_phase)
        .cast(STAGE_DTYPE)
    )


def chembl_stage(max_phase: pl.Expr) -> pl.Expr:
    """ChEMBL's max_phase_for_ind (4, 3, 2, 1, 0.5, -1 or null; number or text) as a stage."""
    number = max_phase.cast(pl.String).str.strip_chars().cast(pl.Float64, strict=False)
    return number.replace_strict(CHEMBL_PHASES, default="UNKNOWN", return_dtype=pl.String).cast(STAGE_DTYPE)

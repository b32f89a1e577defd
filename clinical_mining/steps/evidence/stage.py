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


# EMA's medicine statuses: an authorisation later withdrawn, expired, revoked, lapsed or suspended was still an
# EU approval (the status says what became of it, and the same ingredient may stay approved elsewhere); a
# refused or withdrawn application, a pending opinion and anything else say nothing of how far the drug got.
EMA_APPROVED_STATUSES = ("authorised", "withdrawn", "expired", "revoked", "lapsed", "suspended")


def ema_stage(status: pl.Expr) -> pl.Expr:
    """EMA's medicine status as a stage: APPROVAL for an authorisation, whatever became of it; else UNKNOWN."""
    normalised = status.str.strip_chars().str.to_lowercase()
    return (
        pl.when(normalised.is_in(EMA_APPROVED_STATUSES))
        .then(pl.lit("APPROVAL"))
        .otherwise(pl.lit("UNKNOWN"))
        .cast(STAGE_DTYPE)
    )


TTD_PHASES = {"0": "EARLY_PHASE_1", "1": "PHASE_1", "1/2": "PHASE_1_2", "2": "PHASE_2", "2/3": "PHASE_2_3"}
TTD_PHASES |= {"3": "PHASE_3", "4": "PHASE_4"}
TTD_PRECLINICAL = ("preclinical", "investigative", "patented", "research")
TTD_WITHOUT_STAGE = r"terminated|withdrawn|clinical trial|registered|preregistration"  # UNKNOWN on purpose


def ttd_phase(status: pl.Expr) -> pl.Expr:
    """The phase a TTD status names ("Phase 2a" is 2, "Phase 1/2" and "Phase I/II" are 1/2), as "1".."4", "1/2",
    "2/3" or "0"; null where it names none."""
    roman = {"iv": "4", "iii": "3", "ii": "2", "i": "1"}
    text = status.str.to_lowercase()
    for numeral, digit in roman.items():
        text = text.str.replace_all(rf"\b{numeral}[ab]?\b", digit)
    found = text.str.extract_groups(r"phase\s*(\d)[ab]?(?:\s*/\s*(?:phase\s*)?(\d)[ab]?)?")
    first, second = found.struct["1"], found.struct["2"]
    return pl.when(second.is_not_null()).then(pl.format("{}/{}", first, second)).otherwise(first)


def ttd_stage(status: pl.Expr) -> pl.Expr:
    """TTD's clinical status as a stage: Approved is APPROVAL, "Phase 2a" PHASE_2, "Discontinued in Phase 3" the
    phase it reached. Terminated, Withdrawn from market and what names no phase (Clinical trial, Registered,
    Preregistration) are UNKNOWN: kept, with the status beside them, and never a pair's furthest stage when the
    pair has any other. Preclinical, Investigative and Patented are PRECLINICAL."""
    normalised = status.str.strip_chars().str.to_lowercase()
    phase = ttd_phase(normalised).replace_strict(TTD_PHASES, default=None, return_dtype=pl.String)
    return (
        pl.when(normalised == "approved")
        .then(pl.lit("APPROVAL"))
        .when(normalised.str.contains(TTD_WITHOUT_STAGE))
        .then(pl.lit("UNKNOWN"))
        .when(phase.is_not_null())
        .then(phase)
        .when(normalised.is_in(TTD_PRECLINICAL))
        .then(pl.lit("PRECLINICAL"))
        .otherwise(pl.lit("UNKNOWN"))
        .cast(STAGE_DTYPE)
    )

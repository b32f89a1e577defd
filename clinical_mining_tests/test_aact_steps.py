"""The AACT transforms as plain functions: trial selection, metadata, and drug-condition evidence with filters."""

from datetime import date

import polars as pl

from clinical_mining.step_stats import collecting
from clinical_mining.steps.aact import select_trials, trial_drug_indications

STUDIES = pl.DataFrame(
    {
        "nct_id": ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004"],
        "study_type": ["INTERVENTIONAL", "OBSERVATIONAL", "EXPANDED_ACCESS", "PATIENT_REGISTRY"],
        "phase": ["PHASE1/PHASE2", None, None, None],
        "overall_status": ["TERMINATED", "COMPLETED", "APPROVED_FOR_MARKETING", "COMPLETED"],
        "why_stopped": ["Funding\nended", None, None, None],
        "start_date": [date(2020, 1, 1), None, None, None],
        "completion_date": [date(2021, 1, 31), None, None, None],
    }
)
INTERVENTIONS = pl.DataFrame(
    {
        "id": [
            2_147_483_001,
            2_147_483_002,
            2_147_483_003,
            2_147_483_004,
            2_147_483_005,
            2_147_483_006,
            2_147_483_007,
            2_147_483_008,
            2_147_483_009,
            2_147_483_010,
        ],
        "nct_id": ["NCT00000001"] * 6 + ["NCT00000003", "NCT00000004", "NCT00000001", "NCT00000001"],
        "intervention_type": ["DRUG", "DRUG", "BIOLOGICAL", "DEVICE", "DRUG", "COMBINATION_PRODUCT"] + ["DRUG"] * 4,
        "name": [
            "Metformin 500 mg tablet",
            "Matching placebo",
            "Placebo Oral Tablet",
            "Insulin pump",
            "placebo tablet",
            "Pembrolizumab + Lenvatinib",
            "Remdesivir",
            "Aspirin",
            "Placebo + Metformin",
            "Placebo to match metformin and sitagliptin",
        ],
    }
)
CONDITIONS = pl.DataFrame(
    {
        "id": [1, 2, 3, 4],
        "nct_id": ["NCT00000001", "NCT00000001", "NCT00000003", "NCT00000004"],
        "name": ["Type 2 Diabetes", "Healthy Volunteers", "COVID-19", "Pain"],
    }
)


def test_select_trials_keeps_the_configured_types() -> None:
    with collecting() as figures:
        trials = select_trials(STUDIES.lazy())
    assert trials["nct_id"].to_list() == ["NCT00000001", "NCT00000002", "NCT00000003"]
    assert trials.columns == STUDIES.columns
    assert figures == {"study_type/rows_in": 4, "study_type/rows_out": 3, "study_type/rows_dropped": 1}
    only = select_trials(STUDIES.lazy(), study_types=["OBSERVATIONAL"])
    assert only["nct_id"].to_list() == ["NCT00000002"]


def test_evidence_drops_placebos_healthy_and_non_drugs() -> None:
    trials = select_trials(STUDIES.lazy())
    with collecting() as figures:
        evidence = trial_drug_indications(trials.lazy(), INTERVENTIONS.lazy(), CONDITIONS.lazy())
    assert sorted(evidence.select("studyId", "drug_name", "disease_name").rows()) == [
        ("NCT00000001", "Metformin 500 mg tablet", "Type 2 Diabetes"),
        ("NCT00000001", "Pembrolizumab + Lenvatinib", "Type 2 Diabetes"),
        ("NCT00000001", "Placebo + Metformin", "Type 2 Diabetes"),  # a drug beside the placebo: for the mapping
        ("NCT00000003", "Remdesivir", "COVID-19"),
    ]
    row = evidence.filter(drug_name="Metformin 500 mg tablet").row(0, named=True)
    assert row["url"] == "https://clinicaltrials.gov/study/NCT00000001"
    assert (row["source"], row["phase"], row["clinical_stage"]) == ("AACT", "PHASE1/PHASE2", "PHASE_1_2")
    assert (row["overall_status"], row["why_stopped"]) == ("TERMINATED", "Funding\nended")
    assert (row["start_date"], row["completion_date"], row["intervention_id"]) == (
        date(2020, 1, 1),
        date(2021, 1, 31),
        2_147_483_001,
    )
    remdesivir = evidence.filter(drug_name="Remdesivir").row(0, named=True)
    assert remdesivir["clinical_stage"] == "APPROVAL"  # expanded access, approved for marketing
    assert figures["intervention_type/rows_dropped"] == 1
    assert figures["placebo/rows_in"] == 9 and figures["placebo/rows_dropped"] == 4
    assert figures["healthy_volunteers/rows_dropped"] == 1
    assert figures["evidence_rows"] == 4
    assert not [name for name in figures if name.startswith("phase/unrecognised")]


def test_phase_spellings_that_fall_to_unknown_are_counted() -> None:
    studies = STUDIES.with_columns(phase=pl.Series(["Phase 2", "PHASE2", "Phase 2", None]))
    with collecting() as figures:
        evidence = trial_drug_indications(studies.lazy(), INTERVENTIONS.lazy(), CONDITIONS.lazy())
    assert set(evidence.filter(studyId="NCT00000001")["clinical_stage"].cast(pl.String)) == {"UNKNOWN"}
    assert {k: v for k, v in figures.items() if k.startswith("phase/")} == {"phase/unrecognised/Phase 2": 2}


def test_filters_are_configurable() -> None:
    trials = select_trials(STUDIES.lazy())
    kept = trial_drug_indications(
        trials.lazy(),
        INTERVENTIONS.lazy(),
        CONDITIONS.lazy(),
        intervention_types=["DRUG", "DEVICE"],
        placebo_pattern=None,
        healthy_pattern=None,
    )
    names = set(kept["drug_name"])
    assert {"Matching placebo", "placebo tablet", "Insulin pump"} <= names
    assert "Placebo Oral Tablet" not in names  # a BIOLOGICAL, not in the configured types
    assert "Healthy Volunteers" in set(kept["disease_name"])

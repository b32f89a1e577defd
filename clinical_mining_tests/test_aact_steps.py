"""The AACT transforms as plain functions: trial selection, metadata, and drug-condition evidence with filters."""

from datetime import date

import polars as pl
import pytest

from clinical_mining.step_stats import collecting
from clinical_mining.steps.evidence.aact import TRIAL_METADATA, select_trials, trial_drug_indications, trial_metadata
from clinical_mining.steps.evidence.pairs import drug_disease_pairs
from clinical_mining.steps.outcomes.arms import ResultsInputError

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
    assert trials.columns[: len(STUDIES.columns)] == STUDIES.columns
    assert {"study_type/rows_in": 4, "study_type/rows_out": 3, "study_type/rows_dropped": 1}.items() <= figures.items()
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


SPONSORS = pl.DataFrame(
    {
        "nct_id": ["NCT00000001", "NCT00000001", "NCT00000002", "NCT00000004"],
        "agency_class": ["OTHER", "INDUSTRY", "NIH", "INDUSTRY"],
        "lead_or_collaborator": ["collaborator", "lead", "lead", "lead"],
        "name": ["Mayo Clinic", "Pfizer", "National Cancer Institute (NCI)", "Bayer"],
    }
)
REFERENCES = pl.DataFrame(
    {
        "nct_id": ["NCT00000001"] * 4 + ["NCT00000002"],
        "pmid": ["30848558", "2521319", None, "30848558", "17352640"],
        "reference_type": ["RESULT", "BACKGROUND", "BACKGROUND", "RESULT", "DERIVED"],
    }
)
DESIGNS = pl.DataFrame(
    {
        "nct_id": ["NCT00000001", "NCT00000002", "NCT00000003"],
        "allocation": ["RANDOMIZED", "NA", None],
        "masking": ["DOUBLE", "NONE", None],
    }
)
STUDY_DATES = STUDIES.with_columns(
    enrollment=pl.Series([317, 40, None, 12]),
    primary_completion_date=pl.Series([date(2020, 12, 31), None, None, None]),
    results_first_posted_date=pl.Series([date(2022, 2, 10), None, None, None]),
)


def test_trials_carry_the_sponsor_literature_design_dates_and_results() -> None:
    """The lead sponsor (a collaborator never), PubMed references only (a citation without a pmid is not one),
    each once and in their numbers' order, allocation NA (a single group) as not randomised."""
    trials = select_trials(STUDY_DATES.lazy(), None, SPONSORS.lazy(), REFERENCES.lazy(), DESIGNS.lazy())
    rows = {row["nct_id"]: {c: row[c] for c in TRIAL_METADATA} for row in trials.iter_rows(named=True)}
    assert rows["NCT00000001"] == {
        "lead_sponsor": {"name": "Pfizer", "class": "INDUSTRY"},
        "literature": [{"pmid": "2521319", "type": "BACKGROUND"}, {"pmid": "30848558", "type": "RESULT"}],
        "enrollment": 317,
        "start_date": date(2020, 1, 1),
        "primary_completion_date": date(2020, 12, 31),
        "randomised": True,
        "masking": "DOUBLE",
        "results_posted": True,
    }
    assert rows["NCT00000002"] | {"start_date": None} == {
        "lead_sponsor": {"name": "National Cancer Institute (NCI)", "class": "NIH"},
        "literature": [{"pmid": "17352640", "type": "DERIVED"}],
        "enrollment": 40,
        "start_date": None,
        "primary_completion_date": None,
        "randomised": False,
        "masking": "NONE",
        "results_posted": False,
    }
    # no sponsor, reference or design given: null, not an empty list or a false
    assert [rows["NCT00000003"][c] for c in ("lead_sponsor", "literature", "randomised", "masking")] == [None] * 4
    assert trials.schema == trials.schema | TRIAL_METADATA
    assert trials.height == 3  # NCT00000004, of a type not kept, is not brought back by its sponsor


def test_trials_without_the_metadata_inputs_still_run_and_say_what_is_missing() -> None:
    """A config that reads none of the new tables, and a studies table without the new columns (an older
    config), gives null metadata with a warning naming the columns and the key that adds them."""
    with collecting() as figures:
        trials = select_trials(STUDIES.lazy())
    assert trials.select(list(TRIAL_METADATA)).drop("start_date").null_count().row(0) == (3,) * 7
    assert trials.schema == trials.schema | TRIAL_METADATA
    assert figures["warning"] == (
        "AACT table studies lacks enrollment, primary_completion_date, results_first_posted_date: the trials'"
        " metadata from them is null; add them to sources.aact.tables.studies.columns"
    )


@pytest.mark.parametrize(
    ("table", "frame"),
    [
        ("sponsors", SPONSORS.drop("agency_class")),
        ("study_references", REFERENCES.drop("reference_type")),
        ("designs", DESIGNS.drop("masking")),
    ],
)
def test_a_metadata_table_without_a_needed_column_is_named(table: str, frame: pl.DataFrame) -> None:
    with pytest.raises(ResultsInputError, match=rf"AACT table {table} lacks column\(s\) .* that trials read"):
        select_trials(STUDY_DATES.lazy(), **{table: frame.lazy()})
    with pytest.raises(ResultsInputError, match=rf"add them to sources\.aact\.tables\.{table}\.columns"):
        select_trials(STUDY_DATES.lazy(), **{table: frame.lazy()})


def test_final_df_sources_carry_the_trial_metadata_for_aact_entries_only() -> None:
    trials = select_trials(STUDY_DATES.lazy(), None, SPONSORS.lazy(), REFERENCES.lazy(), DESIGNS.lazy())
    evidence = trial_drug_indications(trials.lazy(), INTERVENTIONS.lazy(), CONDITIONS.lazy())
    regulator = {"studyId": "NCT00000001", "source": "FDA", "url": None, "phase": "4", "clinical_stage": "APPROVAL"}
    evidence = pl.concat(
        [evidence, pl.DataFrame([regulator | {"drug_name": "Remdesivir", "disease_name": "COVID-19"}])],
        how="diagonal_relaxed",
    )
    mapped = evidence.with_columns(
        drug_id=pl.lit(None, pl.String),
        disease_id=pl.lit(None, pl.String),
        drug_vocabulary_name=pl.lit(None, pl.String),
        disease_vocabulary_name=pl.lit(None, pl.String),
    )
    final = drug_disease_pairs(mapped, trials=trials)
    entries = final.select(pl.col("sources").explode()).unnest("sources")
    metformin = entries.filter(studyId="NCT00000001", source="AACT").row(0, named=True)
    assert metformin["lead_sponsor"] == {"name": "Pfizer", "class": "INDUSTRY"} and metformin["randomised"]
    assert metformin["literature"] == [
        {"pmid": "2521319", "type": "BACKGROUND"},
        {"pmid": "30848558", "type": "RESULT"},
    ]
    fda = entries.filter(source="FDA")  # a regulator's entry with an NCT-like id is no trial of AACT's
    assert fda.height == 1 and fda.select(list(TRIAL_METADATA)).null_count().row(0) == (1,) * len(TRIAL_METADATA)
    without = drug_disease_pairs(mapped)  # no trials given: the same entries, their metadata null
    assert without.select(pl.col("sources").list.len()).equals(final.select(pl.col("sources").list.len()))
    assert without["sources"].dtype == final["sources"].dtype
    bare = without.select(pl.col("sources").explode()).unnest("sources")
    assert bare.select(list(TRIAL_METADATA)).null_count().row(0) == (bare.height,) * len(TRIAL_METADATA)
    assert trial_metadata(None).schema == trial_metadata(trials).schema


def test_final_df_sources_are_sorted_and_distinct_in_any_row_order() -> None:
    """A pair's entries come out de-duplicated and sorted field by field with nulls first, whether the evidence
    rows of one entry are next to each other (as `map_evidence` leaves them) or scattered."""
    rows = [
        ("NCT00000002", "AACT", "https://clinicaltrials.gov/study/NCT00000002", "PHASE_3", "COMPLETED", None),
        ("NCT00000002", "AACT", "https://clinicaltrials.gov/study/NCT00000002", "PHASE_3", "COMPLETED", None),
        ("NCT00000001", "AACT", None, "PHASE_2", None, None),
        ("NCT00000001", "AACT", None, "PHASE_2", "TERMINATED", None),
        ("EMEA/H/C/000001", "EMA", None, "APPROVAL", None, "Withdrawn"),
        ("EMEA/H/C/000001", "EMA", None, "APPROVAL", None, None),
        ("NCT00000001", "AACT", None, "PHASE_2", None, None),
        ("NCT00000002", "AACT", "https://clinicaltrials.gov/study/NCT00000002", "PHASE_3", "COMPLETED", None),
    ]
    evidence = pl.DataFrame(
        rows,
        schema=["studyId", "source", "url", "clinical_stage", "overall_status", "regulatory_status"],
        orient="row",
    ).with_columns(
        drug_name=pl.lit("Metformin"),
        disease_name=pl.lit("Type 2 diabetes"),
        drug_id=pl.lit("CHEMBL1431"),
        disease_id=pl.lit("MONDO_0005148"),
        drug_vocabulary_name=pl.lit("METFORMIN"),
        disease_vocabulary_name=pl.lit("type 2 diabetes mellitus"),
    )
    expected = [
        ("EMEA/H/C/000001", "EMA", None, "APPROVAL", None),
        ("EMEA/H/C/000001", "EMA", None, "APPROVAL", "Withdrawn"),
        ("NCT00000001", "AACT", None, "PHASE_2", None),
        ("NCT00000001", "AACT", None, "PHASE_2", "TERMINATED"),
        ("NCT00000002", "AACT", "https://clinicaltrials.gov/study/NCT00000002", "PHASE_3", "COMPLETED"),
    ]
    by_text = sorted(range(len(rows)), key=lambda i: str(rows[i]))
    for order in (list(range(len(rows))), [7, 2, 5, 0, 3, 6, 1, 4], by_text):
        final = drug_disease_pairs(evidence[order])
        assert final.height == 1
        entries = final.select(pl.col("sources").explode()).unnest("sources")
        assert entries.select("studyId", "source", "url", "phase", "status").rows() == expected
        assert final["max_clinical_stage"].item() == "APPROVAL"

"""Stop reasons: classes and groups by rule, with negations, committees and boilerplate; bad texts counted."""

import polars as pl
import pytest

from benchmarks.stop_reasons import scores
from clinical_mining.step_stats import collecting
from clinical_mining.steps.arms import ResultsInputError
from clinical_mining.steps.pairs import drug_disease_pairs
from clinical_mining.steps.stop_reasons import MAX_LENGTH, classify, stop_reasons
from clinical_mining.synthetic.stop_reasons import HELD_OUT, LABELLED

CASES = [
    # (text, group, classes): each group with the cases that make it hard
    ("Toxicity", "Safety", ["Safety_Sideeffects"]),
    ("DSMB recommended termination due to safety concerns", "Safety", ["Safety_Sideeffects"]),
    ("Toxicity and lack of efficacy", "Safety", ["Negative", "Safety_Sideeffects"]),  # safety comes first
    ("Terminated due to adverse events, not due to lack of efficacy", "Safety", ["Safety_Sideeffects"]),
    ("Two treatment-related deaths", "Safety", ["Safety_Sideeffects"]),
    (
        "Data and Safety Monitoring Board recommended stopping for futility; no safety concerns",
        "Negative",
        ["Negative"],
    ),
    ("The study failed to meet its primary endpoint.", "Negative", ["Negative"]),
    ("Primary endpoint not met", "Negative", ["Negative"]),
    ("Futility and poor accrual", "Negative", ["Insufficient_Enrollment", "Negative"]),
    ("Primary endpoint met at the interim analysis", "Success", ["Endpoint_Met", "Interim_Analysis"]),
    ("Study drug was approved by the FDA and is now commercially available.", "Success", ["Success"]),
    ("Low enrollment, not related to safety", "Neutral", ["Insufficient_Enrollment"]),
    (
        "Terminated due to poor enrollment; there were no safety or efficacy concerns.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    ("Did not reach enrollment goal", "Neutral", ["Insufficient_Enrollment"]),
    ("The study was stopped for non-safety related business reasons.", "Neutral", ["Business_Administrative"]),
    (
        "The decision to terminate was not based on safety or efficacy, but on the sponsor's strategic priorities.",
        "Neutral",
        ["Business_Administrative"],
    ),
    ("Terminated by sponsor due to low enrollment", "Neutral", ["Insufficient_Enrollment"]),  # sponsor alone is weak
    ("Terminated by sponsor", "Neutral", ["Business_Administrative"]),
    ("Death of the principal investigator", "Neutral", ["Study_Staff_Moved"]),
    ("Insufficient safety data", "Neutral", ["Insufficient_Data"]),
    ("Not related to safety: COVID-19", "Neutral", ["Covid19"]),
    ("Planned interim analysis; no new safety signals", "Neutral", ["Interim_Analysis"]),
    ("Per DSMB recommendation", "Invalid", ["No_Context"]),  # who stopped it, not why
    ("Data Safety Monitoring Board decision", "Invalid", ["No_Context"]),
    ("Terminated. Not due to safety.", "Invalid", ["No_Context"]),
    ("See detailed description", "Invalid", ["No_Context"]),
    ("Study completed", "Invalid", ["Invalid_Reason"]),
    ("N/A", "Invalid", ["Invalid_Reason"]),
]


@pytest.mark.parametrize(("text", "group", "classes"), CASES)
def test_each_group_with_its_hard_cases(text: str, group: str, classes: list[str]) -> None:
    row = classify(pl.Series([text])).row(0, named=True)
    assert (row["stop_group"], sorted(row["stop_categories"]), row["note"]) == (group, classes, None)


def test_negative_and_safety_are_precise_on_both_labelled_sets() -> None:
    assert len(LABELLED) >= 300
    for labelled in (LABELLED, HELD_OUT):
        table = scores(labelled).filter(level="group")
        precision = dict(table.select("name", "precision").iter_rows())
        assert precision["Negative"] >= 0.9 and precision["Safety"] >= 0.9
    classes = {label for _, labels in LABELLED for label in labels}
    assert len(classes) == 17  # every Open Targets class is in the labelled set


def test_a_text_no_rule_reads_is_no_context_with_a_note() -> None:
    row = classify(pl.Series(["Hurricane damage to the building"])).row(0, named=True)
    assert (row["stop_group"], row["stop_categories"], row["note"]) == ("Invalid", ["No_Context"], "no rule matched")


def test_labels_do_not_depend_on_order_or_repetition() -> None:
    texts = [text for text, _ in LABELLED[:60]]
    once = classify(pl.Series(texts))
    shuffled = classify(pl.Series(list(reversed(texts)) * 2))
    assert shuffled.head(60).reverse().equals(once) and shuffled.slice(60).reverse().equals(once)


STUDIES = pl.DataFrame(
    {
        "nct_id": ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000004", "NCT00000005", "NCT00000006"],
        "overall_status": ["TERMINATED", "SUSPENDED", "WITHDRAWN", "COMPLETED", "TERMINATED", "TERMINATED"],
        "why_stopped": [
            "Slow\x0baccrual\x1f at\x07 all sites",
            "Participants receive the study drug; adverse events are recorded at every visit. " * 70,
            "\x07\x08",
            "Toxicity",  # a completed study's leftover text: not a stopped study
            None,
            "Unacceptable toxicity",
        ],
    }
)


def test_stopped_studies_with_control_characters_and_a_shifted_field() -> None:
    with collecting() as figures:
        result = stop_reasons(STUDIES.lazy())
    assert result["studyId"].to_list() == ["NCT00000001", "NCT00000002", "NCT00000003", "NCT00000006"]
    rows = {row["studyId"]: row for row in result.iter_rows(named=True)}
    assert rows["NCT00000001"]["stop_categories"] == ["Insufficient_Enrollment"]
    assert rows["NCT00000001"]["why_stopped"] == STUDIES["why_stopped"][0]  # kept as written
    long = rows["NCT00000002"]  # it names adverse events: read as a reason, it would be a safety stop
    assert len(long["why_stopped"]) > MAX_LENGTH
    assert (long["stop_group"], long["stop_categories"]) == (None, None)
    assert long["note"].startswith("longer than 1000 characters")
    assert rows["NCT00000003"]["note"] == "no text once control characters are removed"
    assert rows["NCT00000006"]["stop_group"] == "Safety"
    assert figures["texts_given"] == 5
    assert figures["texts_of_studies_not_stopped"] == 1
    assert figures["texts_with_control_characters"] == 2
    assert (figures["skipped/too_long"], figures["skipped/empty_after_cleaning"]) == (1, 1)
    assert (figures["group/Safety"], figures["group/Neutral"], figures["studies"]) == (1, 1, 4)


def test_statuses_are_configurable_and_a_missing_column_is_named() -> None:
    completed = stop_reasons(STUDIES.lazy(), statuses=["COMPLETED"])
    assert completed.select("studyId", "stop_group").rows() == [("NCT00000004", "Safety")]
    with pytest.raises(ResultsInputError, match=r"studies lacks column\(s\) why_stopped that stop_reasons read"):
        stop_reasons(STUDIES.drop("why_stopped").lazy())


def test_final_df_counts_the_pairs_studies_stopped_for_safety_and_for_efficacy() -> None:
    evidence = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3", "NCT1"],
            "source": ["AACT"] * 4,
            "url": ["https://clinicaltrials.gov/study/NCT1"] * 4,
            "drug_name": ["drug a", "drug a", "drug a", "drug b"],
            "disease_name": ["asthma"] * 4,
            "drug_id": ["CHEMBL1", "CHEMBL1", "CHEMBL1", "CHEMBL2"],
            "disease_id": ["EFO_1"] * 4,
            "drug_vocabulary_name": [None] * 4,
            "disease_vocabulary_name": [None] * 4,
            "clinical_stage": ["PHASE_2"] * 4,
        }
    )
    stops = pl.DataFrame({"studyId": ["NCT1", "NCT2", "NCT3"], "stop_group": ["Safety", "Negative", "Neutral"]})
    final = drug_disease_pairs(evidence, stop_reasons=stops)
    counts = final.select("drug_id", "stopped_for_safety", "stopped_for_efficacy").rows()
    assert counts == [("CHEMBL1", 1, 1), ("CHEMBL2", 1, 0)]
    without = drug_disease_pairs(evidence)
    assert without.select("stopped_for_safety", "stopped_for_efficacy").sum().row(0) == (0, 0)

"""Stop reasons: classes and groups by rule, with negations, committees and boilerplate; bad texts counted."""

import time

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
    ("Per DSMB recommendation", "Neutral", ["No_Context"]),  # who stopped it, not why
    ("Data Safety Monitoring Board decision", "Neutral", ["No_Context"]),
    ("Terminated. Not due to safety.", "Neutral", ["No_Context"]),
    ("See detailed description", "Neutral", ["No_Context"]),
    ("Study completed", "Invalid", ["Invalid_Reason"]),
    ("N/A", "Invalid", ["Invalid_Reason"]),
]

# Real registry texts (real/stop_reasons/why_stopped_dev.tsv, none of them a text of the hand-labelled sample),
# each family of rules with texts that say it without "safety" or "futility", and the texts it must leave alone.
# The registry's runs of spaces are kept.
REAL_CASES = [
    # Safety: a count of patients with a named harm
    (
        "All 3 participants receiving intervention in assessment phase developed seromas",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "2 DLTs had been reported from first 4 patients on lowest possible dose cohort.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Retinal vascular occlusion in 2 patients", "Safety", ["Safety_Sideeffects"]),
    ("Mild infusion reactions were observed in two healthy volunteers.", "Safety", ["Safety_Sideeffects"]),
    (
        "The trial prematurely terminated on November 1, 2010, due to healthy volunteer participants   experiencing"
        " non-serious fosamprenavir-related skin rash.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    # Safety: laboratory findings
    ("Elevation of ALT and AST in some patients.", "Safety", ["Safety_Sideeffects"]),
    ("Increased LFTs", "Safety", ["Safety_Sideeffects"]),
    ("Concern for volume depletion and electrolyte abnormalities in furosemide arm.", "Safety", ["Safety_Sideeffects"]),
    # Safety: more harms than expected, or in one arm
    ("Due to an imbalance in graft infections between groups.", "Safety", ["Safety_Sideeffects"]),
    ("higher rate of post-operative infection in the Dermal Matrix arm of the study", "Safety", ["Safety_Sideeffects"]),
    ("Unacceptable incidence of wound dehiscence in the PDS group", "Safety", ["Safety_Sideeffects"]),
    ("The incidence of AEs was higher than the IB reported.", "Safety", ["Safety_Sideeffects"]),
    ("Due to the high rate of morbidity and mortality", "Safety", ["Safety_Sideeffects"]),
    # Safety: a harm that happened, deaths
    ("Due to thrombosis", "Safety", ["Safety_Sideeffects"]),
    ("Complications to procedure", "Safety", ["Safety_Sideeffects"]),
    ("skin irritation caused by device", "Safety", ["Safety_Sideeffects"]),
    (
        "The parents of two patients enrolled who died, presented a claim against the hospital and the   study was"
        " halted.",
        "Safety",
        ["Insufficient_Enrollment", "Safety_Sideeffects"],
    ),
    # Safety: a risk foreseen, what outweighs the benefit, concerns, tolerability, toxicology
    (
        "The study was prematurely terminated on 06 October 2016 due to the potential risk of further   dosing in"
        " healthy subjects",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "Increased risk of PML associated with raptiva in other studies",
        "Safety",
        ["Another_Study", "Safety_Sideeffects"],
    ),
    (
        "Terminated by sponsor due to general risk that aranesp caused tumor progression",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Risk to benefit ratio not acceptable", "Safety", ["Safety_Sideeffects"]),
    ("because of withdrawal of Avandia sale due to its risks outweigh its benefits", "Safety", ["Safety_Sideeffects"]),
    ("Due to concerns about potential liver safety (See Detailed Description)", "Safety", ["Safety_Sideeffects"]),
    (
        "Stopped due to concerns about interaction between St. John's wort and Tamoxifen.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    (
        "Older participants could not tolerate the acidity of the product and withdrew.",
        "Safety",
        ["Safety_Sideeffects"],
    ),
    ("Pre-Clinical Toxicology Findings", "Safety", ["Safety_Sideeffects"]),
    ("New Safety Information", "Safety", ["Safety_Sideeffects"]),
    # Safety: halting rules, reactogenicity, a profile that became unacceptable
    ("Reactogenicity met study halting criteria", "Safety", ["Safety_Sideeffects"]),
    ("study met study halting rules", "Safety", ["Safety_Sideeffects"]),
    ("Protocol stopping criteria (safety) were met.", "Safety", ["Safety_Sideeffects"]),
    (
        "The trial closed for emerging safety profile and futility analysis and will not resume.",
        "Safety",
        ["Negative", "Safety_Sideeffects"],
    ),
    # negated: a denial of harm is no safety stop, and the clause it denies ends where the sentence does
    (
        "Early termination is a sponsor decision. No new safety signal or serious adverse event has been   observed.",
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        '"""There was a change in the Sponsor\'s research strategy; safety concerns were not a factor."""',
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        "Loss of resources due to COVID-19 resulted in insufficient funds to complete the trial as   planned. However,"
        " sufficient data was collected to fulfill the aims of the trial.   Discontinuation is not related to the drug,"
        " its use, or adverse events.",
        "Neutral",
        ["Business_Administrative", "Covid19", "Logistics_Resources"],
    ),
    (
        "Terminated prematurely due to issues with one of the data collection systems, no impact on   subject safety",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Lack of resources and loss of personnel precluded study progress. No adverse events or   unanticipated"
        " problems involving risks to subjects.",
        "Neutral",
        ["Logistics_Resources"],
    ),
    (
        "Study terminated on 13 April 2016 for business reasons. No safety and/or efficacy concerns   contributed to"
        " the termination of the study",
        "Neutral",
        ["Business_Administrative"],
    ),
    (
        "1 patient has been enrolled. No complications reported. The research team decided to terminate   the"
        " clinical trial due to insufficient patients' accrual.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    # fewer harms, a population sought, the pandemic's risks and an investigator's death are no safety stop
    (
        "A significant reduction in head injuries coupled with more frequent use of crainectomy reduced   the number of"
        " potential subjects.",
        "Neutral",
        ["No_Context"],
    ),
    (
        "Difficulty enrolling patients with elevated triglycerides under statin treatment",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "In light of the evolving Covid19 pandemic ongoing study recruitment was felt to pose an   unacceptable risk to"
        " patient safety.",
        "Neutral",
        ["Covid19", "Insufficient_Enrollment"],
    ),
    (
        "Study suspended as a precautionary measure, due to COVID-19, as the outbreak poses an increased   risk to"
        " participants, due to potential exposure to the virus through attendance for study   visits.",
        "Neutral",
        ["Covid19"],
    ),
    ("Dr. Ralph Hoffman unexpectedly passed away.", "Neutral", ["Study_Staff_Moved"]),
    ("Physician deceased", "Neutral", ["Study_Staff_Moved"]),
    # committees: the board is who stopped the trial; its reason, when given, is read
    (
        "The Data Safety Monitoring Board (DSMB) recommended study termination for slow accrual and   futility.",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
    ("Terminated upon recommendation of the Data Safety Monitoring Board (DSMB)", "Neutral", ["No_Context"]),
    # Negative: no difference, no effect, no response
    ("Interim analysis showed no differences between groups", "Negative", ["Interim_Analysis", "Negative"]),
    ("Lack of statistical difference between both arms of the trial.", "Negative", ["Negative"]),
    ("Analysis showed no clinically or statistically significant effects", "Negative", ["Negative"]),
    (
        "ganaxolone did not significantly reduce spasms after an 8-day placebo control period",
        "Negative",
        ["Negative"],
    ),
    ("Day 90 results indicate IMP did not reduce mortality or ventilator free days", "Negative", ["Negative"]),
    ("Patients did not respond to therapy", "Negative", ["Negative"]),
    ("There were no objective responses by patient 7.", "Negative", ["Negative"]),
    ("Tapering doses protocol arm was not effective for treatment retention outcome.", "Negative", ["Negative"]),
    # Negative: low conditional power or probability of success, unlikely to change the result
    (
        "Independent biostatistician recommended early termination of the trial due to low probability   of success.",
        "Negative",
        ["Negative"],
    ),
    (
        "DSMB review at 50% recruitment, further recruitment unlikely to change result",
        "Negative",
        ["Insufficient_Enrollment", "Negative"],
    ),
    (
        "The Independent Data Monitoring Committee (IDMC) concluded that the probability that the study   will meet"
        " its primary objective is low.",
        "Negative",
        ["Negative"],
    ),
    # Negative: a hypothesis not supported, results not as expected, inconclusive
    (
        "Redundant in-clinic visits increased the workload in virtual follow-up group. An interim   analysis showed"
        " that the study would not support the primary hypothesis",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("results were not as hypothesized", "Negative", ["Negative"]),
    (
        "inconclusive results, large inter-individual variation, insufficient statistical power",
        "Negative",
        ["Negative"],
    ),
    ("Results were not promising", "Negative", ["Negative"]),
    ("No positive results were detected", "Negative", ["Negative"]),
    (
        "Preliminary data from this study does not support expected inhibition of GH and IGF-1",
        "Negative",
        ["Negative"],
    ),
    # Negative: endpoints not met, or that will not be
    (
        "Interim analysis showed that the primary endpoint would not be met.",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    (
        "Interim analysis showed primary outcome was not going to be achieved.",
        "Negative",
        ["Interim_Analysis", "Negative"],
    ),
    ("Study DAR-312 did not meet primary co-endpoints", "Negative", ["Negative"]),
    (
        "Neither dose achieved the study's primary or major secondary endpoints. The safety profile was   consistent"
        " with previous ustekinumab studies.",
        "Negative",
        ["Negative"],
    ),
    # ... unless a shortfall of patients is why they will not be
    (
        "Expectation that within the set time period insufficient patients will be included, so   endpoints will not"
        " be achieved",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    # Negative: the drug's own failures, not a comparator's
    ("high relapse rate", "Negative", ["Negative"]),
    ("Because a higher rate of virological failures in study versus control arm.", "Negative", ["Negative"]),
    ("due to unexpectedly high rate of relapse in the active comparator arm.", "Neutral", ["No_Context"]),
    # a positive result denied is negative, not Success
    (
        "New data from another study show that a positive result is unlikely.",
        "Negative",
        ["Another_Study", "Negative"],
    ),
    # Success: efficacy shown, endpoints met, positive results, approval
    ("Results showed statistically significant benefit in the experimental group", "Success", ["Endpoint_Met"]),
    (
        "A strong primary outcome crosses the efficacy boundary at the interim analysis",
        "Success",
        ["Endpoint_Met", "Interim_Analysis"],
    ),
    ("Objective of study achieved after interim analysis.", "Success", ["Endpoint_Met", "Interim_Analysis"]),
    ("Study closed due to positive interim results.", "Success", ["Interim_Analysis", "Success"]),
    ("FDA approval received for product, no additional study subjects required.", "Success", ["Success"]),
    ("Study drug became commercially available.", "Success", ["Success"]),
    ("drug now on market", "Success", ["Success"]),
    # approvals to run a study, another product's approval, an endpoint nobody reached: no Success
    (
        "Study suspended due to blood supply challenges. Subsequently approved by FDA to reopen but will   not do so"
        " because of changing clinical need.",
        "Neutral",
        ["No_Context"],
    ),
    ("Alternative product is now approved and available for use.", "Neutral", ["No_Context"]),
    (
        "Enrollment cap reached for current protocol. Revised protocol with additional enrollments has   been approved"
        " by the FDA: further enrollments are pending site activation to the updated   protocol.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
    (
        "The study only accrued 4 patients in 2 years, far below target (40). It was closed with no   subject reached"
        " the primary endpoint, thus no results to publish.",
        "Neutral",
        ["Insufficient_Enrollment"],
    ),
]


@pytest.mark.parametrize(("text", "group", "classes"), CASES)
def test_each_group_with_its_hard_cases(text: str, group: str, classes: list[str]) -> None:
    row = classify(pl.Series([text])).row(0, named=True)
    assert (row["stop_group"], sorted(row["stop_categories"]), row["note"]) == (group, classes, None)


@pytest.fixture(scope="module")
def real_labels() -> dict[str, tuple[str, list[str]]]:
    """The real texts' (group, classes), read in one call."""
    texts = [text for text, _, _ in REAL_CASES]
    rows = classify(pl.Series(texts)).select("stop_group", "stop_categories").rows()
    return {text: (group, sorted(classes)) for text, (group, classes) in zip(texts, rows, strict=True)}


@pytest.mark.parametrize(("text", "group", "classes"), REAL_CASES)
def test_real_texts_of_each_family(
    real_labels: dict[str, tuple[str, list[str]]], text: str, group: str, classes: list[str]
) -> None:
    assert real_labels[text] == (group, classes)


def test_a_reason_without_its_why_is_neutral_and_only_no_reason_is_invalid() -> None:
    """No_Context ("terminated by sponsor", "per DSMB recommendation", "PI decision") is Neutral, as in Open
    Targets' class table; Invalid is a text that gives no reason at all."""
    texts = ["Per DSMB recommendation", "PI decision", "Investigator's decision", "Terminated", "Study completed", "0"]
    rows = classify(pl.Series(texts)).select("stop_group", "stop_categories").rows()
    assert rows == [("Neutral", ["No_Context"])] * 4 + [("Invalid", ["Invalid_Reason"])] * 2


def test_thirty_thousand_texts_in_under_ten_seconds() -> None:
    pool = [text for text, _, _ in CASES + REAL_CASES] + [text for text, _ in LABELLED + HELD_OUT]
    texts = pl.Series([pool[i % len(pool)] + (f" (site {i})" if i % 2 else "") for i in range(30_000)])
    start = time.perf_counter()
    result = classify(texts)
    assert time.perf_counter() - start < 10 and result.height == 30_000


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
    assert (row["stop_group"], row["stop_categories"], row["note"]) == ("Neutral", ["No_Context"], "no rule matched")


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


def test_final_df_counts_the_studies_stopped_for_safety_and_for_efficacy_for_the_drug_they_test() -> None:
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
    # drug b is NCT1's comparator: the study's safety stop is drug a's, not drug b's (this test once counted it
    # for both, which is what a user of the counts must never read)
    roles = pl.DataFrame(
        {
            "studyId": ["NCT1", "NCT2", "NCT3", "NCT1"],
            "drug_key": ["CHEMBL1", "CHEMBL1", "CHEMBL1", "CHEMBL2"],
            "role": ["INVESTIGATIONAL", "INVESTIGATIONAL", "INVESTIGATIONAL", "ACTIVE_COMPARATOR"],
        }
    )
    final = drug_disease_pairs(evidence, stop_reasons=stops, trial_roles=roles)
    counts = final.select("drug_id", "stopped_for_safety", "stopped_for_efficacy").rows()
    assert counts == [("CHEMBL1", 1, 1), ("CHEMBL2", 0, 0)]
    without = drug_disease_pairs(evidence)
    assert without.select("stopped_for_safety", "stopped_for_efficacy").sum().row(0) == (0, 0)

"""Efficacy: result groups matched to arms, a verdict per analysis, and the primary verdict per trial and drug.

Frames are shaped as AACT writes its results tables (column names and enum spellings of `aact_schema.json`).
"""

from pathlib import Path

import polars as pl
import pytest
from dagster import AssetSelection
from polars.testing import assert_frame_equal

from clinical_mining.config import PROJECT_ROOT
from clinical_mining.step_stats import collecting
from clinical_mining.steps.outcomes.arms import intervention_drugs, result_group_arms
from clinical_mining.steps.outcomes.direction import outcome_polarity
from clinical_mining.steps.outcomes.efficacy import efficacy, trial_efficacy
from clinical_mining.steps.outcomes.statistics import analysis_statistics, parse_p_value
from clinical_mining_tests.conftest import Postgres, aact_evidence, output, run_config
from clinical_mining_tests.synthetic.aact import add_tables, export_equivalent, generate_aact, write_postgres
from clinical_mining_tests.synthetic.real_studies import real_tables
from clinical_mining_tests.synthetic.results import ANALYSIS_DEFAULTS, KNOWN_VERDICTS, known_trials
from clinical_mining_tests.synthetic.sample import SAMPLE_SEED, SAMPLE_STUDIES


class Trial:
    """One study's arms, interventions, result groups and analyses, built up as AACT stores them."""

    def __init__(self, nct: str) -> None:
        self.nct = nct
        self.arms: list[dict[str, object]] = []
        self.links: list[dict[str, object]] = []
        self.interventions: list[dict[str, object]] = []
        self.evidence: list[tuple[str, int, str, str | None]] = []
        self.groups: list[dict[str, object]] = []
        self.outcomes: list[dict[str, object]] = []
        self.analyses: list[dict[str, object]] = []
        self.analysis_groups: list[dict[str, object]] = []
        self.measurements: list[dict[str, object]] = []
        self.base = abs(hash(nct)) % 1000 * 1000 + 400_000_000

    def intervention(self, name: str, drug_id: str | None = None, kind: str = "DRUG") -> int:
        number = self.base + len(self.interventions) + 1
        self.interventions.append({"id": number, "nct_id": self.nct, "intervention_type": kind, "name": name})
        if not name.lower().startswith("placebo") and kind == "DRUG":
            self.evidence.append((self.nct, number, name, drug_id))
        return number

    def arm(self, title: str, group_type: str, interventions: list[int]) -> int:
        number = self.base + 100 + len(self.arms)
        self.arms.append(
            {"id": number, "nct_id": self.nct, "group_type": group_type, "title": title, "description": None}
        )
        for intervention in interventions:
            self.links.append({"design_group_id": number, "intervention_id": intervention, "nct_id": self.nct})
        return number

    def group(self, title: str, result_type: str = "Outcome", description: str | None = None) -> int:
        number = self.base + 200 + len(self.groups)
        code = f"OG{len(self.groups):03d}"
        self.groups.append(
            {
                "id": number,
                "nct_id": self.nct,
                "ctgov_group_code": code,
                "result_type": result_type,
                "title": title,
                "description": description,
            }
        )
        return number

    def outcome(self, title: str, outcome_type: str = "PRIMARY") -> int:
        number = self.base + 300 + len(self.outcomes)
        self.outcomes.append({"id": number, "nct_id": self.nct, "outcome_type": outcome_type, "title": title})
        return number

    def values(self, outcome: int, by_group: dict[int, float]) -> None:
        """Each group's posted value on the outcome (outcome_measurements): what says which way it went."""
        self.measurements += [
            {
                "outcome_id": outcome,
                "result_group_id": group,
                "classification": None,
                "category": None,
                "param_value_num": value,
            }
            for group, value in by_group.items()
        ]

    def analysis(self, outcome: int, groups: list[int], **values: object) -> int:
        number = self.base + 500 + len(self.analyses)
        row = {"id": number, "nct_id": self.nct, "outcome_id": outcome, **ANALYSIS_DEFAULTS}
        self.analyses.append(row | values)
        self.analysis_groups += [{"outcome_analysis_id": number, "result_group_id": group} for group in groups]
        return number


SCHEMAS = {
    "arms": {
        "id": pl.Int64,
        "nct_id": pl.String,
        "group_type": pl.String,
        "title": pl.String,
        "description": pl.String,
    },
    "links": {"design_group_id": pl.Int64, "intervention_id": pl.Int64, "nct_id": pl.String},
    "interventions": {"id": pl.Int64, "nct_id": pl.String, "intervention_type": pl.String, "name": pl.String},
    "groups": {
        "id": pl.Int64,
        "nct_id": pl.String,
        "ctgov_group_code": pl.String,
        "result_type": pl.String,
        "title": pl.String,
        "description": pl.String,
    },
    "outcomes": {"id": pl.Int64, "nct_id": pl.String, "outcome_type": pl.String, "title": pl.String},
    "analyses": {
        "id": pl.Int64,
        "nct_id": pl.String,
        "outcome_id": pl.Int64,
        "non_inferiority_type": pl.String,
        "non_inferiority_description": pl.String,
        "param_type": pl.String,
        "param_value": pl.Float64,
        "p_value_raw": pl.String,
        "ci_n_sides": pl.String,
        "ci_percent": pl.Float64,
        "ci_lower_limit": pl.Float64,
        "ci_upper_limit": pl.Float64,
        "method": pl.String,
    },
    "analysis_groups": {"outcome_analysis_id": pl.Int64, "result_group_id": pl.Int64},
    "measurements": {
        "outcome_id": pl.Int64,
        "result_group_id": pl.Int64,
        "classification": pl.String,
        "category": pl.String,
        "param_value_num": pl.Float64,
    },
}


def _frame(trials: list[Trial], part: str) -> pl.LazyFrame:
    rows = [row for trial in trials for row in getattr(trial, part)]
    return pl.LazyFrame(rows, schema=SCHEMAS[part], orient="row") if rows else pl.LazyFrame(schema=SCHEMAS[part])


def run(*trials: Trial) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, dict[str, object]]:
    evidence = aact_evidence([row for trial in trials for row in trial.evidence])
    with collecting() as figures:
        groups = result_group_arms(
            _frame(list(trials), "groups"),
            _frame(list(trials), "arms"),
            _frame(list(trials), "links"),
            _frame(list(trials), "interventions"),
            evidence,
        )
        rows = efficacy(
            _frame(list(trials), "outcomes"),
            _frame(list(trials), "analyses"),
            _frame(list(trials), "analysis_groups"),
            groups.lazy(),
            _frame(list(trials), "measurements"),
        )
        per_trial = trial_efficacy(rows.lazy(), _frame(list(trials), "outcomes"), groups.lazy())
    return groups, rows, per_trial, figures


def _placebo_trial(nct: str, placebo_type: str = "PLACEBO_COMPARATOR", **analysis: object) -> Trial:
    trial = Trial(nct)
    drug = trial.intervention("Sitagliptin 100 mg", "CHEMBL1422")
    placebo = trial.intervention("Matching placebo tablet")
    trial.arm("Sitagliptin 100 mg QD", "EXPERIMENTAL", [drug])
    trial.arm("Placebo", placebo_type, [placebo])
    active, control = trial.group("Sitagliptin 100 mg (FAS)"), trial.group("Matching Placebo")
    outcome = trial.outcome("Change in HbA1c at week 24")
    trial.values(outcome, {active: -0.8, control: -0.1})  # HbA1c: lower is better, the drug's group lower
    trial.analysis(outcome, [active, control], **analysis)
    return trial


def _verdict(per_trial: pl.DataFrame, nct: str, drug: str) -> str:
    return per_trial.filter(studyId=nct, drug_key=drug)["primary_verdict"].item()


@pytest.mark.parametrize(
    ("raw", "method", "verdict"),
    [
        ("<0.001", "TWO_SIDED", "MET"),
        ("=0.247", "TWO_SIDED", "NOT_MET"),
        ("0.03", "TWO_SIDED", "MET"),
        ("0.05", "TWO_SIDED", "NOT_MET"),  # p must be below alpha
        ("<0.05", "TWO_SIDED", "MET"),
        (">0.05", "TWO_SIDED", "NOT_MET"),
        ("<0.1", "TWO_SIDED", "INDETERMINATE"),  # could be either side of 0.05
        (">0.01", "TWO_SIDED", "INDETERMINATE"),
        ("0.03", "t-test, 1 sided", "NOT_MET"),  # a one-sided test, said only in the method: alpha 0.025
        ("0.02", "t-test, one-sided", "MET"),
        ("0.03", "ANCOVA, two-sided", "MET"),
        ("NA", "TWO_SIDED", "INDETERMINATE"),
        ("see text", "TWO_SIDED", "INDETERMINATE"),
        ("p < .001", "TWO_SIDED", "MET"),
    ],
)
def test_p_values_as_posted(raw: str, method: str, verdict: str) -> None:
    _, rows, per_trial, _ = run(_placebo_trial("NCT09000001", p_value_raw=raw, method=method))
    assert _verdict(per_trial, "NCT09000001", "CHEMBL1422") == verdict
    assert rows["comparator"].to_list() == ["PLACEBO"]


def test_p_value_parsing_keeps_the_modifier() -> None:
    frame = pl.DataFrame({"raw": ["<0.001", "= 0.247", ">=0.05", "≤0.01", "1.5", "NA", None]})
    modifier, value = parse_p_value(pl.col("raw"))
    assert frame.select(modifier, value).rows() == [
        ("<", 0.001),
        ("=", 0.247),
        (">=", 0.05),
        ("<=", 0.01),
        (None, None),  # not a probability
        (None, None),
        (None, None),
    ]


EXCLUDES = "interval excludes the null, in the drug's favour"
INCLUDES = "interval includes the null"


@pytest.mark.parametrize(
    ("values", "verdict", "reason"),
    [
        (
            {"param_type": "Hazard Ratio (HR)", "ci_percent": 95, "ci_lower_limit": 0.61, "ci_upper_limit": 0.92},
            "MET",
            EXCLUDES,
        ),
        (
            {"param_type": "Hazard Ratio (HR)", "ci_percent": 95, "ci_lower_limit": 0.8, "ci_upper_limit": 1.1},
            "NOT_MET",
            INCLUDES,
        ),
        (
            {
                "param_type": "Mean Difference (Final Values)",
                "ci_percent": 95,
                "ci_lower_limit": -1.2,
                "ci_upper_limit": -0.3,
            },
            "MET",
            EXCLUDES,
        ),
        # a ratio of geometric means is tested against 1, not 0: (0.85, 1.10) includes the null
        (
            {"param_type": "Geometric Mean Ratio", "ci_percent": 95, "ci_lower_limit": 0.85, "ci_upper_limit": 1.10},
            "NOT_MET",
            INCLUDES,
        ),
        # a 90% interval that excludes the null says nothing at 0.05; one that includes it says "not met" at 95% too
        (
            {"param_type": "Mean Difference", "ci_percent": 90, "ci_lower_limit": -1.2, "ci_upper_limit": -0.3},
            "INDETERMINATE",
            "interval level does not decide at the test's alpha",
        ),
        (
            {"param_type": "Mean Difference", "ci_percent": 90, "ci_lower_limit": -1.2, "ci_upper_limit": 0.3},
            "NOT_MET",
            INCLUDES,
        ),
        # a 99% interval that includes the null may exclude it at 95%; an interval of unstated level decides nothing
        (
            {"param_type": "Mean Difference", "ci_percent": 99, "ci_lower_limit": -1.2, "ci_upper_limit": 0.3},
            "INDETERMINATE",
            "interval level does not decide at the test's alpha",
        ),
        (
            {"param_type": "Mean Difference", "ci_lower_limit": -1.2, "ci_upper_limit": 0.3},
            "INDETERMINATE",
            "interval of unstated level",
        ),
        (
            {"param_type": "Log Hazard Ratio", "ci_percent": 95, "ci_lower_limit": -0.5, "ci_upper_limit": -0.1},
            "MET",
            EXCLUDES,
        ),
        (
            {"param_type": "Other", "ci_percent": 95, "ci_lower_limit": 2.0, "ci_upper_limit": 3.0},
            "INDETERMINATE",
            "estimate kind unknown: no null value for the interval",
        ),
        ({}, "NO_ANALYSIS", "descriptive: no between-group test posted"),
    ],
)
def test_without_a_p_value_the_interval_decides(values: dict[str, object], verdict: str, reason: str) -> None:
    _, rows, per_trial, _ = run(_placebo_trial("NCT09000002", **values))
    assert (_verdict(per_trial, "NCT09000002", "CHEMBL1422"), rows["reason"].item()) == (verdict, reason)


NI = {"non_inferiority_type": "NON_INFERIORITY", "ci_percent": 95}


@pytest.mark.parametrize(
    ("values", "verdict"),
    [
        (
            {
                "non_inferiority_description": "The non-inferiority margin was -0.4%.",
                "param_type": "Mean Difference",
                "ci_lower_limit": -0.2,
                "ci_upper_limit": 0.1,
            },
            "NON_INFERIOR",
        ),
        (
            {
                "non_inferiority_description": "The non-inferiority margin was -0.4.",
                "param_type": "Mean Difference",
                "ci_lower_limit": -0.5,
                "ci_upper_limit": 0.1,
            },
            "NI_NOT_SHOWN",
        ),
        (
            {
                "non_inferiority_description": "Non-inferior if the upper 95% CI limit is below the margin of 1.3",
                "param_type": "Hazard Ratio",
                "ci_lower_limit": 0.85,
                "ci_upper_limit": 1.2,
            },
            "NON_INFERIOR",
        ),
        (
            {
                "non_inferiority_description": "margin of 1.3",
                "param_type": "Hazard Ratio",
                "ci_lower_limit": 0.9,
                "ci_upper_limit": 1.45,
            },
            "NI_NOT_SHOWN",
        ),
        # an unsigned difference margin: read as "upper below 0.4" and as "lower above -0.4"; they disagree here
        (
            {
                "non_inferiority_description": "margin 0.4",
                "param_type": "Mean Difference",
                "ci_lower_limit": -0.6,
                "ci_upper_limit": 0.1,
            },
            "NI_UNRESOLVED",
        ),
        (
            {
                "non_inferiority_description": "Non-inferiority was tested.",
                "param_type": "Mean Difference",
                "ci_lower_limit": -0.2,
                "ci_upper_limit": 0.1,
            },
            "NI_UNRESOLVED",
        ),
        # a 10% margin against an interval on the proportion scale: units cannot be told apart
        (
            {
                "non_inferiority_description": "margin of -10%",
                "param_type": "Risk Difference (RD)",
                "ci_lower_limit": -0.05,
                "ci_upper_limit": 0.02,
            },
            "NI_UNRESOLVED",
        ),
        (
            {
                "non_inferiority_description": "margin of -10%",
                "param_type": "Risk Difference (RD)",
                "ci_lower_limit": -5.0,
                "ci_upper_limit": 2.0,
                "p_value_raw": "<0.001",
            },
            "NON_INFERIOR",
        ),
    ],
)
def test_non_inferiority_against_the_margin_in_the_description(values: dict[str, object], verdict: str) -> None:
    trial = Trial("NCT09000003")
    new = trial.intervention("Empagliflozin 25 mg", "CHEMBL2107830")
    old = trial.intervention("Glimepiride 4 mg", "CHEMBL1481")
    trial.arm("Empagliflozin", "EXPERIMENTAL", [new])
    trial.arm("Glimepiride", "ACTIVE_COMPARATOR", [old])
    groups = [trial.group("Empagliflozin 25 mg"), trial.group("Glimepiride 1-4 mg")]
    trial.analysis(trial.outcome("HbA1c change"), groups, **(NI | values))
    _, rows, per_trial, _ = run(trial)
    assert _verdict(per_trial, "NCT09000003", "CHEMBL2107830") == verdict
    # the reference drug is not what the test is about
    assert _verdict(per_trial, "NCT09000003", "CHEMBL1481") == "NO_COMPARATOR"
    assert set(rows["comparator"]) == {"ACTIVE"}


def test_an_arm_without_a_type_is_no_type_at_all() -> None:
    """Older records leave an arm's type empty: such an arm says nothing of its drug's role (found by a review of
    the arm types held as bits, where an empty type had counted as "some other type"). Against an experimental
    arm in a margin test, the untyped arm's drug is the reference, as it was read before."""
    trial = Trial("NCT09000007")
    new = trial.intervention("Empagliflozin 25 mg", "CHEMBL2107830")
    old = trial.intervention("Glimepiride 4 mg", "CHEMBL1481")
    trial.arm("Empagliflozin", "EXPERIMENTAL", [new])
    trial.arm("Glimepiride", None, [old])
    groups = [trial.group("Empagliflozin 25 mg"), trial.group("Glimepiride 1-4 mg")]
    trial.analysis(
        trial.outcome("HbA1c change"),
        groups,
        **NI,
        ci_lower_limit=-0.2,
        ci_upper_limit=0.1,
        non_inferiority_description="margin of 0.3%",
    )
    _, rows, per_trial, _ = run(trial)
    reference = rows.filter(drug_key="CHEMBL1481")
    assert reference.select("role", "verdict", "reason").row(0) == (
        "INVESTIGATIONAL",
        "NO_COMPARATOR",
        "the reference drug of a margin test",
    )
    assert _verdict(per_trial, "NCT09000007", "CHEMBL1481") == "NO_COMPARATOR"


def test_a_drug_is_dropped_as_a_placebo_by_its_vocabulary_name_when_mapped() -> None:
    """ "Saline nasal spray" mapped to sodium chloride is a drug, a placebo-worded label of a mapped molecule is
    not kept as a placebo: the words are read in the vocabulary's name when there is one, else in the label."""
    evidence = pl.LazyFrame(
        {
            "studyId": ["NCT1", "NCT1", "NCT1"],
            "intervention_id": [1, 2, 3],
            "drug_name": ["Saline nasal spray", "sugar tablet", "Placebo tablet"],
            "drug_id": ["CHEMBL1200574", "CHEMBL1", None],
            "drug_vocabulary_name": ["SODIUM CHLORIDE", "PLACEBO", None],
            "combination_label": [None, None, None],
            "source": ["AACT"] * 3,
        },
        schema_overrides={"combination_label": pl.String},
    )
    drugs = intervention_drugs(evidence)
    assert drugs.select("intervention_id", "drug_key", "label").rows() == [(1, "CHEMBL1200574", "Saline nasal spray")]


def test_a_difference_from_an_active_drug_is_read_from_the_group_values() -> None:
    trial = Trial("NCT09000004")
    a, b = trial.intervention("Atorvastatin", "CHEMBL1487"), trial.intervention("Simvastatin", "CHEMBL1064")
    trial.arm("Atorvastatin 80 mg", "EXPERIMENTAL", [a])
    trial.arm("Simvastatin 40 mg", "ACTIVE_COMPARATOR", [b])
    groups = [trial.group("Atorvastatin 80 mg"), trial.group("Simvastatin 40 mg")]
    ldl = trial.outcome("LDL cholesterol at week 12")
    trial.values(ldl, {groups[0]: 70.0, groups[1]: 100.0})  # lower LDL is better: atorvastatin did better
    trial.analysis(ldl, groups, p_value_raw="<0.001")
    unread = Trial("NCT09000044")  # the same without group values: which side is better cannot be told
    c, d = unread.intervention("Atorvastatin", "CHEMBL1487"), unread.intervention("Simvastatin", "CHEMBL1064")
    unread.arm("Atorvastatin 80 mg", "EXPERIMENTAL", [c])
    unread.arm("Simvastatin 40 mg", "ACTIVE_COMPARATOR", [d])
    unread_groups = [unread.group("Atorvastatin 80 mg"), unread.group("Simvastatin 40 mg")]
    unread.analysis(unread.outcome("LDL-C"), unread_groups, p_value_raw="<0.001")
    _, rows, per_trial, _ = run(trial, unread)
    assert per_trial.select("studyId", "drug_key", "role", "primary_verdict", "favours", "comparator").rows() == [
        ("NCT09000004", "CHEMBL1064", "ACTIVE_COMPARATOR", "NO_COMPARATOR", None, "ACTIVE"),
        ("NCT09000004", "CHEMBL1487", "INVESTIGATIONAL", "MET", "DRUG", "ACTIVE"),
        ("NCT09000044", "CHEMBL1064", "ACTIVE_COMPARATOR", "NO_COMPARATOR", None, "ACTIVE"),
        ("NCT09000044", "CHEMBL1487", "INVESTIGATIONAL", "INDETERMINATE", "UNCLEAR", "ACTIVE"),
    ]
    assert rows.filter(studyId="NCT09000044", drug_key="CHEMBL1487")["reason"].item() == (
        "significant, direction unclear: no group values to compare"
    )


def test_a_significant_result_in_the_comparators_favour_is_not_met() -> None:
    trial = _placebo_trial("NCT09000045", p_value_raw="=0.004", param_type="Hazard Ratio (HR)")
    outcome = trial.outcomes[0]["id"]
    trial.measurements = []
    trial.values(outcome, {trial.groups[0]["id"]: 0.4, trial.groups[1]["id"]: -0.3})  # HbA1c rose on the drug
    _, rows, per_trial, _ = run(trial)
    assert per_trial.select("primary_verdict", "favours").row(0) == ("NOT_MET", "COMPARATOR")
    assert rows["reason"].item() == "p-value below alpha, in the comparator's favour"


def test_an_add_on_to_a_backbone_credits_only_the_add_on() -> None:
    trial = Trial("NCT09000005")
    ada, mtx = trial.intervention("Adalimumab", "CHEMBL1201580"), trial.intervention("Methotrexate", "CHEMBL34259")
    placebo = trial.intervention("Placebo")
    trial.arm("Adalimumab + MTX", "EXPERIMENTAL", [ada, mtx])
    trial.arm("Placebo + MTX", "PLACEBO_COMPARATOR", [placebo, mtx])
    groups = [trial.group("Adalimumab 40 mg eow + MTX"), trial.group("Placebo + MTX")]
    acr20 = trial.outcome("ACR20 at week 24")
    trial.values(acr20, {groups[0]: 61.0, groups[1]: 30.0})
    trial.analysis(acr20, groups, p_value_raw="<0.001")
    matched, rows, per_trial, _ = run(trial)
    assert matched.select("group_title", "match").rows() == [
        ("Adalimumab 40 mg eow + MTX", "drug"),
        ("Placebo + MTX", "title"),
    ]
    assert per_trial.select("drug_key", "primary_verdict", "comparator").rows() == [
        ("CHEMBL1201580", "MET", "PLACEBO"),
        ("CHEMBL34259", "NO_COMPARATOR", "NONE"),
    ]
    assert rows.filter(drug_key="CHEMBL34259")["reason"].item() == "not the drug the trial tests: background"
    assert rows.filter(drug_key="CHEMBL34259")["role"].item() == "BACKGROUND"


def test_strata_of_one_arm_and_single_group_tests_are_no_comparator() -> None:
    trial = Trial("NCT09000006")
    drug = trial.intervention("Sorafenib", "CHEMBL1336")
    trial.arm("Sorafenib 400 mg BID", "EXPERIMENTAL", [drug])
    asian, other = trial.group("Sorafenib - Asian"), trial.group("Sorafenib - non-Asian")
    outcome = trial.outcome("Overall survival")
    trial.analysis(outcome, [asian, other], p_value_raw="0.01")
    trial.analysis(outcome, [asian], p_value_raw="<0.001")  # against baseline
    _, rows, per_trial, _ = run(trial)
    assert rows.select("comparator", "verdict", "reason").rows() == [
        ("NONE", "NO_COMPARATOR", "the drug is on every side"),
        ("NONE", "NO_COMPARATOR", "one group"),
    ]
    assert _verdict(per_trial, "NCT09000006", "CHEMBL1336") == "NO_COMPARATOR"


def test_crossover_groups_are_left_out_and_their_analyses_cannot_tell() -> None:
    trial = Trial("NCT09000007")
    drug, placebo = trial.intervention("Certolizumab pegol", "CHEMBL1201831"), trial.intervention("Placebo")
    trial.arm("Certolizumab Pegol 200 mg Q2W", "EXPERIMENTAL", [drug])
    trial.arm("Placebo", "PLACEBO_COMPARATOR", [placebo])
    switch, cz = trial.group("Placebo->OL CZP"), trial.group("CZP 200 mg Q2W (FAS)", description="Certolizumab pegol")
    trial.analysis(trial.outcome("ASAS20 at week 12"), [cz, switch], p_value_raw="<0.001")
    matched, rows, per_trial, figures = run(trial)
    assert per_trial["primary_verdict"].to_list() == ["INDETERMINATE"]
    assert matched.select("group_title", "match", "design_group_id").rows() == [
        ("Placebo->OL CZP", "crossover", None),
        ("CZP 200 mg Q2W (FAS)", "drug", trial.arms[0]["id"]),
    ]
    assert rows.select("verdict", "reason").rows() == [
        ("INDETERMINATE", "a group of the analysis is not matched to an arm")
    ]
    assert figures["groups/match/crossover"] == 1 and figures["groups/Outcome/matched_share"] == 0.5


def test_a_group_titled_arm_to_arm_is_a_switch_and_a_titration_is_not() -> None:
    """ "Placebo to Tadalafil 5 mg" names an arm on both sides of its "to", beside the placebo arm's own group: the
    placebo arm's participants after a switch (NCT00833638). Not switches: "Tadalafil 2.5 mg to 5 mg" (a titration,
    no arm's title after its "to"); a randomised withdrawal's "Tofacitinib to Placebo" (no group of tofacitinib
    before the switch: it is the withdrawal arm); "Mirabegron 25 mg to Mirabegron 50 mg" in a study registering an
    arm "titrated to 50 mg". "Placebo-controlled Period: Tadalafil 5 mg" names the design: the drug's group."""
    trial = Trial("NCT09000016")
    drug, placebo = trial.intervention("Tadalafil", "CHEMBL779"), trial.intervention("Placebo")
    trial.arm("Tadalafil 2.5 mg", "EXPERIMENTAL", [drug])
    trial.arm("Tadalafil 5 mg", "EXPERIMENTAL", [drug])
    trial.arm("Placebo", "PLACEBO_COMPARATOR", [placebo])
    titles = (
        "Placebo-controlled Period: Tadalafil 2.5 mg",
        "Placebo-controlled Period: Tadalafil 5 mg",
        "Placebo-Controlled Period: Placebo",
        "Placebo to Tadalafil 5 mg",
        "Tadalafil 2.5 mg to Tadalafil 5 mg",
        "Tadalafil 2.5 mg to 5 mg",
    )
    groups = [trial.group(title) for title in titles]
    trial.analysis(trial.outcome("IIEF erectile function"), groups[1:3], p_value_raw="0.001")
    withdrawal = Trial("NCT09000021")
    tofacitinib, sham = withdrawal.intervention("Tofacitinib", "CHEMBL221959"), withdrawal.intervention("Placebo")
    withdrawal.arm("Tofacitinib", "EXPERIMENTAL", [tofacitinib])
    withdrawal.arm("Placebo", "PLACEBO_COMPARATOR", [sham])
    withdrawal.group("Tofacitinib to Tofacitinib")
    withdrawal.group("Tofacitinib to Placebo")
    titrated = Trial("NCT09000022")
    mirabegron = titrated.intervention("Mirabegron", "CHEMBL2095212")
    titrated.arm("Mirabegron 25 mg", "EXPERIMENTAL", [mirabegron])
    titrated.arm("Mirabegron 25 mg titrated to 50 mg", "EXPERIMENTAL", [mirabegron])
    titrated.group("Mirabegron 25 mg")
    titrated.group("Mirabegron 25 mg to Mirabegron 50 mg")
    matched, _, _, _ = run(trial, withdrawal, titrated)
    assert matched.select("group_title", "match", "design_group_id").rows() == [
        ("Placebo-controlled Period: Tadalafil 2.5 mg", "drug_dose", trial.arms[0]["id"]),
        ("Placebo-controlled Period: Tadalafil 5 mg", "drug_dose", trial.arms[1]["id"]),
        ("Placebo-Controlled Period: Placebo", "placebo", trial.arms[2]["id"]),
        ("Placebo to Tadalafil 5 mg", "crossover", None),
        ("Tadalafil 2.5 mg to Tadalafil 5 mg", "crossover", None),
        ("Tadalafil 2.5 mg to 5 mg", "unmatched", None),  # both arms' doses: no arm is the titration's
        ("Tofacitinib to Tofacitinib", "drug", withdrawal.arms[0]["id"]),
        ("Tofacitinib to Placebo", "placebo", withdrawal.arms[1]["id"]),
        ("Mirabegron 25 mg", "title", titrated.arms[0]["id"]),
        ("Mirabegron 25 mg to Mirabegron 50 mg", "drug_dose", titrated.arms[1]["id"]),
    ]


def test_a_placebo_given_within_every_arm_is_a_placebo_period_and_a_double_dummy_is_not() -> None:
    """NCT02619617: each dose arm is given placebo then the drug; its "Placebo s.c." group is that period, no
    real arm's, and is the control. In a double-dummy trial (each arm given the other's placebo) only a group
    titled with placebo words alone could be that period: "Rizatriptan 10 mg + placebo" is not, nor is a dose
    group described as given matching placebo, nor a placebo run-in (unmatched: no arm holds it)."""
    within = Trial("NCT09000017")
    drug, placebo = within.intervention("SOM230", "CHEMBL2103873"), within.intervention("Placebo")
    within.arm("SOM230 0.9mg", "EXPERIMENTAL", [drug, placebo])
    within.arm("SOM230 1.5 mg", "EXPERIMENTAL", [drug, placebo])
    groups = [within.group("1.5 mg SOM230 s.c."), within.group("Placebo s.c.")]
    within.analysis(within.outcome("Headache response at 30 minutes"), groups, p_value_raw="0.698")
    dummy = Trial("NCT09000018")
    a, b = dummy.intervention("Sumatriptan", "CHEMBL128"), dummy.intervention("Rizatriptan", "CHEMBL905")
    placebo_a, placebo_b = dummy.intervention("Placebo for sumatriptan"), dummy.intervention("Placebo for rizatriptan")
    dummy.arm("Sumatriptan 100 mg", "EXPERIMENTAL", [a, placebo_b])
    dummy.arm("Rizatriptan 10 mg", "ACTIVE_COMPARATOR", [b, placebo_a])
    dummy_groups = [dummy.group("Sumatriptan"), dummy.group("Rizatriptan")]
    dummy.analysis(dummy.outcome("Pain free at 2 hours"), dummy_groups, p_value_raw="0.40")
    for title in ("Rizatriptan 10 mg + placebo", "Placebo Run-in Period"):
        dummy.group(title, result_type="Reported Event")
    dummy.group("Low Dose", result_type="Reported Event", description="Sumatriptan 50 mg plus matching placebo")
    matched, _, per_trial, _ = run(within, dummy)
    assert matched.select("group_title", "match", "control", pl.col("design_group_id") < 0).rows() == [
        ("1.5 mg SOM230 s.c.", "drug_dose", False, False),
        ("Placebo s.c.", "placebo", True, True),
        ("Sumatriptan", "drug", False, False),
        ("Rizatriptan", "drug", False, False),
        ("Rizatriptan 10 mg + placebo", "unmatched", None, None),
        ("Placebo Run-in Period", "unmatched", None, None),
        ("Low Dose", "unmatched", None, None),
    ]
    assert per_trial.select("studyId", "drug_key", "comparator", "primary_verdict").rows() == [
        ("NCT09000017", "CHEMBL2103873", "PLACEBO", "NOT_MET"),
        ("NCT09000018", "CHEMBL128", "ACTIVE", "NOT_MET"),
        ("NCT09000018", "CHEMBL905", "ACTIVE", "NO_COMPARATOR"),
    ]


def test_a_combination_arms_group_is_no_pooled_column_of_its_monotherapy_groups() -> None:
    """A combination trial posts "Metformin", "Sitagliptin" and "Metformin + Sitagliptin": the last joins the two
    others' titles, yet it is the combination arm's own (its title), and the add-on analysis reads it. Where no arm
    holds both drugs, the same title is a pooled column."""
    combination = Trial("NCT09000019")
    a, b = combination.intervention("Metformin", "CHEMBL1431"), combination.intervention("Sitagliptin", "CHEMBL1422")
    combination.arm("Metformin", "ACTIVE_COMPARATOR", [a])
    combination.arm("Sitagliptin", "ACTIVE_COMPARATOR", [b])
    combination.arm("Metformin + Sitagliptin", "EXPERIMENTAL", [a, b])
    groups = [combination.group(title) for title in ("Metformin", "Sitagliptin", "Metformin + Sitagliptin")]
    hba1c = combination.outcome("Change in HbA1c")
    combination.values(hba1c, {groups[2]: -1.4, groups[0]: -0.9})
    combination.analysis(hba1c, [groups[2], groups[0]], p_value_raw="<0.001")
    pooled = Trial("NCT09000020")
    c, d = pooled.intervention("Metformin", "CHEMBL1431"), pooled.intervention("Sitagliptin", "CHEMBL1422")
    pooled.arm("Metformin", "EXPERIMENTAL", [c])
    pooled.arm("Sitagliptin", "EXPERIMENTAL", [d])
    for title in ("Metformin", "Sitagliptin", "Metformin + Sitagliptin"):
        pooled.group(title)
    matched, _, per_trial, _ = run(combination, pooled)
    assert matched.select("nct_id", "group_title", "match").rows() == [
        ("NCT09000019", "Metformin", "title"),
        ("NCT09000019", "Sitagliptin", "title"),
        ("NCT09000019", "Metformin + Sitagliptin", "title"),
        ("NCT09000020", "Metformin", "title"),
        ("NCT09000020", "Sitagliptin", "title"),
        ("NCT09000020", "Metformin + Sitagliptin", "pooled"),
    ]
    assert per_trial.filter(studyId="NCT09000019").select("drug_key", "comparator", "primary_verdict").rows() == [
        ("CHEMBL1422", "PLACEBO", "MET"),  # sitagliptin added to metformin against metformin alone
        ("CHEMBL1431", "NONE", "NO_COMPARATOR"),
    ]


def test_placebo_typed_other_or_experimental_is_still_the_control() -> None:
    for placebo_type in ("OTHER", "EXPERIMENTAL"):
        matched, rows, per_trial, _ = run(_placebo_trial("NCT09000008", placebo_type, p_value_raw="0.002"))
        assert matched["control"].to_list() == [False, True]
        assert (rows["comparator"].item(), _verdict(per_trial, "NCT09000008", "CHEMBL1422")) == ("PLACEBO", "MET")


def test_a_vehicle_named_after_the_drug_is_the_control() -> None:
    trial = Trial("NCT09000009")
    drug, vehicle = trial.intervention("ACU-D1 Ointment"), trial.intervention("ACU-D1 Vehicle", kind="OTHER")
    trial.arm("ACU-D1", "EXPERIMENTAL", [drug])
    trial.arm("Vehicle", "EXPERIMENTAL", [vehicle])
    groups = [trial.group("ACU-D1 Ointment 1%"), trial.group("ACU-D1 Ointment Vehicle")]
    clearance = trial.outcome("Lesion clearance")
    trial.values(clearance, {groups[0]: 70.0, groups[1]: 20.0})
    trial.analysis(clearance, groups, p_value_raw="=0.004")
    matched, rows, per_trial, _ = run(trial)
    assert rows["comparator"].to_list() == ["PLACEBO"]
    assert matched.select("group_title", "match", "control").rows() == [
        ("ACU-D1 Ointment 1%", "drug", False),
        ("ACU-D1 Ointment Vehicle", "placebo", True),
    ]
    assert per_trial.select("drug_key", "primary_verdict", "comparator").rows() == [
        ("acu d1 ointment", "MET", "PLACEBO")
    ]


def test_primary_outcome_without_analysis_and_the_first_eligible_primary() -> None:
    pk = Trial("NCT09000010")
    drug = pk.intervention("Remdesivir", "CHEMBL4065616")
    pk.arm("Remdesivir 200 mg", "EXPERIMENTAL", [drug])
    pk.group("Remdesivir")
    pk.outcome("Cmax of remdesivir")  # pharmacokinetics: no analysis
    two = _placebo_trial("NCT09000011", p_value_raw="0.40")
    later = two.outcome("Fasting glucose")  # a second primary outcome, met; the first decides
    two.analysis(later, [two.groups[0]["id"], two.groups[1]["id"]], p_value_raw="<0.001")
    secondary = two.outcome("Weight", "SECONDARY")
    two.analysis(secondary, [two.groups[0]["id"], two.groups[1]["id"]], p_value_raw="<0.001")
    _, rows, per_trial, figures = run(pk, two)
    assert per_trial.select("studyId", "drug_key", "primary_verdict", "primary_outcome", "p_value_raw").rows() == [
        ("NCT09000010", "CHEMBL4065616", "NO_ANALYSIS", None, None),
        ("NCT09000011", "CHEMBL1422", "NOT_MET", "Change in HbA1c at week 24", "0.40"),
    ]
    assert rows.height == 3 and figures["primary_verdict/NO_ANALYSIS"] == 1


def test_several_analyses_of_one_outcome_decide_together() -> None:
    trial = _placebo_trial("NCT09000012", p_value_raw="<0.001", param_type="Hazard Ratio")
    ids = [trial.groups[0]["id"], trial.groups[1]["id"]]
    outcome = trial.outcomes[0]["id"]
    trial.analysis(outcome, ids, p_value_raw="0.62", param_type="Risk Difference")  # the same outcome, disagreeing
    _, _, per_trial, _ = run(trial)
    row = per_trial.row(0, named=True)
    assert (row["primary_verdict"], row["analyses"], row["favours"], row["reason"]) == (
        "MIXED",
        2,
        "DRUG",
        "primary outcomes or doses disagree: some met, some not",
    )


def test_co_primary_outcomes_decide_together_and_an_unread_analysis_never_makes_an_outcome_met() -> None:
    both = _placebo_trial("NCT09000013", p_value_raw="<0.001")
    glucose = both.outcome("Fasting glucose at week 24")  # a co-primary outcome, not met
    ids = [both.groups[0]["id"], both.groups[1]["id"]]
    both.values(glucose, dict(zip(ids, (-10.0, -8.0), strict=True)))
    both.analysis(glucose, ids, p_value_raw="0.31")
    unread = _placebo_trial("NCT09000014", p_value_raw="<0.001")  # met, and a second analysis with text
    unread.analysis(unread.outcomes[0]["id"], [unread.groups[0]["id"], unread.groups[1]["id"]], p_value_raw="NS")
    _, _, per_trial, _ = run(both, unread)
    assert per_trial.select("studyId", "primary_verdict", "primary_outcomes").rows() == [
        ("NCT09000013", "MIXED", 2),
        ("NCT09000014", "INDETERMINATE", 0),
    ]


def test_an_analysis_pointing_at_no_group_is_counted_and_never_met() -> None:
    trial = _placebo_trial("NCT09000013", p_value_raw="<0.001")
    trial.analysis_groups.append({"outcome_analysis_id": trial.analyses[0]["id"], "result_group_id": 1})
    _, rows, _, figures = run(trial)
    assert rows["verdict"].to_list() == ["INDETERMINATE"]
    assert figures["analysis_groups/pointing_at_no_group"] == 1


def test_a_results_table_without_a_column_names_it() -> None:
    trial = _placebo_trial("NCT09000014", p_value_raw="<0.001")
    with pytest.raises(
        match=r"outcome_analyses lacks column\(s\) p_value_raw .*"
        r"sources.aact.tables.outcome_analyses.columns",
    ):
        efficacy(
            _frame([trial], "outcomes"),
            _frame([trial], "analyses").drop("p_value_raw"),
            _frame([trial], "analysis_groups"),
            pl.LazyFrame(schema={"result_group_id": pl.Int64}),
        )


def test_statistics_before_sides() -> None:
    frame = pl.DataFrame(
        [
            {"non_inferiority_type": "OTHER", "p_value_raw": "<0.001"},
            {"non_inferiority_type": None, "p_value_raw": "0.01"},
            {
                "non_inferiority_type": "EQUIVALENCE",
                "non_inferiority_description": "equivalence margin 0.5",
                "param_type": "Mean Difference",
                "ci_percent": 90.0,
                "ci_lower_limit": -0.3,
                "ci_upper_limit": 0.2,
            },
            {
                "non_inferiority_type": "EQUIVALENCE",
                "non_inferiority_description": "equivalence margin 0.5",
                "param_type": "Mean Difference",
                "ci_lower_limit": -0.3,
                "ci_upper_limit": 0.2,
            },
            {"non_inferiority_type": "SUPERIORITY_OR_OTHER", "param_type": "Mean", "param_value": 2.0},
        ],
        schema=SCHEMAS["analyses"] | {},
    )
    assert analysis_statistics(frame).select("test", "statistic", "statistic_reason").rows() == [
        ("SUPERIORITY", "SIGNIFICANT", "p-value below alpha"),  # OTHER with a test is a superiority test
        ("SUPERIORITY", "SIGNIFICANT", "p-value below alpha"),
        ("EQUIVALENCE", "NON_INFERIOR", "interval against the equivalence margin"),
        ("EQUIVALENCE", "NI_UNRESOLVED", "interval of unstated level"),
        ("DESCRIPTIVE", "NO_TEST", "descriptive: no between-group test posted"),
    ]


def test_both_aact_kinds_give_the_same_outcome_evidence(postgres: Postgres, tmp_path: Path) -> None:
    """The default graph's outcome steps (efficacy, safety, stop reasons, repurposing) and final_df on the
    sample read from PostgreSQL and from the flat files: the same rows and pair ids, but for the quotes the
    export drops from a reason's text."""
    tables = add_tables(add_tables(generate_aact(SAMPLE_STUDIES, SAMPLE_SEED), known_trials()), real_tables())
    write_postgres(tables, postgres.uri, "sample")
    text = (PROJECT_ROOT / "config" / "clinical_mining.yaml").read_text()
    text = text.replace("../clinical_mining/sample_data", str(PROJECT_ROOT / "clinical_mining" / "sample_data"))
    outputs = {}
    for kind in ("flatfiles", "postgres"):
        config = text.replace("${CLINICAL_MINING_OUTPUT:-../data/output}", str(tmp_path / kind))
        if kind == "postgres":
            config = config.replace(
                "    kind: flatfiles ", f"    kind: postgres\n    uri: {postgres.uri}\n    schema: sample\n    #"
            )
        path = tmp_path / f"{kind}.yaml"
        path.write_text(config)
        steps = ("trial_efficacy", "trial_safety", "stop_reasons", "repurposing_candidates", "final_df")
        result = run_config(path, selection=AssetSelection.assets(*steps).upstream())
        assert result.success
        read = result.asset_materializations_for_node("outcome_analyses")[0].metadata
        assert ("query" in read) is (kind == "postgres")  # the database kind really read the database
        outputs[kind] = {name: output(path, name) for name in ("efficacy", *steps)}
    for name in ("efficacy", *steps):
        assert_frame_equal(outputs["postgres"][name].pipe(export_equivalent), outputs["flatfiles"][name])
    assert outputs["postgres"]["stop_reasons"]["why_stopped"].str.contains('"').any()  # the database keeps them
    verdicts = dict(
        outputs["postgres"]["trial_efficacy"]
        .select(pl.concat_str("studyId", "drug_key", separator="/"), "primary_verdict")
        .iter_rows()
    )
    assert {f"{study}/{drug}": verdict for (study, drug), verdict in KNOWN_VERDICTS.items()}.items() <= verdicts.items()


def _statistics(**values: object) -> tuple[object, ...]:
    frame = pl.DataFrame([values], schema=SCHEMAS["analyses"] | {"p_value_description": pl.String})
    row = analysis_statistics(frame).row(0, named=True)
    return row["test"], row["margin"], row["statistic"]


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        # the margin is the number at the word "margin", never a sample size after it (ARROW's wording)
        (
            {
                "non_inferiority_type": "NON_INFERIORITY_OR_EQUIVALENCE",
                "non_inferiority_description": "631 children would be required to exclude a 12% lower suppression"
                " rate (lower 95% confidence limit of difference -12%, the non-inferiority margin). 630 children"
                " retains at least 80% power",
                "param_type": "Risk Difference (RD)",
                "ci_percent": 95.0,
                "ci_lower_limit": -8.4,
                "ci_upper_limit": 5.2,
            },
            ("NON_INFERIORITY", -12.0, "NON_INFERIOR"),
        ),
        # nor an alpha beside it
        (
            {
                "non_inferiority_type": "NON_INFERIORITY",
                "non_inferiority_description": "Non-inferiority if the upper bound is below the 1.3 margin, tested"
                " at one-sided alpha 0.025",
                "param_type": "Hazard Ratio (HR)",
                "ci_percent": 95.0,
                "ci_lower_limit": 0.9,
                "ci_upper_limit": 1.25,
            },
            ("NON_INFERIORITY", 1.3, "NON_INFERIOR"),
        ),
        # the bound a sentence names decides the side: upper limit below 20 (a safety endpoint against placebo)
        (
            {
                "non_inferiority_type": "NON_INFERIORITY_OR_EQUIVALENCE",
                "non_inferiority_description": "If upper limit of 95% CI \\< 20% then avanafil is considered"
                " non-inferior to placebo.",
                "param_type": "Risk Difference (RD)",
                "ci_percent": 95.0,
                "ci_lower_limit": -21.56,
                "ci_upper_limit": -4.29,
            },
            ("NON_INFERIORITY", 20.0, "NON_INFERIOR"),
        ),
        # an 80% interval cannot show non-inferiority
        (
            {
                "non_inferiority_type": "NON_INFERIORITY",
                "non_inferiority_description": "The non-inferiority margin was -10%.",
                "param_type": "Risk Difference (RD)",
                "ci_percent": 80.0,
                "ci_lower_limit": -4.0,
                "ci_upper_limit": 3.0,
            },
            ("NON_INFERIORITY", -10.0, "NI_UNRESOLVED"),
        ),
        # two margins in one description: unsure
        (
            {
                "non_inferiority_type": "NON_INFERIORITY",
                "non_inferiority_description": "a margin of -10% in the full analysis set and a margin of -12%"
                " in the per-protocol set",
                "param_type": "Risk Difference (RD)",
                "ci_percent": 95.0,
                "ci_lower_limit": -4.0,
                "ci_upper_limit": 3.0,
            },
            ("NON_INFERIORITY", None, "NI_UNRESOLVED"),
        ),
        # a pharmacokinetic comparison typed with the pre-2017 box and no margin
        (
            {
                "non_inferiority_type": "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY",
                "non_inferiority_description": "Percent of reference to detect for 2-1 tests and power = 20.0%.",
                "param_type": "ratio between geometric means",
                "ci_percent": 90.0,
                "ci_lower_limit": 92.03,
                "ci_upper_limit": 105.82,
            },
            ("NON_INFERIORITY", None, "NI_UNRESOLVED"),
        ),
        # equivalence accepts a 90% two-sided interval
        (
            {
                "non_inferiority_type": "EQUIVALENCE",
                "non_inferiority_description": "equivalence margin of 0.8",
                "param_type": "Mean Difference",
                "ci_percent": 90.0,
                "ci_lower_limit": -0.5,
                "ci_upper_limit": 0.4,
            },
            ("EQUIVALENCE", 0.8, "NON_INFERIOR"),
        ),
        # a two-sided p is judged at 0.05 even beside a one-sided interval
        (
            {"p_value_raw": "0.03", "ci_n_sides": "ONE_SIDED", "param_type": "Mean Difference"},
            ("SUPERIORITY", None, "SIGNIFICANT"),
        ),
        # the record's own threshold: significant only below 0.025 (Bonferroni)
        (
            {"p_value_raw": "0.03", "p_value_description": "Bonferroni: significant if p < 0.025"},
            ("SUPERIORITY", None, "NOT_SIGNIFICANT"),
        ),
    ],
)
def test_margins_levels_and_alpha_as_the_record_writes_them(
    values: dict[str, object], expected: tuple[object, ...]
) -> None:
    assert _statistics(**values) == expected


@pytest.mark.parametrize(
    ("title", "description", "polarity"),
    [
        ("Erectile Distress Scale Total Score", "Higher scores indicate less impact of ED.", 1),
        ("WOMAC Pain", "Higher scores indicate worse pain.", -1),
        ("Percentage of Participants Achieving EASI-75", "EASI: higher scores indicate greater severity.", 1),
        ("Percentage of Participants With 50% or Greater Reduction in Weekly Attacks", None, 1),
        ("Percentage of Subjects With Disease Activity Score Major Improvement", None, 1),
        ("Time to First Exacerbation", None, 1),
        ("Time to Symptom Resolution", None, -1),
        ("Overall Survival", None, 1),
        ("Change From Baseline in HbA1c", None, -1),
        ("Number of Participants With Adverse Events", None, -1),
        ("Clinician Global Impression of Improvement", None, None),  # 1 is "very much improved"
        ("Maximum Plasma Concentration (Cmax)", None, None),
        ("Remission of Pain", None, None),  # both ways: unclear
    ],
)
def test_what_an_outcome_calls_better(title: str, description: str | None, polarity: int | None) -> None:
    frame = pl.DataFrame(
        {"title": [title], "description": [description]}, schema={"title": pl.String, "description": pl.String}
    )
    assert frame.select(outcome_polarity(pl.col("title"), pl.col("description"))).item() == polarity


def test_a_non_drug_comparator_is_read_for_its_direction() -> None:
    trial = Trial("NCT09000020")
    drug = trial.intervention("Mitomycin", "CHEMBL105")
    surgery = trial.intervention("Transurethral resection", kind="PROCEDURE")
    trial.arm("Mitomycin instillation", "EXPERIMENTAL", [drug])
    trial.arm("Surgery", "ACTIVE_COMPARATOR", [surgery])
    groups = [trial.group("Mitomycin"), trial.group("Surgery")]
    recurrence = trial.outcome("Recurrence at 12 months")
    trial.values(recurrence, {groups[0]: 30.0, groups[1]: 18.0})  # more recurrences on the drug
    trial.analysis(recurrence, groups, p_value_raw="0.01")
    _, rows, per_trial, _ = run(trial)
    assert rows.select("comparator", "verdict", "favours").row(0) == ("NON_DRUG", "NOT_MET", "COMPARATOR")
    assert per_trial.select("role", "comparator", "primary_verdict", "favours").row(0) == (
        "INVESTIGATIONAL",
        "NON_DRUG",
        "NOT_MET",
        "COMPARATOR",
    )


def test_an_analysis_whose_groups_are_all_unmatched_is_an_indeterminate_row() -> None:
    trial = _placebo_trial("NCT09000021", p_value_raw="<0.001")
    cohorts = [trial.group("Cohort 1"), trial.group("Cohort 2")]
    extra = trial.outcome("Change in fasting glucose")
    trial.analysis(extra, cohorts, p_value_raw="<0.001")
    _, rows, per_trial, _ = run(trial)
    unmatched = rows.filter(outcome_id=extra)
    assert unmatched.select("drug_key", "drug_in_groups", "verdict", "reason").rows() == [
        ("CHEMBL1422", False, "INDETERMINATE", "a group of the analysis is not matched to an arm")
    ]
    # the drug's own analysis decides; the unmatched one cannot be attributed and is shown, not dropped
    assert per_trial.select("primary_verdict", "primary_outcomes").row(0) == ("MET", 1)


def test_the_reason_a_primary_outcome_cannot_be_read_is_the_first_analysiss_whatever_the_row_order() -> None:
    """Two primary outcomes unread for two reasons: the trial's reason is the first outcome's, in any row order
    (a join or a thread may order the efficacy rows differently from run to run)."""
    trial = _placebo_trial("NCT09000046", p_value_raw="<0.1")  # could be either side of 0.05
    active, control = (group["id"] for group in trial.groups)
    second = trial.outcome("Change in fasting glucose at week 24")
    trial.values(second, {active: -10.0, control: -10.0})  # equal values: significant, direction unclear
    trial.analysis(second, [active, control], p_value_raw="0.001")
    groups, rows, per_trial, _ = run(trial)
    reversed_rows = trial_efficacy(rows.reverse().lazy(), _frame([trial], "outcomes"), groups.lazy())
    reasons = {frame.filter(drug_key="CHEMBL1422")["reason"].item() for frame in (per_trial, reversed_rows)}
    first = rows.filter(drug_key="CHEMBL1422").sort("outcome_id")["reason"][0]
    assert reasons == {f"a primary analysis cannot be read: {first}"}
    assert rows.filter(drug_key="CHEMBL1422")["verdict"].to_list() == ["INDETERMINATE", "INDETERMINATE"]

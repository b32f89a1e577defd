"""Safety: serious adverse events and deaths per trial and drug, through the arm matching efficacy uses."""

import math

import polars as pl
import pytest

from clinical_mining.step_stats import collecting
from clinical_mining.steps.outcomes.arms import ResultsInputError, result_group_arms
from clinical_mining.steps.outcomes.efficacy import efficacy
from clinical_mining.steps.outcomes.safety import newcombe_difference, trial_safety, wilson
from clinical_mining_tests.conftest import aact_evidence
from clinical_mining_tests.test_efficacy import Trial, _frame

TOTALS_SCHEMA = {
    "nct_id": pl.String,
    "ctgov_group_code": pl.String,
    "event_type": pl.String,
    "classification": pl.String,
    "subjects_affected": pl.Int64,
    "subjects_at_risk": pl.Int64,
}


def _totals(rows: list[tuple[str, str, str, int | None, int | None]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        [(nct, code, kind, f"Total, {kind}", affected, at_risk) for nct, code, kind, affected, at_risk in rows],
        schema=TOTALS_SCHEMA,
        orient="row",
    )


def _serious(nct: str, *counts: tuple[int, int], first: int = 0) -> pl.LazyFrame:
    """Serious-event totals (affected, at risk) of the study's groups OG000, OG001, ... (from group `first`)."""
    return _totals(
        [
            (nct, f"OG{first + code:03d}", "serious", affected, at_risk)
            for code, (affected, at_risk) in enumerate(counts)
        ]
    )


def _run(trial: Trial, totals: pl.LazyFrame) -> tuple[pl.DataFrame, dict[str, object]]:
    evidence = aact_evidence(trial.evidence)
    with collecting() as figures:
        groups = result_group_arms(
            _frame([trial], "groups"),
            _frame([trial], "arms"),
            _frame([trial], "links"),
            _frame([trial], "interventions"),
            evidence,
        )
        rows = trial_safety(totals, groups.lazy())
    return rows, figures


def _placebo_trial(nct: str) -> Trial:
    trial = Trial(nct)
    drug, placebo = trial.intervention("Sitagliptin", "CHEMBL1422"), trial.intervention("Placebo")
    trial.arm("Sitagliptin 100 mg", "EXPERIMENTAL", [drug])
    trial.arm("Placebo", "OTHER", [placebo])
    trial.group("Sitagliptin 100 mg", result_type="Reported Event")  # EG codes are the order of groups
    trial.group("Placebo", result_type="Reported Event")
    return trial


def test_wilson_and_newcombe_against_published_values() -> None:
    # Newcombe (1998), Table II, example (a): 56/70 against 48/80: 0.2000 (0.0524, 0.3339)
    frame = pl.DataFrame({"a": [56], "n": [70], "b": [48], "m": [80]})
    difference, lower, upper = newcombe_difference(pl.col("a"), pl.col("n"), pl.col("b"), pl.col("m"))
    interval = (difference.alias("d"), lower.alias("l"), upper.alias("u"))
    assert [round(v, 4) for v in frame.select(interval).row(0)] == [0.2, 0.0524, 0.3339]
    # example (h): 0/10 against 0/20: 0 (-0.1611, 0.2775), which a Wald interval cannot give
    frame = pl.DataFrame({"a": [0], "n": [10], "b": [0], "m": [20]})
    interval = (e.alias(name) for e, name in zip(newcombe_difference(*map(pl.col, "anbm")), "dlu", strict=True))
    assert [round(v, 4) for v in frame.select(interval).row(0)] == [
        0.0,
        -0.1611,
        0.2775,
    ]
    low, high = wilson(pl.col("x"), pl.col("n"))
    low, high = pl.DataFrame({"x": [0], "n": [0]}).select(low.alias("low"), high.alias("high")).row(0)
    assert (low, high) == (None, None)  # nobody at risk: no interval, not [0, 0]


def test_serious_events_and_deaths_against_placebo() -> None:
    trial = _placebo_trial("NCT09200001")
    totals = _totals(
        [
            ("NCT09200001", "OG000", "serious", 12, 300),
            ("NCT09200001", "OG000", "deaths", 1, 300),
            ("NCT09200001", "OG000", "other", 80, 300),
            ("NCT09200001", "OG001", "serious", 6, 298),
            ("NCT09200001", "OG001", "deaths", 0, 298),
        ]
    )
    rows, _ = _run(trial, totals)
    row = rows.row(0, named=True)
    assert (row["drug_key"], row["comparator"], row["sae_affected"], row["sae_at_risk"]) == (
        "CHEMBL1422",
        "PLACEBO",
        12,
        300,
    )
    assert (row["control_sae_affected"], row["control_sae_at_risk"], row["deaths"], row["control_deaths"]) == (
        6,
        298,
        1,
        0,
    )
    assert math.isclose(row["sae_risk_difference"], 12 / 300 - 6 / 298)
    assert row["sae_rd_lower"] < row["sae_risk_difference"] < row["sae_rd_upper"]
    assert row["sae_rd_lower"] < 0 < row["sae_rd_upper"]  # 4% against 2% in 300: not shown to differ


def test_a_group_at_risk_zero_has_no_rate_and_no_difference() -> None:
    trial = _placebo_trial("NCT09200002")
    totals = _totals([("NCT09200002", "OG000", "serious", 5, 100), ("NCT09200002", "OG001", "serious", 0, 0)])
    row = _run(trial, totals)[0].row(0, named=True)
    assert (row["sae_rate"], row["control_sae_rate"], row["sae_risk_difference"]) == (0.05, None, None)
    assert row["control_deaths"] is None  # not reported


def test_zero_cells_on_both_sides_give_an_interval_around_zero() -> None:
    trial = _placebo_trial("NCT09200003")
    totals = _totals([("NCT09200003", "OG000", "serious", 0, 120), ("NCT09200003", "OG001", "serious", 0, 118)])
    row = _run(trial, totals)[0].row(0, named=True)
    assert row["sae_risk_difference"] == 0.0
    assert -0.04 < row["sae_rd_lower"] < 0 < row["sae_rd_upper"] < 0.04


def test_totals_without_a_group_are_counted_and_an_unmatched_group_leaves_both_sides_without_counts() -> None:
    """The unmatched group could hold the drug or its comparator: neither side's sum is known to be whole."""
    trial = _placebo_trial("NCT09200004")
    trial.group("Cohort 9", result_type="Reported Event")  # matches no arm
    totals = _totals(
        [
            ("NCT09200004", "OG000", "serious", 3, 50),
            ("NCT09200004", "OG001", "serious", 1, 50),
            ("NCT09200004", "OG002", "serious", 2, 50),
            ("NCT09200004", "OG777", "serious", 9, 9),  # no such group
        ]
    )
    rows, figures = _run(trial, totals)
    row = rows.row(0, named=True)
    assert (row["sae_affected"], row["control_sae_affected"], row["sae_risk_difference"], row["note"]) == (
        None,
        None,
        None,
        "an adverse-event group is not matched to an arm: either side could hold it",
    )
    assert (row["drug_groups"], row["control_groups"]) == (["OG000"], ["OG001"])
    assert (figures["totals/without_a_result_group"], figures["totals/group_not_matched_to_an_arm"]) == (1, 1)


def test_a_missing_column_is_named() -> None:
    trial = _placebo_trial("NCT09200005")
    with pytest.raises(ResultsInputError, match=r"reported_event_totals lacks column\(s\) subjects_at_risk"):
        _run(trial, _totals([]).drop("subjects_at_risk"))


def test_an_active_comparator_and_a_factorial_arm_get_their_own_comparison_arms() -> None:
    """A three-arm trial: the experimental arm against placebo, the active comparator's arm beside them. The
    investigational drug is compared with placebo only (never with a pool of every other group); the active
    comparator with the arms tested against it; a drug in every arm is background, with no comparison."""
    trial = Trial("NCT09200010")
    drug, reference = (
        trial.intervention("Dapagliflozin", "CHEMBL429910"),
        trial.intervention("Sitagliptin", "CHEMBL1422"),
    )
    backbone, placebo = trial.intervention("Metformin", "CHEMBL1431"), trial.intervention("Placebo")
    trial.arm("Dapagliflozin + metformin", "EXPERIMENTAL", [drug, backbone])
    trial.arm("Sitagliptin + metformin", "ACTIVE_COMPARATOR", [reference, backbone])
    trial.arm("Placebo + metformin", "PLACEBO_COMPARATOR", [placebo, backbone])
    for title in ("Dapagliflozin + metformin", "Sitagliptin + metformin", "Placebo + metformin"):
        trial.group(title, result_type="Reported Event")
    totals = _totals(
        [
            ("NCT09200010", "OG000", "serious", 10, 100),
            ("NCT09200010", "OG001", "serious", 8, 100),
            ("NCT09200010", "OG002", "serious", 5, 100),
        ]
    )
    rows, _ = _run(trial, totals)
    assert rows.select("drug_key", "role", "comparator", "drug_groups", "control_groups").rows() == [
        ("CHEMBL1422", "ACTIVE_COMPARATOR", "ACTIVE", ["OG001"], ["OG000"]),
        ("CHEMBL1431", "BACKGROUND", None, ["OG000", "OG001", "OG002"], []),
        ("CHEMBL429910", "INVESTIGATIONAL", "PLACEBO", ["OG000"], ["OG002"]),
    ]
    dapagliflozin = rows.filter(drug_key="CHEMBL429910").row(0, named=True)
    assert (dapagliflozin["control_sae_affected"], dapagliflozin["control_sae_at_risk"]) == (5, 100)
    metformin = rows.filter(drug_key="CHEMBL1431").row(0, named=True)
    assert (metformin["sae_affected"], metformin["control_sae_affected"], metformin["note"]) == (
        23,
        None,
        "the drug is in every compared arm",
    )


def test_an_arm_with_two_adverse_event_groups_is_never_summed() -> None:
    """Two groups of one arm that no rule tells apart ("Part 2": a later part of the same participants, or
    other participants) are never summed: the same participants could be counted twice. A group that says it is
    the follow-up phase is left out, and the treatment phase's counts are shown."""
    for title, expected in (
        ("Sitagliptin 100 mg Part 2", (None, None)),
        ("Sitagliptin 100 mg Follow-up Phase", (3, 1)),
    ):
        trial = _placebo_trial("NCT09200011")
        trial.group(title, result_type="Reported Event")
        rows, _ = _run(trial, _serious("NCT09200011", (3, 50), (1, 50), (2, 50)))
        row = rows.row(0, named=True)
        assert (row["sae_affected"], row["control_sae_affected"]) == expected
        if expected == (None, None):
            assert row["note"] == (
                "an arm has several adverse-event groups (phases, periods, cohorts): participants counted twice"
            )


def test_a_treatment_arm_of_another_drug_leaves_the_drugs_own_arm_alone() -> None:
    """A parallel trial whose arms say "(double-blind period)" reads as a crossover of treatments: its placebo group
    goes to a treatment arm while the drug's group matches its arm by title. The drug's own arm is still its arm:
    the sequence-arm rule of NCT02495467 holds per drug, not per study (a fresh-eyes review's case)."""
    trial = Trial("NCT09300001")
    drug, placebo = trial.intervention("Sitagliptin", "CHEMBL1422"), trial.intervention("Placebo")
    trial.arm("Sitagliptin 100 mg (double-blind period)", "EXPERIMENTAL", [drug])
    trial.arm("Placebo (double-blind period)", "PLACEBO_COMPARATOR", [placebo])
    trial.group("Sitagliptin 100 mg (Double-blind Period)", result_type="Reported Event")
    trial.group("Placebo tablets", result_type="Reported Event")
    totals = _totals(
        [
            ("NCT09300001", "OG000", "serious", 12, 300),
            ("NCT09300001", "OG001", "serious", 5, 290),
            ("NCT09300001", "OG000", "deaths", 1, 300),
            ("NCT09300001", "OG001", "deaths", 0, 290),
        ]
    )
    rows, _ = _run(trial, totals)
    assert rows.select(
        "drug_key", "comparator", "drug_groups", "control_groups", "sae_affected", "sae_at_risk", "control_sae_affected"
    ).rows() == [("CHEMBL1422", "PLACEBO", ["OG000"], ["OG001"], 12, 300, 5)]


def test_the_last_adverse_event_group_goes_to_the_last_arm_only_when_it_names_what_sets_that_arm_apart() -> None:
    """NCT01063855's shape: "PDE5I + PLACEBO" takes the placebo arm, and "PDE5I + DPX" (an abbreviation no rule
    reads, described as "Dapoxetine 30 mg to 60 mg") is the study's one unmatched group beside its one free arm
    "Dapoxetine + PDE5I": it names dapoxetine, which no other arm has. Shapes a reviewer built where the leftover
    group is no registered arm stay unmatched: a pooled column beside a dose arm that enrolled no one, a dose added
    beside a combination arm never opened, a run-in beside a dropped arm, a placebo group beside a dose arm
    (NCT02619617), a cohort whose title names nothing."""

    def matched(built: Trial, title: str) -> tuple[str, list[str] | None]:
        groups = result_group_arms(
            _frame([built], "groups"),
            _frame([built], "arms"),
            _frame([built], "links"),
            _frame([built], "interventions"),
            aact_evidence(built.evidence),
        )
        row = groups.filter(group_title=title).row(0, named=True)
        return row["match"], row["drug_keys"]

    def trial(nct: str, arms: list[tuple[str, str, list[str]]], groups: list[str], description: str | None = None):
        built = Trial(nct)
        drugs = {
            name: built.intervention(name, chembl)
            for name, chembl in (
                ("Dapoxetine", "CHEMBL1737"),
                ("PDE5I (phosphodiesterase-5 inhibitor)", None),
                ("Placebo", None),
                ("ABC-123", "CHEMBL9001"),
                ("Drugamab", "CHEMBL9003"),
                ("Otherinib", "CHEMBL9004"),
                ("Metformin", "CHEMBL1431"),
                ("Sitagliptin", "CHEMBL1422"),
                ("Glimepiride", "CHEMBL1481"),
            )
        }
        for title, kind, names in arms:
            built.arm(title, kind, [drugs[name] for name in names])
        for title in groups:
            built.group(title, result_type="Reported Event", description=description if title == groups[-1] else None)
        return built

    pde5i = "PDE5I (phosphodiesterase-5 inhibitor)"
    two_arms = [
        ("Dapoxetine + PDE5I", "EXPERIMENTAL", ["Dapoxetine", pde5i]),
        ("Placebo + PDE5I", "PLACEBO_COMPARATOR", ["Placebo", pde5i]),
    ]
    described = "Dapoxetine 30 mg to 60 mg on demand with a PDE5 inhibitor"
    dapoxetine = trial("NCT09200101", two_arms, ["PDE5I + PLACEBO", "PDE5I + DPX"], description=described)
    assert matched(dapoxetine, "PDE5I + DPX") == ("last_arm", ["CHEMBL1737", "pde5i phosphodiesterase 5 inhibitor"])
    # the same group without its description names only what both arms have
    bare = trial("NCT09200102", two_arms, ["PDE5I + PLACEBO", "PDE5I + DPX"])
    assert matched(bare, "PDE5I + DPX") == ("unmatched", None)
    doses = [(f"ABC-123 {dose} mg", "EXPERIMENTAL", ["ABC-123"]) for dose in (10, 20, 40)]
    pooled = trial(
        "NCT09200103",
        [*doses, ("Placebo", "PLACEBO_COMPARATOR", ["Placebo"])],
        ["ABC-123 10 mg", "ABC-123 20 mg", "Placebo", "ABC-123 (All Doses)"],
    )
    assert matched(pooled, "ABC-123 (All Doses)") == ("unmatched", None)
    added = trial(
        "NCT09200104",
        [
            ("Drugamab 10 mg", "EXPERIMENTAL", ["Drugamab"]),
            ("Drugamab 10 mg + Otherinib", "EXPERIMENTAL", ["Drugamab", "Otherinib"]),
            ("Placebo", "PLACEBO_COMPARATOR", ["Placebo"]),
        ],
        ["Drugamab 10 mg", "Placebo", "Drugamab 20 mg"],
    )
    assert matched(added, "Drugamab 20 mg") == ("unmatched", None)
    run_in = trial(
        "NCT09200105",
        [
            ("Metformin + Sitagliptin", "EXPERIMENTAL", ["Metformin", "Sitagliptin"]),
            ("Metformin + Glimepiride", "ACTIVE_COMPARATOR", ["Metformin", "Glimepiride"]),
            ("Metformin + Placebo", "PLACEBO_COMPARATOR", ["Metformin", "Placebo"]),
        ],
        ["Metformin + Sitagliptin", "Metformin + Placebo", "Metformin Run-in"],
    )
    assert matched(run_in, "Metformin Run-in") == ("unmatched", None)
    cohort = trial("NCT09200106", two_arms, ["PDE5I + PLACEBO", "Cohort B"])
    assert matched(cohort, "Cohort B") == ("unmatched", None)
    # two doses registered, a placebo group posted: the placebo group is not the 0.9 mg arm
    som230 = Trial("NCT09200107")
    pasireotide = som230.intervention("SOM230", "CHEMBL2105760")
    som230.arm("SOM230 0.9mg", "EXPERIMENTAL", [pasireotide])
    som230.arm("SOM230 1.5 mg", "EXPERIMENTAL", [pasireotide])
    som230.group("1.5 mg SOM230 s.c.", result_type="Reported Event")
    som230.group("Placebo s.c.", result_type="Reported Event")
    assert matched(som230, "1.5 mg SOM230 s.c.")[0] == "drug_dose"
    assert matched(som230, "Placebo s.c.") == ("unmatched", None)


def test_an_add_on_drug_is_counted_on_its_backbone_and_a_lead_in_group_is_left_out() -> None:
    """NCT01160289's shape: LY2452473 added to tadalafil 5 mg against tadalafil 5 mg + placebo, beside an
    LY2452473 arm without tadalafil. The drug's side is its arms on the backbone the comparison arm holds (its
    monotherapy arm is in no comparison with that arm); "5 mg LY2452473" is the monotherapy arm's group (the one
    arm of that dose holding only what it names), "5 mg LY2452473 and 5 mg Tadalafil" the combination arm's (not
    a pooled column of the two groups it joins), and the lead-in group repeats the randomised participants."""
    trial = Trial("NCT09200020")
    ly, tadalafil = trial.intervention("LY2452473", "CHEMBL9020"), trial.intervention("Tadalafil", "CHEMBL779")
    placebo = trial.intervention("Placebo")
    trial.arm("1 mg LY2452473 + 5 mg tadalafil", "EXPERIMENTAL", [ly, tadalafil])
    trial.arm("5 mg LY2452473 + 5 mg tadalafil", "EXPERIMENTAL", [ly, tadalafil])
    trial.arm("5 mg LY2452473 + placebo", "EXPERIMENTAL", [ly, placebo])
    trial.arm("5 mg tadalafil + placebo", "ACTIVE_COMPARATOR", [tadalafil, placebo])
    titles = (
        "1 mg LY2452473 and 5 mg Tadalafil",
        "5 mg LY2452473 and 5 mg Tadalafil",
        "5 mg LY2452473",
        "5 mg Tadalafil",
        "5 mg Tadalafil, Lead-in Period",
    )
    for title in titles:
        trial.group(title, result_type="Reported Event")
    rows, figures = _run(trial, _serious("NCT09200020", (2, 85), (1, 97), (1, 52), (0, 87), (2, 531)))
    assert rows.filter(drug_key="CHEMBL9020").select(
        "comparator", "drug_groups", "control_groups", "sae_affected", "sae_at_risk", "control_sae_at_risk"
    ).row(0) == ("ACTIVE", ["OG000", "OG001"], ["OG003"], 3, 182, 87)
    assert figures["groups/match/drug_alone"] == 1 and figures["groups/match/extension"] == 1
    assert figures["groups/match/pooled"] == 0


def test_a_lead_in_regimen_is_a_randomised_arm_and_a_placebo_run_in_is_no_side() -> None:
    """An arm registered as "Nevirapine 200 mg BID with lead-in" is a randomised regimen: its "(Lead-in dosing)"
    group is counted. A placebo run-in group matched to the placebo arm beside that arm's own group repeats its
    participants: left out. One that matches no arm stays unmatched, and the study's sides stay empty: it could
    be a randomised arm's only group."""
    nevirapine = Trial("NCT09200021")
    nvp, efv = nevirapine.intervention("Nevirapine", "CHEMBL57"), nevirapine.intervention("Efavirenz", "CHEMBL223")
    nevirapine.arm("Nevirapine 200 mg BID with lead-in", "EXPERIMENTAL", [nvp])
    nevirapine.arm("Nevirapine 400 mg QD", "EXPERIMENTAL", [nvp])
    nevirapine.arm("Efavirenz 600 mg", "ACTIVE_COMPARATOR", [efv])
    for title in ("Nevirapine 200 mg BID (Lead-in dosing)", "Nevirapine 400 mg QD", "Efavirenz 600 mg"):
        nevirapine.group(title, result_type="Reported Event")
    rows, _ = _run(nevirapine, _serious("NCT09200021", (10, 100), (2, 100), (5, 100)))
    assert rows.filter(drug_key="CHEMBL57").select("drug_groups", "control_groups", "sae_affected", "sae_at_risk").row(
        0
    ) == (["OG000", "OG001"], ["OG002"], 12, 200)
    placebo_run_in = _placebo_trial("NCT09200025")
    placebo_run_in.group("Placebo Run-in Period", result_type="Reported Event")
    rows, figures = _run(placebo_run_in, _serious("NCT09200025", (9, 290), (4, 295), (3, 600)))
    assert rows.select("comparator", "drug_groups", "control_groups", "sae_affected", "control_sae_affected").row(
        0
    ) == (
        "PLACEBO",
        ["OG000"],
        ["OG001"],
        9,
        4,
    )
    assert figures["groups/match/extension"] == 1
    run_in = Trial("NCT09200022")
    olmesartan, amlodipine = (
        run_in.intervention("Olmesartan", "CHEMBL1516"),
        run_in.intervention("Amlodipine", "CHEMBL1491"),
    )
    placebo = run_in.intervention("Placebo")
    run_in.arm("Olmesartan 40 mg", "EXPERIMENTAL", [olmesartan, placebo])
    run_in.arm("Amlodipine 10 mg", "ACTIVE_COMPARATOR", [amlodipine, placebo])
    for title in ("Placebo Run-in Period", "Olmesartan 40 mg", "Amlodipine 10 mg"):
        run_in.group(title, result_type="Reported Event")
    rows, _ = _run(run_in, _serious("NCT09200022", (3, 600), (9, 290), (4, 295)))
    assert rows.filter(drug_key="CHEMBL1516").select("sae_affected", "control_sae_affected", "note").row(0) == (
        None,
        None,
        "an adverse-event group is not matched to an arm: either side could hold it",
    )


def test_a_drugs_arm_off_the_backbone_stays_where_its_analyses_compare_it() -> None:
    """Dapagliflozin alone and added to metformin, each against metformin alone in a primary analysis: both of
    its arms are compared with the metformin arm, so both are its side (the add-on rule keeps an arm off the
    backbone out only where no analysis compares it)."""
    trial = Trial("NCT09200023")
    dapagliflozin, metformin = (
        trial.intervention("Dapagliflozin", "CHEMBL429910"),
        trial.intervention("Metformin", "CHEMBL1431"),
    )
    trial.arm("Dapagliflozin 10 mg", "EXPERIMENTAL", [dapagliflozin])
    trial.arm("Dapagliflozin 10 mg + Metformin", "EXPERIMENTAL", [dapagliflozin, metformin])
    trial.arm("Metformin", "ACTIVE_COMPARATOR", [metformin])
    alone, added, reference = (
        trial.group(title) for title in ("Dapagliflozin 10 mg", "Dapagliflozin 10 mg + Metformin", "Metformin")
    )
    hba1c = trial.outcome("Change in HbA1c")
    trial.values(hba1c, {alone: -1.4, added: -2.0, reference: -1.2})
    trial.analysis(hba1c, [added, reference], p_value_raw="<0.001")
    trial.analysis(hba1c, [alone, reference], p_value_raw="0.20")
    for title in ("Dapagliflozin 10 mg", "Dapagliflozin 10 mg + Metformin", "Metformin"):
        trial.group(title, result_type="Reported Event")
    evidence = aact_evidence(trial.evidence)
    groups = result_group_arms(
        _frame([trial], "groups"),
        _frame([trial], "arms"),
        _frame([trial], "links"),
        _frame([trial], "interventions"),
        evidence,
    )
    rows = efficacy(
        _frame([trial], "outcomes"),
        _frame([trial], "analyses"),
        _frame([trial], "analysis_groups"),
        groups.lazy(),
        _frame([trial], "measurements"),
    )
    totals = _serious("NCT09200023", (2, 200), (3, 200), (1, 200), first=3)
    safety = trial_safety(totals, groups.lazy(), rows.lazy(), _frame([trial], "analysis_groups"), evidence)
    assert safety.filter(drug_key="CHEMBL429910").select(
        "drug_groups", "control_groups", "sae_affected", "sae_at_risk"
    ).row(0) == (["OG003", "OG004"], ["OG005"], 5, 400)


def test_a_later_phases_groups_are_left_out_even_titled_as_their_arm() -> None:
    """NCT02397473's and NCT01352507's shapes: "Galcanezumab 300mg - Post Treatment Phase" and "Placebo (Extension
    Phase)" repeat the treatment phase's participants, even where the title is the arm's once its parentheses
    are set aside."""
    trial = Trial("NCT09200024")
    drug, placebo = trial.intervention("Galcanezumab", "CHEMBL3833304"), trial.intervention("Placebo")
    trial.arm("Galcanezumab 300mg", "EXPERIMENTAL", [drug])
    trial.arm("Placebo", "PLACEBO_COMPARATOR", [placebo])
    titles = (
        "Galcanezumab 300mg - Treatment Phase",
        "Placebo - Treatment Phase",
        "Galcanezumab 300mg - Post Treatment Phase",
        "Placebo (Extension Phase)",
    )
    for title in titles:
        trial.group(title, result_type="Reported Event")
    rows, figures = _run(trial, _serious("NCT09200024", (0, 50), (1, 50), (2, 50), (3, 50)))
    assert rows.select("drug_groups", "control_groups", "sae_affected", "control_sae_affected").row(0) == (
        ["OG000"],
        ["OG001"],
        0,
        1,
    )
    assert figures["groups/match/extension"] == 2


def test_a_phase_word_never_takes_an_arm_away_from_a_side() -> None:
    """A second review's shapes. "Sitagliptin Post-treatment" matches no arm (two arms hold sitagliptin) and may be
    the randomised "Sitagliptin after surgery" arm's: it stays unmatched and the sides stay empty. "Placebo
    (Follow-up Period)" is the placebo arm's only group: it stays that arm's, and sitagliptin is still compared
    with placebo, not with the active arm."""
    timing = Trial("NCT09300003")
    sitagliptin, placebo = timing.intervention("Sitagliptin", "CHEMBL1422"), timing.intervention("Placebo")
    timing.arm("Sitagliptin", "EXPERIMENTAL", [sitagliptin])
    timing.arm("Sitagliptin after surgery", "EXPERIMENTAL", [sitagliptin])
    timing.arm("Placebo", "PLACEBO_COMPARATOR", [placebo])
    for result_type in ("Reported Event", "Baseline"):
        for title in ("Sitagliptin", "Sitagliptin Post-treatment", "Placebo"):
            timing.group(title, result_type=result_type)
    row = _run(timing, _serious("NCT09300003", (5, 100), (40, 100), (3, 100)))[0].row(0, named=True)
    assert (row["sae_affected"], row["control_sae_affected"], row["note"]) == (
        None,
        None,
        "an adverse-event group is not matched to an arm: either side could hold it",
    )
    follow_up = Trial("NCT09300004")
    drug, metformin = (
        follow_up.intervention("Sitagliptin", "CHEMBL1422"),
        follow_up.intervention("Metformin", "CHEMBL1431"),
    )
    sham = follow_up.intervention("Placebo")
    follow_up.arm("Sitagliptin", "EXPERIMENTAL", [drug])
    follow_up.arm("Metformin", "ACTIVE_COMPARATOR", [metformin])
    follow_up.arm("Placebo", "PLACEBO_COMPARATOR", [sham])
    for result_type in ("Reported Event", "Baseline"):
        for title in ("Sitagliptin", "Metformin", "Placebo (Follow-up Period)"):
            follow_up.group(title, result_type=result_type)
    rows, _ = _run(follow_up, _serious("NCT09300004", (5, 100), (7, 100), (3, 100)))
    assert rows.filter(drug_key="CHEMBL1422").select("comparator", "control_groups", "control_sae_affected").row(0) == (
        "PLACEBO",
        ["OG002"],
        3,
    )

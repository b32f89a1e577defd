"""Efficacy and safety on real ClinicalTrials.gov records: the default graph on the AACT export of `shared/real`
(127 real studies and AACT's legacy fixtures), against the verdicts and adverse-event groups written by hand in
`fixtures/real/` before the code ran on them (see `fixtures/real/LABELING.md`), and the real shapes of the
efficacy and safety issues."""

from pathlib import Path

import polars as pl
import pytest
import yaml

from benchmarks.efficacy_real import LABELS, drug_keys, figures, labelled_rows, real_config, run_graph
from benchmarks.safety_real import LABELS as SAFETY_LABELS
from benchmarks.safety_real import labelled_safety, safety_figures
from clinical_mining.config import PROJECT_ROOT
from clinical_mining.steps.outcomes.signals import term_counts

REAL = PROJECT_ROOT.parent / "shared" / "real"
SERIOUS_COUNTS = ("sae_affected", "sae_at_risk", "control_sae_affected", "control_sae_at_risk")
pytestmark = pytest.mark.skipif(
    not (REAL / "aact_export").is_dir(), reason=f"the real records are not beside the project ({REAL})"
)


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("real") / "out"
    run_graph(real_config(REAL, out))
    return out


@pytest.fixture(scope="module")
def rows(real: Path) -> pl.DataFrame:
    return labelled_rows(real, pl.read_csv(LABELS, infer_schema=False))


def _event_groups(real: Path, nct: str, *columns: str) -> list[tuple]:
    """(code, *columns) of each of the study's adverse-event groups, by code."""
    groups = pl.read_parquet(real / "result_group_arms.parquet").filter(nct_id=nct, result_type="Reported Event")
    return groups.sort("ctgov_group_code").select("ctgov_group_code", *columns).rows()


def _serious_events(real: Path, nct: str, drug_key: str, *columns: str) -> tuple:
    """The drug's serious events (affected and at risk on its side, then its comparison's), after `columns`."""
    safety = pl.read_parquet(real / "trial_safety.parquet").filter(studyId=nct, drug_key=drug_key)
    return safety.select(*columns, *SERIOUS_COUNTS).row(0)


def test_the_labels_cover_forty_studies_with_primary_analyses_and_every_drug_of_them(rows: pl.DataFrame) -> None:
    assert rows.height >= 120
    analysed = rows.filter(pl.col("verdict") != "NO_ANALYSIS")["studyId"].n_unique()
    assert analysed >= 40 - 9  # 47 studies read; 9 of them test only devices or procedures, and have no drug row


def test_no_met_that_a_statistician_would_not_give(rows: pl.DataFrame) -> None:
    false_met = rows.filter(pl.col("code_verdict") == "MET", pl.col("verdict") != "MET")
    assert false_met.select("studyId", "intervention", "verdict", "reason").rows() == []


def test_figures_against_the_hand_labels(rows: pl.DataFrame) -> None:
    """Measured on the 122 labelled (study, drug) rows of 83 real studies; the floors are the figures as they
    stand (MET recall 14 of 17), so a change that loses a real verdict fails here."""
    measured = figures(rows)
    assert measured["MET precision (INVESTIGATIONAL)"] == 1.0
    assert measured["MET recall (INVESTIGATIONAL)"] >= 14 / 17
    assert measured["agreement on decided verdicts"] >= 0.81
    assert measured["role agreement"] >= 0.85
    assert measured["MET where the comparator is favoured"] == 0
    assert measured["ACTIVE_COMPARATOR or BACKGROUND drugs MET"] == 0
    assert measured["missing from trial_efficacy"] <= 1


def test_a_withdrawal_design_tests_stopping_the_drug(real: Path) -> None:
    """ARROW (NCT02028676): "Stopped cotrimoxazole" (EXPERIMENTAL) against "Continued cotrimoxazole"."""
    efficacy = pl.read_parquet(real / "efficacy.parquet").filter(
        studyId="NCT02028676", drug_key="continued cotrimoxazole prophylaxis"
    )
    withdrawal = efficacy.filter(pl.col("outcome").str.starts_with("Cotrimoxazole:"), outcome_type="PRIMARY")
    assert withdrawal.height == 3
    assert set(withdrawal["verdict"]) == {"NO_COMPARATOR"}
    assert set(withdrawal["reason"]) == {"withdrawal design: the analysis tests stopping the drug"}


def test_a_schedule_of_the_same_drugs_is_a_dose_comparison(real: Path) -> None:
    """ARROW: once- against twice-daily abacavir+lamivudine is no test of the drugs (nor non-inferiority)."""
    once = pl.read_parquet(real / "efficacy.parquet").filter(
        studyId="NCT02028676", drug_key="once daily abc 3tc", drug_in_groups=True
    )
    assert once.select("comparator", "verdict", "reason").unique().rows() == [
        ("DOSE", "NO_COMPARATOR", "the drug against its own other dose or schedule")
    ]


def test_arrow_induction_arms_against_the_standard_arm(real: Path) -> None:
    """ARROW's arms B and C against arm A: two CD4 outcomes not significant, grade 3/4 events significantly
    more often on B and C (in A's favour), so NOT_MET. Arm C's group in that analysis is posted without its arm's
    "Arm C:" and is not matched, so the comparator's favour is read for B only."""
    trial = pl.read_parquet(real / "trial_efficacy.parquet").filter(
        pl.col("studyId") == "NCT02028676", pl.col("drug_key").str.starts_with("arm ")
    )
    assert trial.select("drug_key", "role", "primary_verdict", "favours").rows() == [
        ("arm a abc 3tc nnrti", "ACTIVE_COMPARATOR", "NO_COMPARATOR", None),
        ("arm b zdv abc 3tc nnrti abc 3tc nnrti maintenance", "INVESTIGATIONAL", "NOT_MET", "COMPARATOR"),
        ("arm c zdv abc 3tc nnrti zdv abc 3tc maintenance", "INVESTIGATIONAL", "NOT_MET", None),
    ]


def test_an_open_label_group_given_placebo_injections_is_not_the_control(real: Path) -> None:
    """NCT02552212: "SFE OL CZP 200 mg Q2W", whose description mentions 1 injection of placebo, is an open-label
    extension of drug-treated participants: never matched as the placebo arm."""
    groups = pl.read_parquet(real / "result_group_arms.parquet").filter(nct_id="NCT02552212")
    extension = groups.filter(pl.col("group_title").str.contains("SFE OL"))
    assert extension.height > 0
    assert set(extension["match"]) == {"extension"} and extension["design_group_id"].null_count() == extension.height
    czp = pl.read_parquet(real / "trial_efficacy.parquet").filter(studyId="NCT02552212").row(0, named=True)
    assert (czp["drug_key"], czp["role"], czp["comparator"], czp["primary_verdict"], czp["favours"]) == (
        "certolizumab pegol",
        "INVESTIGATIONAL",
        "PLACEBO",
        "MET",
        "DRUG",
    )
    assert czp["primary_outcomes"] == 2


def test_a_crossover_posted_per_treatment_is_matched_to_its_treatments(real: Path) -> None:
    """NCT02495467: arms are the two sequences ("MED Placebo then MED2005"), results are posted per treatment."""
    groups = pl.read_parquet(real / "result_group_arms.parquet").filter(nct_id="NCT02495467", result_type="Outcome")
    assert groups.select("group_title", "match", "control").unique().sort("group_title").rows() == [
        ("MED Placebo", "placebo", True),
        ("MED2005", "drug", False),
    ]
    assert (groups["design_group_id"] < 0).all()
    trial = pl.read_parquet(real / "trial_efficacy.parquet").filter(studyId="NCT02495467")
    assert trial.select("drug_key", "primary_verdict", "favours").rows() == [("glyceryl trinitrate", "MET", "DRUG")]


def test_groups_of_a_later_period_titled_arm_to_arm_are_left_out(real: Path) -> None:
    """NCT00833638: "Placebo to Tadalafil 5 mg" and "Tadalafil 2.5 mg to Tadalafil 5 mg" are the double-blind arms'
    participants again in the open-label period: left out, so tadalafil's serious events are its two
    double-blind arms' (0 of 239) against placebo's (0 of 133), as the reader chose them."""
    assert _event_groups(real, "NCT00833638", "match") == [
        ("EG000", "title"),
        ("EG001", "title"),
        ("EG002", "title"),
        ("EG003", "crossover"),
        ("EG004", "crossover"),
        ("EG005", "crossover"),
    ]
    assert _serious_events(real, "NCT00833638", "tadalafil") == (0, 239, 0, 133)


def test_a_placebo_controlled_period_is_no_placebo_group(real: Path) -> None:
    """NCT04688775, a crossover posted per period: "Placebo-controlled Period: Eptinezumab" is the drug's group
    (the words name the design), "Placebo-controlled Period: Placebo" the control's, and the delayed-start groups
    ("Eptinezumab to Placebo") switched treatments: eptinezumab 2 of 112 against placebo 0 of 117."""
    assert _event_groups(real, "NCT04688775", "match", "control") == [
        ("EG000", "drug", False),
        ("EG001", "placebo", True),
        ("EG002", "crossover", None),
        ("EG003", "crossover", None),
    ]
    assert _serious_events(real, "NCT04688775", "eptinezumab", "comparator") == ("PLACEBO", 2, 112, 0, 117)


def test_a_placebo_period_within_each_arm_is_the_control(real: Path) -> None:
    """NCT02619617: both dose arms are given placebo, then SOM230; "Placebo s.c." is that period's group. SOM230
    1.5 mg (10 of 20 responders) against placebo (9 of 20), p = 0.698: NOT_MET, as the reader concluded; serious
    events 0 of 26 against 0 of 28."""
    trial = pl.read_parquet(real / "trial_efficacy.parquet").filter(studyId="NCT02619617")
    assert trial.select("drug_key", "role", "comparator", "primary_verdict").rows() == [
        ("som230", "INVESTIGATIONAL", "PLACEBO", "NOT_MET")
    ]
    assert _serious_events(real, "NCT02619617", "som230") == (0, 26, 0, 28)


def test_an_add_on_drug_is_counted_on_its_backbone(real: Path) -> None:
    """NCT01160289: LY2452473 1 mg and 5 mg added to tadalafil 5 mg against tadalafil 5 mg + placebo. Its side is
    the two add-on arms (2 of 85 and 1 of 97), not its monotherapy arm ("5 mg LY2452473", matched to "5 mg
    LY2452473 + placebo") nor the tadalafil lead-in, which repeats every participant; "5 mg LY2452473 and 5 mg
    Tadalafil" is the combination arm, not a pooled column."""
    assert _event_groups(real, "NCT01160289", "match") == [
        ("EG000", "extension"),
        ("EG001", "drug_dose"),
        ("EG002", "drug_dose"),
        ("EG003", "drug_alone"),
        ("EG004", "drug_dose"),
        ("EG005", "drug_dose"),
    ]
    assert _serious_events(real, "NCT01160289", "ly2452473", "drug_groups", "control_groups") == (
        ["EG001", "EG002"],
        ["EG005"],
        3,
        182,
        0,
        87,
    )


def test_every_hypothesis_type_of_the_registry_is_read(real: Path) -> None:
    """The pre-2017 form's SUPERIORITY_OR_OTHER(_LEGACY) and OTHER with a test are superiority tests, not
    'cannot tell'."""
    efficacy = pl.read_parquet(real / "efficacy.parquet")
    legacy = efficacy.filter(
        pl.col("non_inferiority_type").is_in(["SUPERIORITY_OR_OTHER", "SUPERIORITY_OR_OTHER_LEGACY", "OTHER"])
    )
    assert legacy.height > 500
    assert set(legacy["test"]) <= {"SUPERIORITY", "DESCRIPTIVE"}
    judged = legacy.filter(role="INVESTIGATIONAL", drug_in_groups=True, test="SUPERIORITY")
    assert judged.filter(pl.col("verdict").is_in(["MET", "NOT_MET"])).height > judged.height * 0.7
    assert not efficacy["reason"].str.contains("hypothesis type").any()


def test_serious_events_per_arm_against_the_hand_chosen_groups(real: Path) -> None:
    """122 (study, drug) rows of 83 real studies. A count the code shows is the reader's in all but four rows,
    each a reading the code makes on purpose: morphine (NCT00353704) and sildenafil (NCT01996852), background in
    every arm for the reader, are linked by AACT to one arm only, so the code compares them; the nightly
    sildenafil and trimix arms of NCT00955929 are compared with the on-demand control arm, where the reader
    pooled both other arms. Elsewhere the code leaves a side empty rather than show a partial or doubled sum."""
    rows = labelled_safety(real, pl.read_csv(SAFETY_LABELS, infer_schema=False))
    measured = safety_figures(rows)
    assert measured["rows"] >= 120 and measured["studies"] >= 40
    assert measured["both sides agree"] >= 89
    assert sorted(rows.filter("shown_but_different").select("studyId", "intervention").rows()) == [
        ("NCT00353704", "morphine"),
        ("NCT00955929", "Sildenafil and questionnaire"),
        (
            "NCT00955929",
            "Trimix combination (Papavarine 30mg/mL Phentholamine 1mg/mL Prostaglandin E1 10 mcg/mmL) and"
            " questionnaires",
        ),
        ("NCT01996852", "sildenafil citrate"),
    ]


def test_every_drug_of_a_study_with_adverse_event_totals_has_a_row_with_counts_or_a_note(real: Path) -> None:
    """A drug no adverse-event group was matched to still gets its row, without counts and saying why: NCT00468650
    posted one adverse-event group, its open-label phase ("Open Label Sildenafil Citrate", an extension group, not
    the randomised arm), so sildenafil's serious events are not read; NCT04402008 posted seven cohort groups and
    its three poziotinib dosing arms have rows too. No row is without counts and without a note."""
    safety = pl.read_parquet(real / "trial_safety.parquet")
    sildenafil = safety.filter(studyId="NCT00468650", drug_key="CHEMBL192").row(0, named=True)
    assert sildenafil["sae_affected"] is None and sildenafil["control_sae_affected"] is None
    assert sildenafil["note"] == "no adverse-event group is matched to the drug's arms"
    assert safety.filter(studyId="NCT04402008").height >= 3
    # every (study, drug) the evidence holds for a study that posted totals (a study of no drug has no row)
    totals = pl.read_parquet(real / "reported_event_totals.parquet").select(studyId="nct_id").unique()
    given = pl.read_parquet(real / "trial_roles.parquet").join(totals, on="studyId", how="semi")
    missing = given.join(safety, on=["studyId", "drug_key"], how="anti")
    assert missing.height == 0, missing.select("studyId", "drug_key").rows()
    unexplained = safety.filter(pl.col("sae_affected").is_null(), pl.col("note").is_null())
    assert unexplained.height == 0, unexplained.select("studyId", "drug_key").rows()


def test_a_crossovers_sequence_arms_hold_no_counts_back_whatever_modules_are_read(tmp_path: Path) -> None:
    """NCT02495467 posts its adverse events by treatment (MED2005 gel periods against MED placebo periods) while
    its arms are sequences ("MED2005 then MED Placebo"), which its Baseline and Participant Flow groups are named
    after. Read with those groups, the sequence arms were matched and counted as arms of the drug without
    adverse-event groups, and the counts the reader gives (0 of 229 against 0 of 227) were withheld as partial."""
    out = tmp_path / "out"
    config = real_config(REAL, out)
    raw = yaml.safe_load(config.read_text())
    raw["sources"]["aact"]["tables"]["result_groups"].pop("where")  # every module's groups, Baseline included
    config.write_text(yaml.safe_dump(raw, sort_keys=False))
    run_graph(config)
    assert (
        pl.read_parquet(out / "result_groups.parquet")
        .filter(pl.col("nct_id") == "NCT02495467", pl.col("result_type").is_in(["Baseline", "Participant Flow"]))
        .height
        == 5
    )
    safety = pl.read_parquet(out / "trial_safety.parquet").filter(pl.col("studyId") == "NCT02495467")
    assert safety.select(
        "drug_groups", "control_groups", "sae_affected", "sae_at_risk", "control_sae_affected", "control_sae_at_risk"
    ).rows() == [(["EG001"], ["EG000"], 0, 229, 0, 227)]


def test_a_factorial_trial_compares_each_drug_with_its_own_randomised_arm(real: Path) -> None:
    """ARROW: continued cotrimoxazole (32/376 serious) against the stopped arm (48/382), not a pool of the
    monitoring, induction and schedule columns that count the same children again; arms B and C against the
    standard arm A."""
    safety = pl.read_parquet(real / "trial_safety.parquet").filter(studyId="NCT02028676")
    rows = {row["drug_key"]: row for row in safety.iter_rows(named=True)}
    cotrimoxazole = rows["continued cotrimoxazole prophylaxis"]
    assert [cotrimoxazole[c] for c in SERIOUS_COUNTS] == [
        32,
        376,
        48,
        382,
    ]
    assert round(cotrimoxazole["sae_risk_difference"], 3) == round(32 / 376 - 48 / 382, 3)
    for arm in ("arm b zdv abc 3tc nnrti abc 3tc nnrti maintenance", "arm c zdv abc 3tc nnrti zdv abc 3tc maintenance"):
        assert (rows[arm]["control_sae_affected"], rows[arm]["control_sae_at_risk"], rows[arm]["comparator"]) == (
            87,
            397,
            "ACTIVE",
        )
    # the schedule comparison is no safety comparison of the drugs
    assert rows["once daily abc 3tc"]["control_sae_affected"] is None


def test_an_open_label_group_is_never_on_the_control_side(real: Path) -> None:
    """NCT02552212: certolizumab 8/159 against the placebo arm's 4/158, not against a control side holding the
    open-label extension's drug-treated participants."""
    row = pl.read_parquet(real / "trial_safety.parquet").filter(studyId="NCT02552212").row(0, named=True)
    assert [row[c] for c in SERIOUS_COUNTS] == [
        8,
        159,
        4,
        158,
    ]
    assert (row["role"], row["comparator"], row["drug_groups"], row["control_groups"]) == (
        "INVESTIGATIONAL",
        "PLACEBO",
        ["EG001"],
        ["EG000"],
    )


def test_adverse_event_terms_per_trial_against_the_records(real: Path) -> None:
    """48 terms of 16 real placebo-controlled studies, counted by hand from the records
    (`fixtures/real/adverse_event_terms.csv`). Every term the pooling takes gives the reader's per-trial counts;
    a trial the safety step could not split cleanly (an arm with several groups, an unmatched group) is not taken
    at all rather than taken with other counts."""

    terms = pl.read_csv(
        PROJECT_ROOT / "clinical_mining_tests" / "fixtures" / "real" / "adverse_event_terms.csv", infer_schema=False
    )
    counts = (
        term_counts(
            pl.scan_parquet(real / "reported_events.parquet"),
            pl.scan_parquet(real / "reported_event_totals.parquet"),
            pl.scan_parquet(real / "trial_safety.parquet"),
        )
        .named()
        .filter(pl.col("level") == "term", pl.col("left_out").is_null())
    )
    compared = (
        terms.join(drug_keys(real), left_on=["studyId", "drug_intervention"], right_on=["studyId", "intervention"])
        .with_columns(
            key=pl.col("adverse_event_term").str.strip_chars().str.replace_all(r"\s+", " ").str.to_lowercase()
        )
        .join(counts, on=["studyId", "drug_key", "event_type", "key"], how="left")
        .with_columns(pl.col("affected", "at_risk", "control_affected", "control_at_risk").cast(pl.Int64))
    )
    taken = compared.filter(pl.col("a").is_not_null())
    assert taken["studyId"].n_unique() >= 10
    assert taken.height >= 30
    wrong = taken.filter(
        (pl.col("a") != pl.col("affected"))
        | (pl.col("n1") != pl.col("at_risk"))
        | (pl.col("c") != pl.col("control_affected"))
        | (pl.col("n2") != pl.col("control_at_risk"))
    )
    assert wrong.select("studyId", "adverse_event_term", "a", "n1", "affected", "at_risk", "c", "n2").rows() == []

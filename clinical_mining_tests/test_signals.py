"""Adverse-event signals: Mantel-Haenszel pooling over placebo-controlled trials, and what is missing."""

import math
import random
from fractions import Fraction

import polars as pl
import pytest
from polars.testing import assert_frame_equal

from clinical_mining.step_stats import collecting
from clinical_mining.steps.outcomes.signals import _packed, _unpacked, pooled, safety_signals

Z = 1.959963984540054


def independent_mantel_haenszel(trials: list[tuple[int, int, int, int]]) -> dict[str, float | None]:
    """The same figures written out trial by trial with exact fractions, from the formulas of Greenland and
    Robins (1985) as RevMan states them, to check the vectorised step against."""
    w = rd_num = rd_var = r = s_ = p = Fraction(0)
    for a, n1, c, n2 in trials:
        n = n1 + n2
        b, d = n1 - a, n2 - c
        w += Fraction(n1 * n2, n)
        rd_num += Fraction(a * n2 - c * n1, n)
        rd_var += Fraction(a * b * n2**3 + c * d * n1**3, n1 * n2 * n**2)
        r += Fraction(a * n2, n)
        s_ += Fraction(c * n1, n)
        p += Fraction(n1 * n2 * (a + c) - a * c * n, n**2)
    rd = rd_num / w
    se = math.sqrt(rd_var) / float(w)
    rr = float(r / s_) if r and s_ else None
    log_se = math.sqrt(p / (r * s_)) if r and s_ else None
    informative = [
        (Fraction(a, n1) - Fraction(c, n2), Fraction(a * (n1 - a), n1**3) + Fraction(c * (n2 - c), n2**3))
        for a, n1, c, n2 in trials
    ]
    informative = [(t, v) for t, v in informative if v > 0]
    q = sum((t - rd) ** 2 / v for t, v in informative) if len(informative) >= 2 else None
    i2 = max(0.0, float((q - (len(informative) - 1)) / q)) if q else (0.0 if q == 0 else None)
    return {
        "risk_difference": float(rd),
        "rd_lower": float(rd) - Z * se,
        "rd_upper": float(rd) + Z * se,
        "risk_ratio": rr,
        "rr_lower": rr * math.exp(-Z * log_se) if rr else None,
        "rr_upper": rr * math.exp(Z * log_se) if rr else None,
        "heterogeneity_q": float(q) if q is not None else None,
        "heterogeneity_i2": i2 if q is not None else None,
    }


@pytest.mark.parametrize(
    "trials",
    [
        [(12, 100, 5, 98), (20, 150, 9, 152)],  # two trials
        [(12, 100, 5, 98), (20, 150, 9, 152), (3, 40, 4, 41)],  # three, one in the other direction
        [(12, 100, 5, 98), (0, 50, 0, 48)],  # a trial without events: weight for the difference, none for the ratio
        [(3, 60, 0, 60), (2, 45, 0, 44)],  # no control event anywhere: no ratio
    ],
)
def test_pooled_figures_against_an_independent_computation(trials: list[tuple[int, int, int, int]]) -> None:
    frame = pl.LazyFrame(
        {
            "drug": ["d"] * len(trials),
            "studyId": [f"NCT{i}" for i in range(len(trials))],
            "a": [t[0] for t in trials],
            "n1": [t[1] for t in trials],
            "c": [t[2] for t in trials],
            "n2": [t[3] for t in trials],
        }
    )
    row = pooled(frame, "drug").row(0, named=True)
    expected = independent_mantel_haenszel(trials)
    for name, value in expected.items():
        if value is None:
            assert row[name] is None, name
        else:
            assert row[name] == pytest.approx(value, rel=1e-9, abs=1e-12), name
    assert row["trials"] == len(trials)


def test_pooled_figures_are_the_same_to_the_bit_in_any_row_order() -> None:
    """Float sums depend on their order: the pooled figures must not, since the database returns a table read in
    id ranges in no fixed order (the Polars default engine's hash grouping gave other last bits after a
    shuffle here)."""
    rng = random.Random(7)
    rows = []
    for key in range(3):
        for study in range(400):
            n1, n2 = rng.randint(20, 900), rng.randint(20, 900)
            rows.append((key, f"NCT{study:08d}", rng.randint(0, n1), n1, rng.randint(0, n2), n2))
    frame = pl.DataFrame(rows, schema=["k", "studyId", "a", "n1", "c", "n2"], orient="row")
    first = pooled(frame.lazy(), "k").sort("k")
    for seed in (1, 2, 3):
        again = pooled(frame.sample(fraction=1.0, shuffle=True, seed=seed).lazy(), "k").sort("k")
        assert again.equals(first)
    assert first["trials"].to_list() == [400, 400, 400]
    # safety_signals' own types (an unsigned key, the studies as a sorted Enum) take the one-integer sort: the
    # same order, so the same figures to the bit
    studies = pl.Enum(sorted(frame["studyId"].unique()))
    typed = frame.with_columns(pl.col("k").cast(pl.UInt64), pl.col("studyId").cast(studies))
    packed = pooled(typed.sample(fraction=1.0, shuffle=True, seed=4).lazy(), "k").sort("k")
    assert packed.drop("k", "studyIds").equals(first.drop("k", "studyIds"))
    assert packed["studyIds"].cast(pl.List(pl.String)).equals(first["studyIds"])


def test_a_null_study_or_key_keeps_its_trials_with_their_key() -> None:
    """The one-integer sort is for keys and studies without nulls: a null study would sort apart from its key
    and split it (found by a review; safety_signals drops such trials before pooling)."""
    studies = pl.Enum(["s1", "s2", "s3", "s4"])
    frame = pl.DataFrame(
        {
            "k": [0, 0, 5, 5],
            "studyId": ["s1", "s2", None, "s3"],
            "a": [3, 4, 5, 6],
            "n1": [50, 60, 70, 80],
            "c": [1, 2, 3, 4],
            "n2": [50, 60, 70, 80],
        },
        schema_overrides={"k": pl.UInt32, "studyId": studies},
    )
    pooled_rows = pooled(frame.lazy(), "k").sort("k")
    assert pooled_rows.select("k", "trials").rows() == [(0, 2), (5, 2)]
    assert pooled_rows["studyIds"].to_list() == [["s1", "s2"], [None, "s3"]]


def test_a_first_row_of_null_key_and_study_keeps_its_study() -> None:
    """The trials' lists take the first row of each run of (key, study) in the sorted rows: the very first row
    starts a run even when its key and study are both null (found by a review: compared with the row before it,
    which does not exist, it had been dropped)."""
    frame = pl.DataFrame(
        {
            "k": [None, None, 1],
            "studyId": [None, "s1", "s2"],
            "a": [3, 4, 5],
            "n1": [50, 60, 70],
            "c": [1, 2, 3],
            "n2": [50, 60, 70],
        },
        schema_overrides={"k": pl.UInt32, "studyId": pl.Enum(["s1", "s2"])},
    )
    rows = pooled(frame.lazy(), "k")
    assert rows.select("k", "trials").rows() == [(None, 2), (1, 1)]
    assert rows["studyIds"].to_list() == [[None, "s1"], ["s2"]]


def test_the_two_trial_example_by_hand() -> None:
    """12/100 vs 5/98 and 20/150 vs 9/152, worked on paper: weights 100*98/198 = 49.495 and 150*152/302 =
    75.497; RD = ((12*98 - 5*100)/198 + (20*152 - 9*150)/302) / 124.992 = (3.414 + 5.596) / 124.992 = 0.0721;
    RR = (12*98/198 + 20*152/302) / (5*100/198 + 9*150/302) = (5.939 + 10.066) / (2.525 + 4.470) = 2.288."""
    frame = pl.LazyFrame(
        {"k": [1, 1], "studyId": ["A", "B"], "a": [12, 20], "n1": [100, 150], "c": [5, 9], "n2": [98, 152]}
    )
    row = pooled(frame, "k").row(0, named=True)
    assert round(row["risk_difference"], 4) == 0.0721
    assert round(row["risk_ratio"], 3) == 2.288


SAFETY_SCHEMA = {
    "studyId": pl.String,
    "drug_key": pl.String,
    "drug_id": pl.String,
    "drug_name": pl.String,
    "role": pl.String,
    "comparator": pl.String,
    "drug_groups": pl.List(pl.String),
    "control_groups": pl.List(pl.String),
    "sae_affected": pl.Int64,
}
EVENTS_SCHEMA = {
    "nct_id": pl.String,
    "ctgov_group_code": pl.String,
    "event_type": pl.String,
    "adverse_event_term": pl.String,
    "organ_system": pl.String,
    "subjects_affected": pl.Int64,
    "subjects_at_risk": pl.Int64,
}


def _safety(rows: list[tuple[str, str, list[str], list[str]]], role: str = "INVESTIGATIONAL") -> pl.LazyFrame:
    return pl.LazyFrame(
        [(study, drug, drug, drug.title(), role, "PLACEBO", d, c, 1) for study, drug, d, c in rows],
        schema=SAFETY_SCHEMA,
        orient="row",
    )


def _totals(rows: list[tuple[str, str, int]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        [(nct, code, "serious", at_risk) for nct, code, at_risk in rows],
        schema={
            "nct_id": pl.String,
            "ctgov_group_code": pl.String,
            "event_type": pl.String,
            "subjects_at_risk": pl.Int64,
        },
        orient="row",
    )


def test_what_is_missing_is_never_zero_but_a_serious_term_not_posted_is() -> None:
    safety = _safety([("NCT1", "chembl9", ["EG000"], ["EG001"]), ("NCT2", "chembl9", ["EG000", "EG001"], ["EG002"])])
    events = pl.LazyFrame(
        [
            # NCT1: a serious term only the drug group posted: the placebo group had none of it (0 of 100)
            ("NCT1", "EG000", "serious", "Hepatotoxicity", "Hepatobiliary disorders", 3, 100),
            # NCT1: an other term only the drug group posted: below the threshold in placebo, unknown
            ("NCT1", "EG000", "other", "Nausea", "Gastrointestinal disorders", 12, 100),
            ("NCT1", "EG000", "other", "Headache", "Nervous system disorders", 10, 100),
            ("NCT1", "EG001", "other", "HEADACHE ", "Nervous system disorders", 7, 100),
            # NCT2: two dose groups summed against placebo; a second term of the same system
            ("NCT2", "EG000", "serious", "Hepatotoxicity", "Hepatobiliary disorders", 1, 50),
            ("NCT2", "EG001", "serious", "Hepatotoxicity", "Hepatobiliary disorders", 2, 50),
            ("NCT2", "EG002", "serious", "Cholelithiasis", "Hepatobiliary disorders", 1, 60),
            ("NCT2", "EG000", "other", "Headache", "Nervous system disorders", 5, 50),
            ("NCT2", "EG001", "other", "Headache", "Nervous system disorders", 6, 50),
            ("NCT2", "EG002", "other", "Headache", "Nervous system disorders", 4, 60),
            # a row pointing at a group no side holds, and an impossible count in NCT2's placebo group
            ("NCT2", "EG009", "other", "Rash", "Skin and subcutaneous tissue disorders", 1, 10),
            ("NCT2", "EG002", "other", "Pruritus", "Skin and subcutaneous tissue disorders", 9, 8),
            ("NCT2", "EG000", "other", "Pruritus", "Skin and subcutaneous tissue disorders", 2, 50),
            ("NCT2", "EG001", "other", "Pruritus", "Skin and subcutaneous tissue disorders", 2, 50),
        ],
        schema=EVENTS_SCHEMA,
        orient="row",
    )
    totals = _totals(
        [
            ("NCT1", "EG000", 100),
            ("NCT1", "EG001", 100),
            ("NCT2", "EG000", 50),
            ("NCT2", "EG001", 50),
            ("NCT2", "EG002", 60),
        ]
    )
    groups = pl.LazyFrame(
        {
            "nct_id": ["NCT1", "NCT1", "NCT2", "NCT2", "NCT2"],
            "ctgov_group_code": ["EG000", "EG001", "EG000", "EG001", "EG002"],
            "result_type": ["Reported Event"] * 5,
        }
    )
    with collecting() as figures:
        signals = safety_signals(events, totals, safety, groups)
    rows = {
        (r["event_type"], r["level"], r["adverse_event_term"] or r["organ_system"]): r
        for r in signals.iter_rows(named=True)
    }
    hepatotoxicity = rows[("serious", "term", "Hepatotoxicity")]
    assert [hepatotoxicity[c] for c in ("trials", "affected", "at_risk", "control_affected", "control_at_risk")] == [
        2,
        6,
        200,
        0,
        160,
    ]
    assert hepatotoxicity["studyIds"] == ["NCT1", "NCT2"]
    headache = rows[("other", "term", "Headache")]  # "HEADACHE " and "Headache" are one term
    assert [headache[c] for c in ("trials", "affected", "at_risk", "control_affected", "control_at_risk")] == [
        2,
        21,
        200,
        11,
        160,
    ]
    assert ("other", "term", "Nausea") not in rows  # its only trial is left out: unknown in placebo, not 0
    assert ("other", "term", "Pruritus") not in rows  # 9 of 8 at risk: left out
    # the hepatobiliary system: per group the largest of its terms (1 hepatotoxicity or 1 cholelithiasis in
    # NCT2's placebo group is one participant at least, not two)
    system = rows[("serious", "organ_system", "Hepatobiliary disorders")]
    assert (system["affected"], system["control_affected"]) == (6, 1)
    assert figures["left_out/term/other term not posted for every group (below the threshold: unknown)"] == 1
    assert figures["left_out/term/counts impossible (negative, or more affected than at risk)"] == 1
    assert figures["event_rows/impossible_counts"] == 1
    assert figures["event_rows/pointing_at_no_result_group"] == 1
    top = figures["top_signals"]
    assert isinstance(top, pl.DataFrame) and top["adverse_event_term"].to_list()[:2] == ["Headache", "Hepatotoxicity"]


def test_only_investigational_drugs_against_placebo_are_pooled() -> None:
    events = pl.LazyFrame(
        [
            ("NCT1", "EG000", "other", "Headache", "Nervous system disorders", 10, 100),
            ("NCT1", "EG001", "other", "Headache", "Nervous system disorders", 7, 100),
        ],
        schema=EVENTS_SCHEMA,
        orient="row",
    )
    totals = _totals([("NCT1", "EG000", 100), ("NCT1", "EG001", 100)])
    assert (
        safety_signals(
            events, totals, _safety([("NCT1", "chembl9", ["EG000"], ["EG001"])], role="ACTIVE_COMPARATOR")
        ).height
        == 0
    )


def test_packed_keys_come_back_as_they_went_in_and_too_wide_keys_are_refused() -> None:
    """The pooling groups on one UInt64 packed from (drug, serious, level, code): every value must come back
    unchanged, at the widths' edges too, and keys that cannot fit 64 bits are refused, not silently mixed."""
    widths = {
        "drug": (19_999, pl.UInt32),
        "serious": (1, pl.Boolean),
        "level": (1, pl.UInt8),
        "code": (2**31 - 1, pl.UInt32),
    }
    frame = pl.DataFrame(
        {
            "drug": pl.Series([0, 19_999, 7, 19_998], dtype=pl.UInt32),
            "serious": [False, True, True, False],
            "level": pl.Series([0, 1, 0, 1], dtype=pl.UInt8),
            "code": pl.Series([0, 2**31 - 1, 12_345, 1], dtype=pl.UInt32),
        }
    )
    keyed = frame.select(_packed(widths))
    assert keyed["_key"].n_unique() == frame.height
    assert_frame_equal(keyed.select(_unpacked(widths)).select(frame.columns), frame)
    too_wide = {**widths, "drug": (2**32 - 1, pl.UInt32), "code": (2**32 - 1, pl.UInt32)}
    with pytest.raises(ValueError, match=r"safety_signals: grouping keys of 66 bits"):
        _packed(too_wide)


def test_a_count_beyond_any_trial_is_left_out_as_impossible_not_a_failed_step() -> None:
    """A serious total of three billion (a broken record) would overflow the 32 bits a trial's side is held in:
    that trial-term is left out as an impossible count, and the step and the other trial go on."""
    safety = _safety([("NCT1", "chembl9", ["EG000", "EG001"], ["EG002"]), ("NCT2", "chembl9", ["EG000"], ["EG001"])])
    events = pl.LazyFrame(
        [
            ("NCT1", "EG000", "serious", "Stroke", "Nervous system disorders", 1, 100),
            ("NCT2", "EG000", "serious", "Stroke", "Nervous system disorders", 2, 40),
        ],
        schema=EVENTS_SCHEMA,
        orient="row",
    )
    totals = _totals(
        [
            ("NCT1", "EG000", 100),
            ("NCT1", "EG001", 3_000_000_000),
            ("NCT1", "EG002", 90),
            ("NCT2", "EG000", 40),
            ("NCT2", "EG001", 45),
        ]
    )
    with collecting() as figures:
        signals = safety_signals(events, totals, safety)
    stroke = signals.filter(level="term", adverse_event_term="Stroke").row(0, named=True)
    assert (stroke["trials"], stroke["affected"], stroke["at_risk"], stroke["studyIds"]) == (1, 2, 40, ["NCT2"])
    assert figures["left_out/term/counts impossible (negative, or more affected than at risk)"] == 1

"""Repurposing candidates: tiers, relations through the disease hierarchy, shelved assets, stable pair ids."""

import polars as pl

from clinical_mining.asset_checks import candidates_not_approved_check
from clinical_mining.config import NotApprovedCheck
from clinical_mining.step_stats import collecting
from clinical_mining.steps.evidence.pairs import pair_ids
from clinical_mining.steps.outcomes.repurposing import approved_candidates, repurposing_candidates

DRUG, OTHER = "CHEMBL1", "CHEMBL2"
EVIDENCE_COLUMNS = ("studyId", "source", "drug_id", "disease_id", "drug_name", "disease_name", "clinical_stage")


def _evidence(rows: list[tuple[str, str, str | None, str | None, str, str, str, str | None]]) -> pl.LazyFrame:
    """Rows of (studyId, source, drug_id, disease_id, drug_name, disease_name, stage, status)."""
    frame = pl.DataFrame(
        rows, schema=dict.fromkeys([*EVIDENCE_COLUMNS, "overall_status"], pl.String), orient="row"
    ).with_columns(drug_vocabulary_name=pl.lit(None, pl.String), disease_vocabulary_name=pl.lit(None, pl.String))
    return frame.lazy()


def _verdicts(rows: list[tuple[str, str, str]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        rows, schema={"studyId": pl.String, "drug_key": pl.String, "primary_verdict": pl.String}, orient="row"
    )


def _stops(rows: list[tuple[str, str, list[str]]]) -> pl.LazyFrame:
    return pl.LazyFrame(
        rows,
        schema={"studyId": pl.String, "stop_group": pl.String, "stop_categories": pl.List(pl.String)},
        orient="row",
    )


# a small tree: lymphoma (a cancer and blood disease) over adult lymphoma and B-cell lymphoma; leukemia in
# the same areas; asthma in another; a disease with no hierarchy
HIERARCHY = pl.DataFrame(
    {
        "id": ["LYMPHOMA", "ADULT_LYMPHOMA", "B_CELL", "LEUKEMIA", "ASTHMA", "BARE", "BLOOD_CANCER", "CARDIO"],
        "name": ["lymphoma", "adult lymphoma", "B-cell lymphoma", "leukemia", "asthma", "bare", "blood", "cardio"],
        "parents": [["BLOOD_CANCER"], ["LYMPHOMA"], ["LYMPHOMA"], ["BLOOD_CANCER"], [], None, [], []],
        "ancestors": [
            ["BLOOD_CANCER", "TA_CANCER"],
            ["LYMPHOMA", "BLOOD_CANCER", "TA_CANCER"],
            ["LYMPHOMA", "BLOOD_CANCER", "TA_CANCER"],
            ["BLOOD_CANCER", "TA_CANCER"],
            ["TA_RESPIRATORY"],
            None,
            ["TA_CANCER"],
            ["TA_CARDIO"],
        ],
        "therapeuticAreas": [
            ["TA_CANCER"],
            ["TA_CANCER"],
            ["TA_CANCER"],
            ["TA_CANCER"],
            ["TA_RESPIRATORY"],
            None,
            ["TA_CANCER"],
            ["TA_CARDIO"],
        ],
    }
)


def _run(
    evidence: pl.LazyFrame,
    verdicts: pl.LazyFrame | None = None,
    stops: pl.LazyFrame | None = None,
    hierarchy: pl.DataFrame = HIERARCHY,
) -> tuple[pl.DataFrame, dict[str, object]]:
    with collecting() as figures:
        result = repurposing_candidates(
            evidence,
            verdicts if verdicts is not None else _verdicts([]),
            stops if stops is not None else _stops([]),
            hierarchy,
        )
    return result, figures


APPROVED = ("FDA-1", "FDA", DRUG, "LYMPHOMA", "drug one", "lymphoma", "APPROVAL", None)


def test_each_tier_and_negative_evidence_beside_it() -> None:
    evidence = _evidence(
        [
            APPROVED,
            # TIER_1: a phase 3 trial met, another failed: both counted
            ("NCT1", "AACT", DRUG, "ASTHMA", "drug one", "asthma", "PHASE_3", "COMPLETED"),
            ("NCT2", "AACT", DRUG, "ASTHMA", "drug one", "asthma", "PHASE_2", "COMPLETED"),
            # TIER_2: a completed phase 2 without a verdict
            ("NCT3", "AACT", DRUG, "LEUKEMIA", "drug one", "leukemia", "PHASE_2", "COMPLETED"),
            # TIER_3: a phase 1 and a recruiting phase 3; a met phase 1 is not tier 1
            ("NCT4", "AACT", DRUG, "CARDIO", "drug one", "cardio", "PHASE_1", "COMPLETED"),
            ("NCT5", "AACT", DRUG, "CARDIO", "drug one", "cardio", "PHASE_3", "RECRUITING"),
            # FAILED: one not met, one stopped for safety
            ("NCT6", "AACT", DRUG, "B_CELL", "drug one", "B-cell lymphoma", "PHASE_3", "COMPLETED"),
            ("NCT7", "AACT", DRUG, "B_CELL", "drug one", "B-cell lymphoma", "PHASE_2", "TERMINATED"),
            # TIER_2 by a neutral stop of a phase 2
            ("NCT8", "AACT", DRUG, "BLOOD_CANCER", "drug one", "blood", "PHASE_2", "TERMINATED"),
        ]
    )
    verdicts = _verdicts(
        [("NCT1", DRUG, "MET"), ("NCT2", DRUG, "NOT_MET"), ("NCT4", DRUG, "MET"), ("NCT6", DRUG, "NI_NOT_SHOWN")]
    )
    stops = _stops([("NCT7", "Safety", ["Safety_Sideeffects"]), ("NCT8", "Neutral", ["Insufficient_Enrollment"])])
    result, figures = _run(evidence, verdicts, stops)
    rows = {r["disease_id"]: r for r in result.iter_rows(named=True)}
    assert set(rows) == {"ASTHMA", "LEUKEMIA", "CARDIO", "B_CELL", "BLOOD_CANCER"}  # never the approved pair
    assert {d: r["tier"] for d, r in rows.items()} == {
        "ASTHMA": "TIER_1",
        "LEUKEMIA": "TIER_2",
        "BLOOD_CANCER": "TIER_2",
        "CARDIO": "TIER_3",
        "B_CELL": "FAILED",
    }
    asthma = rows["ASTHMA"]
    assert (asthma["trials"], asthma["trials_met"], asthma["trials_not_met"]) == (2, 1, 1)
    assert asthma["studyIds"] == ["NCT1", "NCT2"]
    assert asthma["approved_for"] == [{"disease_id": "LYMPHOMA", "disease_name": "lymphoma"}]
    failed = rows["B_CELL"]
    assert (failed["trials_not_met"], failed["stopped_safety"], failed["stopped_negative"]) == (1, 1, 0)
    assert result["tier"].to_list() == ["TIER_1", "TIER_2", "TIER_2", "TIER_3", "FAILED"]  # ordered by tier
    assert (figures["tier/TIER_1"], figures["tier/FAILED"], figures["candidates"]) == (1, 1, 5)
    assert isinstance(figures["top_candidates"], pl.DataFrame) and figures["top_candidates"].height == 5


def test_relations_through_the_hierarchy() -> None:
    evidence = _evidence(
        [
            APPROVED,
            ("NCT1", "AACT", DRUG, "ADULT_LYMPHOMA", "drug one", "adult lymphoma", "PHASE_2", "RECRUITING"),
            ("NCT2", "AACT", DRUG, "BLOOD_CANCER", "drug one", "blood", "PHASE_2", "RECRUITING"),
            ("NCT3", "AACT", DRUG, "LEUKEMIA", "drug one", "leukemia", "PHASE_2", "RECRUITING"),
            ("NCT4", "AACT", DRUG, "ASTHMA", "drug one", "asthma", "PHASE_2", "RECRUITING"),
            ("NCT5", "AACT", DRUG, "BARE", "drug one", "bare", "PHASE_2", "RECRUITING"),
            ("NCT6", "AACT", DRUG, "NOT_IN_VOCABULARY", "drug one", "elsewhere", "PHASE_2", "RECRUITING"),
            # a second approved drug: approved for lymphoma (known) and for the bare disease (no hierarchy)
            ("FDA-2", "FDA", OTHER, "LYMPHOMA", "drug two", "lymphoma", "APPROVAL", None),
            ("FDA-3", "FDA", OTHER, "BARE", "drug two", "bare", "APPROVAL", None),
            ("NCT7", "AACT", OTHER, "ASTHMA", "drug two", "asthma", "PHASE_2", "RECRUITING"),
            ("NCT8", "AACT", OTHER, "B_CELL", "drug two", "B-cell lymphoma", "PHASE_2", "RECRUITING"),
        ]
    )
    result, _ = _run(evidence)
    relations = {(r["drug_id"], r["disease_id"]): r["relation"] for r in result.iter_rows(named=True)}
    assert relations == {
        (DRUG, "ADULT_LYMPHOMA"): "DESCENDANT_OF_APPROVED",
        (DRUG, "BLOOD_CANCER"): "ANCESTOR_OF_APPROVED",
        (DRUG, "LEUKEMIA"): "SAME_FAMILY",  # both under blood cancer, below the therapeutic area
        (DRUG, "ASTHMA"): "NEW_THERAPEUTIC_AREA",
        (DRUG, "BARE"): "UNKNOWN",
        (DRUG, "NOT_IN_VOCABULARY"): "UNKNOWN",
        (OTHER, "ASTHMA"): "UNKNOWN",  # a new area for lymphoma, but the bare disease's areas are unknown
        (OTHER, "B_CELL"): "DESCENDANT_OF_APPROVED",  # the closest relation wins
    }


def test_same_therapeutic_area_and_a_vocabulary_without_hierarchy() -> None:
    evidence = _evidence(
        [APPROVED, ("NCT1", "AACT", DRUG, "CANCER_2", "drug one", "another cancer", "PHASE_2", "RECRUITING")]
    )
    hierarchy = pl.concat(
        [
            HIERARCHY,
            pl.DataFrame(
                {
                    "id": ["CANCER_2"],
                    "name": ["c"],
                    "parents": [[]],
                    "ancestors": [["TA_CANCER"]],
                    "therapeuticAreas": [["TA_CANCER"]],
                }
            ),
        ]
    )
    assert _run(evidence, hierarchy=hierarchy)[0]["relation"].to_list() == ["SAME_THERAPEUTIC_AREA"]
    flat = hierarchy.with_columns(
        pl.lit(None, pl.List(pl.String)).alias(c) for c in ("parents", "ancestors", "therapeuticAreas")
    )
    result, figures = _run(evidence, hierarchy=flat)
    assert result["relation"].to_list() == ["UNKNOWN"]
    assert "no parents, ancestors or therapeuticAreas" in figures["warning"]


def test_shelved_asset_and_an_approved_drug_never_shelved() -> None:
    evidence = _evidence(
        [
            APPROVED,
            # a code name never approved: met in phase 2, its phase 3 withdrawn for business reasons
            ("NCT1", "AACT", None, "ASTHMA", "XY-123", "asthma", "PHASE_2", "COMPLETED"),
            ("NCT2", "AACT", None, "ASTHMA", "XY-123", "asthma", "PHASE_3", "WITHDRAWN"),
            ("NCT3", "AACT", None, "ASTHMA", "XY-123 200 mg", "asthma", "PHASE_1", "COMPLETED"),
            # the approved drug met too and had a business stop: a candidate, never a shelved asset
            ("NCT4", "AACT", DRUG, "ASTHMA", "drug one", "asthma", "PHASE_3", "COMPLETED"),
            ("NCT5", "AACT", DRUG, "CARDIO", "drug one", "cardio", "PHASE_3", "TERMINATED"),
            # met, never approved, but no business stop: not shelved
            ("NCT6", "AACT", OTHER, "ASTHMA", "drug two", "asthma", "PHASE_3", "COMPLETED"),
            # met, never approved, a business stop, but still recruiting elsewhere: in development, not shelved
            ("NCT7", "AACT", "CHEMBL3", "ASTHMA", "drug three", "asthma", "PHASE_2", "COMPLETED"),
            ("NCT8", "AACT", "CHEMBL3", "ASTHMA", "drug three", "asthma", "PHASE_3", "TERMINATED"),
            ("NCT9", "AACT", "CHEMBL3", "CARDIO", "drug three", "cardio", "PHASE_2", "RECRUITING"),
        ]
    )
    verdicts = _verdicts(
        [("NCT1", "xy 123", "MET"), ("NCT4", DRUG, "MET"), ("NCT6", OTHER, "MET"), ("NCT7", "CHEMBL3", "MET")]
    )
    business = ["Business_Administrative"]
    stops = _stops([("NCT2", "Neutral", business), ("NCT5", "Neutral", business), ("NCT8", "Neutral", business)])
    result, figures = _run(evidence, verdicts, stops)
    shelved = result.filter("shelved")
    assert shelved.select("drug_name", "disease_id", "tier", "relation", "trials", "trials_met").rows() == [
        ("XY-123", "ASTHMA", "TIER_1", None, 2, 1)  # NCT3 names it with a dose: another key, as in final_df
    ]
    assert shelved["approved_for"].to_list() == [[]]
    assert set(result.filter(~pl.col("shelved"))["drug_id"]) == {DRUG}
    assert (figures["shelved"], figures["shelved/drugs_still_in_development"]) == (1, 1)


def _reference_pair_id(drug_key: str, disease_key: str) -> str:
    """The hash as the README defines it, in plain Python."""
    mask = (1 << 64) - 1

    def mix(h: int) -> int:
        h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & mask
        h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & mask
        return h ^ (h >> 31)

    data = f"{drug_key}\t{disease_key}".encode()
    padded = data + b"\x00" * (-len(data) % 8)
    h = 14695981039346656037
    for start in range(0, len(padded), 8):
        h = mix(h ^ int.from_bytes(padded[start : start + 8], "little"))
    return f"{mix(h ^ len(data)):016x}"


def test_pair_ids_are_the_documented_hash_of_the_keys() -> None:
    drugs = ["CHEMBL1431", "chembl 1", "CHEMBL1431", "acide acétylsalicylique " * 9, None]
    diseases = ["MONDO_0005148", "x", "MONDO_0005148", "maladie", "y"]
    ids = pair_ids(pl.Series(drugs), pl.Series(diseases)).to_list()
    assert ids[:4] == [_reference_pair_id(a, b) for a, b in zip(drugs[:4], diseases[:4], strict=True)]
    assert ids[0] == ids[2] == "7d07fd91ef3fee52" and ids[4] is None
    assert len(set(ids[:4])) == 3 and all(len(pair_id) == 16 for pair_id in ids[:4])


def test_pair_ids_of_alike_ids_differ() -> None:
    """ChEMBL and EFO ids differ in a digit or two: a word-at-a-time hash whose words' high bits reach only the
    high bits of the state gave CHEMBL102651/EFO_0000000 and CHEMBL112651/EFO_0000009 one id (found in the
    benchmark's registry, 16 of 383 k pairs), and final_df failed its check of unique pair ids."""
    alike = pl.Series(["CHEMBL102651", "CHEMBL112651", "CHEMBL100247", "CHEMBL110247"])
    assert pair_ids(alike, pl.Series(["EFO_0000000", "EFO_0000009", "EFO_0000008", "EFO_0000003"])).n_unique() == 4
    grid = pl.DataFrame({"drug": [f"CHEMBL{n}" for n in range(100_000, 110_000)]}).join(
        pl.DataFrame({"disease": [f"EFO_{n:07d}" for n in range(30)]}), how="cross"
    )
    assert pair_ids(grid["drug"], grid["disease"]).n_unique() == grid.height == 300_000


def test_the_check_fails_on_a_candidate_its_drug_is_approved_for() -> None:
    evidence = _evidence([APPROVED])
    candidates = pl.LazyFrame(
        {
            "drug_id": [DRUG, DRUG],
            "disease_id": ["LYMPHOMA", "ASTHMA"],
            "drug_name": ["drug one", "drug one"],  # the shelved row is a drug approved for lymphoma
            "disease_name": ["lymphoma", "asthma"],
            "shelved": [False, True],
        }
    )
    assert approved_candidates(candidates, evidence).rows() == [("drug one", "lymphoma"), ("drug one", "asthma")]
    check = candidates_not_approved_check(NotApprovedCheck())
    result = check(candidates, evidence)
    assert (result.passed, result.metadata["approved_pairs_listed"].value) == (False, 2)
    good = candidates.filter(pl.col("disease_id") == "NONE")
    assert check(good, evidence).passed


def test_without_verdicts_or_stop_reasons_a_completed_phase_3_is_tier_2() -> None:
    evidence = _evidence([APPROVED, ("NCT1", "AACT", DRUG, "ASTHMA", "drug one", "asthma", "PHASE_3", "COMPLETED")])
    result, _ = _run(evidence)
    assert result.select("disease_id", "tier").rows() == [("ASTHMA", "TIER_2")]

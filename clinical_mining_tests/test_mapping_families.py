"""The label families trials write that plain lookups miss (issue #20): each mapped where the evidence is
unambiguous, with its own method, and left unmapped (with candidates where there are some) where it is not."""

import polars as pl
import pytest

from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining.step_stats import collecting
from clinical_mining.steps.mapping.evidence import map_evidence
from clinical_mining.steps.mapping.lookups import disease_lookup, drug_lookup, find_disease_mentions, resolve_labels
from clinical_mining.text import clean_text

DRUGS = pl.DataFrame(
    [
        {"id": "CHEMBL941", "name": "IMATINIB", "synonyms": ["Imatinib"], "tradeNames": ["Glivec"]},
        {"id": "CHEMBL1431", "name": "METFORMIN", "synonyms": [], "tradeNames": ["Sharedbrand"]},
        {"id": "CHEMBL1422", "name": "SITAGLIPTIN", "synonyms": [], "tradeNames": ["Sharedbrand"]},
        {"id": "CHEMBL25", "name": "ASPIRIN", "synonyms": [], "tradeNames": []},
    ],
    schema=DRUG_SCHEMA,
)
DISEASES = pl.DataFrame(
    [
        {"id": "MONDO_0004979", "name": "asthma", "synonyms": {"hasExactSynonym": []}},
        {
            "id": "EFO_0003060",
            "name": "non-small cell lung carcinoma",
            "synonyms": {"hasExactSynonym": ["non-small cell lung cancer"]},
        },
        {
            "id": "EFO_0000702",
            "name": "small cell lung carcinoma",
            "synonyms": {"hasExactSynonym": ["small cell lung cancer"]},
        },
        {"id": "EFO_0000685", "name": "rheumatoid arthritis", "synonyms": {"hasExactSynonym": ["RA"]}},
        {"id": "MONDO_0005301", "name": "multiple sclerosis", "synonyms": {"hasExactSynonym": ["MS"]}},
        {"id": "EFO_0000339", "name": "chronic myelogenous leukemia", "synonyms": {"hasExactSynonym": []}},
        {"id": "EFO_0003144", "name": "heart failure", "synonyms": {"hasExactSynonym": []}},
        {"id": "MONDO_0005148", "name": "type 2 diabetes mellitus", "synonyms": {"hasExactSynonym": []}},
        {"id": "EFO_9000001", "name": "acute asthma", "synonyms": {"hasExactSynonym": []}},
    ],
    schema=DISEASE_SCHEMA,
)


@pytest.fixture(scope="module")
def lookups() -> tuple[pl.DataFrame, pl.DataFrame]:
    return drug_lookup(DRUGS), disease_lookup(DISEASES)


def _resolved(labels: list[str], lookup: pl.DataFrame, side: str) -> dict[str, tuple[str | None, str | None]]:
    found = resolve_labels(pl.Series(labels), lookup, side)  # type: ignore[arg-type]
    return {row["raw"]: (row["id"], row["method"]) for row in found.iter_rows(named=True)}


def test_a_dose_level_or_regimen_around_the_drug(lookups: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    found = _resolved(
        [
            "High-dose Imatinib",
            "Low Dose Aspirin",
            "Standard Dose imatinib",
            "escalating doses of Metformin",
            "Imatinib loading dose",
            "High-dose chemotherapy",  # what is left is no drug
            "Low dose",
            "High-dose Sharedbrand",  # a shared trade name stays ambiguous
        ],
        lookups[0],
        "drug",
    )
    assert found == {
        "High-dose Imatinib": ("CHEMBL941", "regimen"),
        "Low Dose Aspirin": ("CHEMBL25", "regimen"),
        "Standard Dose imatinib": ("CHEMBL941", "regimen"),
        "escalating doses of Metformin": ("CHEMBL1431", "regimen"),
        "Imatinib loading dose": ("CHEMBL941", "regimen"),
        "High-dose chemotherapy": (None, None),
        "Low dose": (None, None),
        "High-dose Sharedbrand": (None, "regimen"),
    }
    ambiguous = resolve_labels(pl.Series(["High-dose Sharedbrand"]), lookups[0], "drug").row(0, named=True)
    assert ambiguous["candidates"] == ["CHEMBL1422", "CHEMBL1431"]


def test_qualifiers_after_the_disease_or_one_word_before(lookups: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    found = _resolved(
        [
            "Asthma, Adult",
            "Asthma in Pregnancy",
            "Asthma - Moderate",
            "Chronic Asthma",
            "Asthma of the Elderly",
            "Heart Failure in Adults",
            "Acute Asthma",  # the vocabulary has the qualified disease: it wins
            "Acute Myeloid Leukemia",  # no unqualified "myeloid leukemia": no guess
            "Lung Cancer, Adult",  # nothing to match once stripped either
        ],
        lookups[1],
        "disease",
    )
    assert found == {
        "Asthma, Adult": ("MONDO_0004979", "qualified"),
        "Asthma in Pregnancy": ("MONDO_0004979", "qualified"),
        "Asthma - Moderate": ("MONDO_0004979", "qualified"),
        "Chronic Asthma": ("MONDO_0004979", "qualified"),
        "Asthma of the Elderly": ("MONDO_0004979", "qualified"),
        "Heart Failure in Adults": ("EFO_0003144", "qualified"),
        "Acute Asthma": ("EFO_9000001", "exact"),
        "Acute Myeloid Leukemia": (None, None),
        "Lung Cancer, Adult": (None, None),
    }


def _evidence(rows: list[dict[str, object]]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "studyId": pl.String,
            "drug_name": pl.String,
            "disease_name": pl.String,
            "intervention_id": pl.Int64,
            "source": pl.String,
        },
    )


STUDIES = pl.DataFrame(
    {
        "nct_id": ["NCT1", "NCT2", "NCT3", "NCT4", "NCT5"],
        "brief_title": [
            "Imatinib in Advanced Non-Small Cell Lung Cancer (NSCLC)",
            "A study of imatinib",
            "Imatinib in Mitral Stenosis (MS)",
            "Imatinib in chronic myelogenous leukemia (CML) and in rheumatoid arthritis (RA)",
            None,
        ],
        "official_title": [None, None, None, None, "Imatinib for Chronic Myelogenous Leukemia"],
    }
)
SUMMARIES = pl.DataFrame({"nct_id": ["NCT2"], "description": ["Patients with heart failure (HF) receive imatinib."]})


def test_an_abbreviation_resolved_only_from_its_own_study(lookups: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    evidence = _evidence(
        [
            {
                "studyId": "NCT1",
                "drug_name": "Imatinib",
                "disease_name": "NSCLC",
                "intervention_id": 1,
                "source": "AACT",
            },
            {"studyId": "NCT2", "drug_name": "Imatinib", "disease_name": "HF", "intervention_id": 2, "source": "AACT"},
            # the vocabulary knows MS as multiple sclerosis; this study spells it out as something else
            {"studyId": "NCT3", "drug_name": "Imatinib", "disease_name": "MS", "intervention_id": 3, "source": "AACT"},
            {"studyId": "NCT4", "drug_name": "Imatinib", "disease_name": "CML", "intervention_id": 4, "source": "AACT"},
            {"studyId": "NCT4", "drug_name": "Imatinib", "disease_name": "RA", "intervention_id": 4, "source": "AACT"},
            # defined in NCT1 only: a bare abbreviation elsewhere is never guessed
            {
                "studyId": "NCT5",
                "drug_name": "Imatinib",
                "disease_name": "NSCLC",
                "intervention_id": 5,
                "source": "AACT",
            },
            {"studyId": "NCT5", "drug_name": "Imatinib", "disease_name": "CML", "intervention_id": 5, "source": "AACT"},
        ]
    )
    with collecting() as figures:
        mapped = map_evidence(evidence, *lookups, studies=STUDIES, brief_summaries=SUMMARIES.lazy())
    got = {
        (r["studyId"], r["disease_name"]): (r["disease_id"], r["disease_method"]) for r in mapped.iter_rows(named=True)
    }
    assert got == {
        ("NCT1", "NSCLC"): ("EFO_0003060", "abbreviation"),  # not small cell lung carcinoma: N starts the long form
        ("NCT2", "HF"): ("EFO_0003144", "abbreviation"),  # from the summary
        ("NCT3", "MS"): (None, None),  # mitral stenosis, which the vocabulary lacks: not multiple sclerosis
        ("NCT4", "CML"): ("EFO_0000339", "abbreviation"),
        ("NCT4", "RA"): ("EFO_0000685", "exact"),  # the study agrees with the vocabulary's own synonym
        ("NCT5", "NSCLC"): (None, None),
        ("NCT5", "CML"): (None, None),
    }
    assert figures["disease/abbreviation_defined_by_study"] == 4
    assert figures["disease/abbreviation_defined_not_in_vocabulary"] == 1


def test_a_shared_trade_name_settled_by_the_study_itself(lookups: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    evidence = _evidence(
        [
            # its other names say which molecule
            {
                "studyId": "NCT1",
                "drug_name": "Sharedbrand",
                "disease_name": "asthma",
                "intervention_id": 1,
                "source": "AACT",
            },
            # the study's other intervention is one of the two
            {
                "studyId": "NCT2",
                "drug_name": "Sharedbrand",
                "disease_name": "asthma",
                "intervention_id": 2,
                "source": "AACT",
            },
            {
                "studyId": "NCT2",
                "drug_name": "Sitagliptin",
                "disease_name": "asthma",
                "intervention_id": 3,
                "source": "AACT",
            },
            # nothing in the study says which: stays ambiguous
            {
                "studyId": "NCT3",
                "drug_name": "Sharedbrand",
                "disease_name": "asthma",
                "intervention_id": 4,
                "source": "AACT",
            },
            # both named: stays ambiguous
            {
                "studyId": "NCT4",
                "drug_name": "Sharedbrand",
                "disease_name": "asthma",
                "intervention_id": 5,
                "source": "AACT",
            },
            {
                "studyId": "NCT4",
                "drug_name": "Metformin",
                "disease_name": "asthma",
                "intervention_id": 6,
                "source": "AACT",
            },
            {
                "studyId": "NCT4",
                "drug_name": "Sitagliptin",
                "disease_name": "asthma",
                "intervention_id": 7,
                "source": "AACT",
            },
        ]
    )
    other_names = pl.DataFrame(
        {"id": [1], "nct_id": ["NCT1"], "intervention_id": [1], "name": ["metformin extended release"]}
    )
    mapped = map_evidence(evidence, *lookups, intervention_other_names=other_names)
    shared = mapped.filter(drug_name="Sharedbrand").sort("studyId")
    assert shared.select("studyId", "drug_id", "drug_method", "drug_candidates").rows() == [
        ("NCT1", "CHEMBL1431", "context", None),
        ("NCT2", "CHEMBL1422", "context", None),
        ("NCT3", None, "exact", ["CHEMBL1422", "CHEMBL1431"]),
        ("NCT4", None, "exact", ["CHEMBL1422", "CHEMBL1431"]),
    ]


def test_text_is_cleaned_before_it_is_matched(lookups: tuple[pl.DataFrame, pl.DataFrame]) -> None:
    diseases = pl.concat(
        [
            DISEASES,
            pl.DataFrame(
                [{"id": "EFO_0009999", "name": "Sjögren syndrome", "synonyms": {"hasExactSynonym": []}}],
                schema=DISEASE_SCHEMA,
            ),
        ]
    )
    found = _resolved(
        ["Sj\\u00f6gren syndrome", "Sj\x00f6gren syndrome", "Non\\-small cell lung cancer", "asth\x0bma", "Asthma\x00"],
        disease_lookup(diseases),
        "disease",
    )
    assert found["Sj\\u00f6gren syndrome"] == ("EFO_0009999", "exact")
    assert found["Sj\x00f6gren syndrome"] == ("EFO_0009999", "exact")
    assert found["Non\\-small cell lung cancer"] == ("EFO_0003060", "exact")
    assert found["Asthma\x00"] == ("MONDO_0004979", "exact")
    assert found["asth\x0bma"] == (None, None)  # a control character inside a word splits it: no repair
    # free text (PMDA's notes, EMA's indications) is matched cleaned too, and keyed as written
    notes = pl.Series(["For Sj\\u00f6gren syndrome\x00 in adults"])
    assert find_disease_mentions(notes, disease_lookup(diseases)).rows() == [
        ("For Sj\\u00f6gren syndrome\x00 in adults", ["sjögren syndrome"])
    ]
    # the same function cleans the sources' free text (EMA, TTD, stop reasons)
    texts = pl.Series(["Crohn\\u2019s", "\\(NSCLC\\)", "a&nbsp;b"]).to_frame("t")
    assert texts.select(clean_text(pl.col("t")))["t"].to_list() == ["Crohn\\u2019s", "(NSCLC)", "a b"]

"""Open Targets-format disease and molecule indices built from the real entities in `entities`."""

import polars as pl

from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining_tests.synthetic.entities import DISEASES, DRUGS, VOCABULARY_ONLY_DISEASES

CANCER = "MONDO_0045024"  # cancer or benign tumor
CARDIOVASCULAR = "EFO_0000319"
ENDOCRINE = "EFO_0001379"
METABOLIC = "OTAR_0000020"  # nutritional or metabolic disease
IMMUNE = "EFO_0000540"
MUSCULOSKELETAL = "OTAR_0000006"  # musculoskeletal or connective tissue disease
INFECTIOUS = "EFO_0005741"
NERVOUS = "EFO_0000618"
MENTAL = "EFO_0000677"  # mental or behavioural disorder
RESPIRATORY = "OTAR_0000010"  # respiratory or thoracic disease
GASTROINTESTINAL = "EFO_0010282"
REPRODUCTIVE = "OTAR_0000017"  # reproductive system or breast disease
URINARY = "EFO_0009690"
SKIN = "EFO_0010285"  # integumentary system disease
HAEMATOLOGIC = "EFO_0005803"
PHENOTYPE = "EFO_0000651"
# id -> (parents, therapeutic areas), as the Open Targets index gives them for these diseases; a disease not
# listed has no hierarchy (null), as in a hand-made vocabulary
HIERARCHY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "MONDO_0005148": (("EFO_0000400",), (ENDOCRINE, METABOLIC)),
    "EFO_0000400": ((), (ENDOCRINE, METABOLIC)),
    "EFO_0000305": ((), (CANCER, REPRODUCTIVE)),
    "EFO_0000182": ((), (CANCER, GASTROINTESTINAL)),
    "MONDO_0004979": ((), (RESPIRATORY, IMMUNE)),
    "EFO_0000685": ((), (IMMUNE, MUSCULOSKELETAL)),
    "EFO_0002506": ((), (MUSCULOSKELETAL,)),
    "EFO_0000537": ((), (CARDIOVASCULAR,)),
    "EFO_0001361": ((), (CARDIOVASCULAR, RESPIRATORY)),
    "EFO_0004234": ((), (REPRODUCTIVE,)),
    "MONDO_0004975": ((), (NERVOUS, MENTAL)),
    "MONDO_0005180": ((), (NERVOUS,)),
    "MONDO_0100096": ((), (INFECTIOUS, RESPIRATORY)),
    "EFO_0003060": (("EFO_0001071",), (CANCER, RESPIRATORY)),
    "EFO_0001071": ((), (CANCER, RESPIRATORY)),
    "EFO_0000339": ((), (CANCER, HAEMATOLOGIC)),
    "EFO_0001645": ((), (CARDIOVASCULAR,)),
    "EFO_0003144": ((), (CARDIOVASCULAR,)),
    "MONDO_0002009": ((), (MENTAL,)),
    "EFO_0000676": ((), (SKIN, IMMUNE)),
    "EFO_0000384": ((), (GASTROINTESTINAL, IMMUNE)),
    "EFO_0000729": ((), (GASTROINTESTINAL, IMMUNE)),
    "EFO_0000756": ((), (CANCER, SKIN)),
    "MONDO_0005812": ((), (INFECTIOUS, RESPIRATORY)),
    "EFO_0001073": ((), (METABOLIC,)),
    "HP_0003124": ((), (METABOLIC,)),
    "EFO_0000275": ((), (CARDIOVASCULAR,)),
    "MONDO_0005090": ((), (MENTAL,)),
    "MONDO_0005301": ((), (NERVOUS, IMMUNE)),
    "MONDO_0005575": ((), (CANCER, GASTROINTESTINAL)),
    "EFO_0000764": ((), (INFECTIOUS, IMMUNE)),
    "EFO_0003884": ((), (URINARY,)),
    "EFO_0003948": ((), (GASTROINTESTINAL,)),
    "HP_0012531": ((), (PHENOTYPE,)),
    "EFO_0000574": ((), (CANCER, HAEMATOLOGIC, IMMUNE)),
    "MONDO_0003660": (("EFO_0000574",), (CANCER, HAEMATOLOGIC, IMMUNE)),
}


def _ancestors(disease_id: str) -> list[str]:
    """Every ancestor up to the therapeutic areas, which Open Targets counts among them."""
    parents, areas = HIERARCHY[disease_id]
    found = [*parents, *areas]
    for parent in parents:
        found += _ancestors(parent)
    return sorted(set(found))


def disease_index() -> pl.DataFrame:
    """The disease index: exact synonyms as given, MeSH ids as `MeSH:D...` cross-references, and the hierarchy
    of the diseases `HIERARCHY` lists (null for the others)."""
    rows = [
        {
            "id": d.efo_id,
            "name": d.name,
            "synonyms": {
                "hasExactSynonym": list(d.exact_synonyms),
                "hasRelatedSynonym": [],
                "hasNarrowSynonym": [],
                "hasBroadSynonym": [],
            },
            "dbXRefs": [f"MeSH:{d.mesh_id}"] if d.mesh_id else [],
            "parents": list(HIERARCHY[d.efo_id][0]) if d.efo_id in HIERARCHY else None,
            "ancestors": _ancestors(d.efo_id) if d.efo_id in HIERARCHY else None,
            "therapeuticAreas": list(HIERARCHY[d.efo_id][1]) if d.efo_id in HIERARCHY else None,
        }
        for d in DISEASES + VOCABULARY_ONLY_DISEASES
    ]
    return pl.DataFrame(rows, schema=DISEASE_SCHEMA)


def drug_index() -> pl.DataFrame:
    """The molecule index: parents with their salts as children, and each salt as a row pointing to its parent."""
    rows = []
    for drug in DRUGS:
        rows.append(
            {
                "id": drug.chembl_id,
                "name": drug.name,
                "synonyms": list(drug.synonyms),
                "tradeNames": list(drug.trade_names),
                "parentId": None,
                "childChemblIds": [salt_id for salt_id, _ in drug.salts],
            }
        )
        rows += [
            {
                "id": salt_id,
                "name": salt_name,
                "synonyms": [salt_name.title()],
                "tradeNames": [],
                "parentId": drug.chembl_id,
                "childChemblIds": [],
            }
            for salt_id, salt_name in drug.salts
        ]
    return pl.DataFrame(rows, schema=DRUG_SCHEMA)

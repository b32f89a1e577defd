"""Open Targets-format disease and molecule indices built from the real entities in `entities`."""

import polars as pl

from clinical_mining.sources.vocabularies import DISEASE_SCHEMA, DRUG_SCHEMA
from clinical_mining.synthetic.entities import DISEASES, DRUGS


def disease_index() -> pl.DataFrame:
    """The disease index: exact synonyms as given, MeSH ids as `MeSH:D...` cross-references."""
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
        }
        for d in DISEASES
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

"""The Open Targets indices in each shape the platform has published them in."""

from pathlib import Path

import polars as pl
import pytest

from clinical_mining.sources.vocabularies import VocabularyError, read_disease_index, read_drug_index
from clinical_mining.steps.mapping.lookups import drug_lookup, resolve_labels

OLD_MOLECULES = pl.DataFrame(
    {
        "id": ["CHEMBL941", "CHEMBL1642"],
        "name": ["IMATINIB", "IMATINIB MESYLATE"],
        "synonyms": [["Imatinib", "STI-571"], []],
        "tradeNames": [["Gleevec", "Glivec"], []],
        "parentId": [None, "CHEMBL941"],
        "childChemblIds": [["CHEMBL1642"], None],
        "isApproved": [True, True],  # flags of older releases, not read
        "blackBoxWarning": [False, False],
    }
)
LABELLED = pl.List(pl.Struct({"label": pl.String, "source": pl.String}))
NEW_MOLECULES = OLD_MOLECULES.drop("isApproved", "blackBoxWarning").with_columns(
    synonyms=pl.Series(
        [[{"label": "Imatinib", "source": "INN"}, {"label": "STI-571", "source": "research"}], []], dtype=LABELLED
    ),
    tradeNames=pl.Series(
        [[{"label": "Gleevec", "source": "FDA"}, {"label": "Glivec", "source": "EMA"}], []], dtype=LABELLED
    ),
)


def test_molecule_labels_as_strings_and_as_label_source_structs(tmp_path: Path) -> None:
    OLD_MOLECULES.write_parquet(tmp_path / "old.parquet")
    NEW_MOLECULES.write_parquet(tmp_path / "new.parquet")
    old, new = read_drug_index(tmp_path / "old.parquet"), read_drug_index(tmp_path / "new.parquet")
    assert new.equals(old)
    assert new.row(0, named=True)["tradeNames"] == ["Gleevec", "Glivec"]
    assert new.row(0, named=True)["synonyms"] == ["Imatinib", "STI-571"]
    found = resolve_labels(pl.Series(["Glivec", "STI-571", "imatinib mesylate"]), drug_lookup(new), "drug")
    assert found.select("raw", "id").rows() == [
        ("Glivec", "CHEMBL941"),
        ("STI-571", "CHEMBL941"),
        ("imatinib mesylate", "CHEMBL941"),  # the salt's own label gives its parent
    ]


DISEASES = pl.DataFrame(
    {
        "id": ["MONDO_0003660", "EFO_0000574", "MONDO_0045024"],
        "name": ["adult lymphoma", "lymphoma", "cancer or benign tumor"],
        "synonyms": [{"hasExactSynonym": ["lymphoma of adults"]}, {"hasExactSynonym": []}, {"hasExactSynonym": []}],
        "dbXRefs": [[], ["MeSH:D008223"], []],
    }
)


def test_disease_hierarchy_kept_when_present_and_null_when_absent(tmp_path: Path) -> None:
    DISEASES.write_parquet(tmp_path / "flat.parquet")
    with_tree = DISEASES.with_columns(
        parents=pl.Series([["EFO_0000574"], ["MONDO_0045024"], []]),
        ancestors=pl.Series([["EFO_0000574", "MONDO_0045024"], ["MONDO_0045024"], []]),
        therapeuticAreas=pl.Series([["MONDO_0045024"], ["MONDO_0045024"], None], dtype=pl.List(pl.String)),
        children=pl.Series([[], ["MONDO_0003660"], ["EFO_0000574"]]),  # not read
    )
    with_tree.write_parquet(tmp_path / "tree.parquet")
    flat, tree = read_disease_index(tmp_path / "flat.parquet"), read_disease_index(tmp_path / "tree.parquet")
    assert (
        flat.columns
        == tree.columns
        == ["id", "name", "synonyms", "dbXRefs", "parents", "ancestors", "therapeuticAreas"]
    )
    assert flat.select("parents", "ancestors", "therapeuticAreas").null_count().row(0) == (3, 3, 3)
    adult = tree.row(0, named=True)
    assert (adult["parents"], adult["ancestors"], adult["therapeuticAreas"]) == (
        ["EFO_0000574"],
        ["EFO_0000574", "MONDO_0045024"],
        ["MONDO_0045024"],
    )
    assert tree.row(2, named=True)["therapeuticAreas"] is None  # newer releases: null where there is none
    assert flat.drop("parents", "ancestors", "therapeuticAreas").equals(
        tree.drop("parents", "ancestors", "therapeuticAreas")
    )


def test_an_id_on_several_rows_is_refused_naming_the_file_and_the_id(tmp_path: Path) -> None:
    """Two releases in one folder give each disease two rows, two names and two hierarchies: refused, not joined
    twice (a review found the repurposing relations would union the duplicates' ancestors)."""
    folder = tmp_path / "disease"
    folder.mkdir()
    DISEASES.write_parquet(folder / "release_1.parquet")
    DISEASES.head(1).write_parquet(folder / "release_2.parquet")
    with pytest.raises(VocabularyError) as raised:
        read_disease_index(folder)
    first = DISEASES["id"][0]
    assert str(raised.value) == (
        f"Disease vocabulary {folder} holds 1 id(s) on several rows (e.g. {first}): each entity must have one row"
        " (are two releases in one folder?)"
    )
    assert read_disease_index(folder / "release_1.parquet").height == DISEASES.height

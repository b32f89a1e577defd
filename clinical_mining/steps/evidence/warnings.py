"""ChEMBL's drug warnings per drug: withdrawals and black-box warnings, attached to the parent molecule.

A warning is a safety fact about a drug, never an approval, and it is about the drug, not an indication: a
"Withdrawn" warning says the drug was withdrawn for safety in the countries it names, which removes no approval
elsewhere and lowers no clinical stage; it is listed beside the pair, and nothing else of the pair changes.
"""

import polars as pl

from clinical_mining.step_stats import record
from clinical_mining.steps.mapping.evidence import to_parents

WARNING_FIELDS = {
    "warning_type": pl.String,
    "warning_class": pl.String,
    "countries": pl.List(pl.String),
    "year": pl.Int32,
}
WARNINGS_DTYPE = pl.List(pl.Struct(WARNING_FIELDS))


def warnings_by_drug(drug_warnings: pl.DataFrame, drug_lookup: pl.DataFrame) -> pl.DataFrame:
    """(drug_id, warnings) with each warning given to the parent of the molecule it names (a warning on a salt
    reaches the drug), a sorted list of {warning_type, warning_class, countries, year} per drug."""
    molecules = drug_warnings.select(
        drug_id=pl.coalesce(
            "parent_molecule_chembl_id",
            "molecule_chembl_id",
            pl.col("_metadata").struct["all_molecule_chembl_ids"].list.first(),
        ),
        warning=pl.struct(
            "warning_type",
            "warning_class",
            countries=pl.col("warning_country")
            .str.split(";")
            .list.eval(pl.element().str.strip_chars().filter(pl.element() != ""))
            .list.unique()
            .list.sort(),
            year=pl.col("warning_year").str.strip_chars().cast(pl.Float64, strict=False).cast(pl.Int32),
        ),
    )
    folded = to_parents(molecules, drug_lookup, figure="warnings/ids_folded_to_parent")
    known = folded["drug_id"].is_in(drug_lookup["id"].implode())
    record("warnings/for_a_molecule_not_in_the_vocabulary", int((~known).sum()))
    return (
        folded.group_by("drug_id")
        .agg(warnings=pl.col("warning").unique().sort())
        .with_columns(pl.col("warnings").cast(WARNINGS_DTYPE))
        .sort("drug_id")
    )

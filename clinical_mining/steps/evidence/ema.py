"""EMA's medicines as evidence: one row per human medicine and disease, with what became of the authorisation.

An authorised medicine is an APPROVAL with its authorisation date. A withdrawn, expired, revoked, lapsed or
suspended authorisation stays an approval, its status and date beside it: the medicine was approved in the EU,
and the withdrawal of one product says nothing of the ingredient elsewhere. A refused or withdrawn application
is a failed submission: kept, at stage UNKNOWN, with its status and date, never an approval.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.evidence.stage import EMA_APPROVED_STATUSES, ema_stage
from clinical_mining.steps.mapping.labels import normalise
from clinical_mining.steps.mapping.lookups import disease_mentions, resolve_labels

EMA_URL = "https://www.ema.europa.eu/en/medicines"
MESH = "mesh"


def _split(cell: pl.Expr) -> pl.Expr:
    """A ';'-joined cell as a list (never split on ',': a MeSH heading holds commas)."""
    return cell.str.split(";").list.eval(pl.element().str.strip_chars()).list.filter(pl.element() != "")


def _area_ids(areas: pl.Series, disease_lookup: pl.DataFrame, mesh_lookup: pl.DataFrame) -> pl.DataFrame:
    """(area, id, candidates, method) per distinct MeSH area: through the MeSH headings the vocabulary cross-
    references first, then through the disease names; an area matching several ids keeps them as candidates."""
    distinct = pl.DataFrame({"area": areas.unique().drop_nulls().sort()}, schema={"area": pl.String})
    by_mesh = (
        distinct.join(mesh_lookup, left_on=normalise(pl.col("area")), right_on="mesh_term")
        .group_by("area")
        .agg(found=pl.col("disease_id").unique().sort())
        .select(
            "area",
            id=pl.when(pl.col("found").list.len() == 1).then(pl.col("found").list.first()),
            candidates=pl.when(pl.col("found").list.len() > 1).then("found"),
            method=pl.lit(MESH),
        )
    )
    rest = distinct.join(by_mesh, on="area", how="anti")["area"]
    by_name = (
        resolve_labels(rest, disease_lookup, "disease")
        .filter(pl.col("id").is_not_null() | pl.col("candidates").is_not_null())
        .select(area="raw", id="id", candidates="candidates", method="method")
    )
    return pl.concat([by_mesh, by_name])


@describes(EVIDENCE_COLUMNS)
def authorisation_evidence(
    ema: pl.DataFrame, disease_lookup: pl.DataFrame, mesh_lookup: pl.DataFrame | None = None
) -> pl.DataFrame:
    """One row per (substance, disease) of each human medicine.

    The drug is the INN, else the active substance, else the medicine's name, several substances split on
    ';' (salts map to their parent later). The diseases are the MeSH therapeutic areas, each a row (unmapped
    ones keep their label, for the mapping step to try); where no area maps to the vocabulary, the diseases
    named in the indication's text are added (`mapping.disease_mentions`, the matcher PMDA's notes use, method
    `text_match`). A medicine with neither keeps one row without a disease, counted."""
    human = ema.filter(pl.col("category").str.to_lowercase() == "human")
    medicines = human.select(
        "medicine_name",
        "medicine_status",
        "indication",
        "authorisation_date",
        studyId=pl.coalesce("product_number", pl.format("EMA/{}", "medicine_name")),
        url=pl.coalesce("url", pl.lit(EMA_URL)),
        substances=_split(pl.coalesce("inn", "active_substance", "medicine_name")),
        areas=_split(pl.col("therapeutic_area")),
        status_date=_status_date(),
    )
    mesh = (
        mesh_lookup
        if mesh_lookup is not None
        else pl.DataFrame(schema={"mesh_term": pl.String, "disease_id": pl.String})
    )
    areas = medicines.select("studyId", "indication", area=pl.col("areas")).explode("area", empty_as_null=False)
    areas = areas.filter(pl.col("area").is_not_null())
    ids = _area_ids(areas["area"], disease_lookup, mesh)
    area_rows = areas.join(ids, on="area", how="left").select(
        "studyId", disease_name="area", disease_id="id", disease_candidates="candidates", disease_method="method"
    )
    mapped_studies = area_rows.filter(pl.col("disease_id").is_not_null()).select("studyId").unique()
    pending = medicines.join(mapped_studies, on="studyId", how="anti").select("studyId", "indication")
    mentions = disease_mentions(pending["indication"], disease_lookup).rename({"text": "indication"})
    text_rows = pending.join(mentions, on="indication").drop("indication")
    # one row per medicine and disease: two areas, or a name and its synonym in the text, may give one id
    diseases = pl.concat([area_rows, text_rows]).filter(
        pl.col("disease_id").is_null() | pl.col("disease_id").is_first_distinct().over("studyId")
    )
    without = medicines.join(diseases.select("studyId").unique(), on="studyId", how="anti")
    rows = medicines.join(diseases, on="studyId", how="left").explode("substances", empty_as_null=True)
    status = pl.col("medicine_status")
    evidence = rows.filter(pl.col("substances").is_not_null()).select(
        "studyId",
        drug_name="substances",
        disease_name="disease_name",
        disease_id="disease_id",
        disease_candidates="disease_candidates",
        disease_method="disease_method",
        source=pl.lit("EMA"),
        url="url",
        phase=status,
        clinical_stage=ema_stage(status),
        regulatory_status=status,
        approval_date=pl.when(ema_stage(status) == "APPROVAL").then("authorisation_date"),
        status_date="status_date",
        brand_name="medicine_name",
    )
    record("medicines_in", ema.height)
    record("medicines_not_human", ema.height - human.height)
    record("medicines_with_area_mapped", mapped_studies.height)
    record("medicines_disease_from_text", text_rows.filter(pl.col("disease_id").is_not_null())["studyId"].n_unique())
    record("medicines_without_disease", without.height)
    for name, count in human["medicine_status"].fill_null("(none)").value_counts().sort("medicine_status").iter_rows():
        record(f"status/{name}", count)
    record("evidence_rows", evidence.height)
    return evidence


def _status_date() -> pl.Expr:
    """The date of what became of the authorisation or application: its withdrawal, expiry, revocation or lapse,
    its refusal, or the application's withdrawal; null while authorised."""
    status = pl.col("medicine_status").str.strip_chars().str.to_lowercase()
    return (
        pl.when(status == "refused")
        .then("refusal_date")
        .when(status == "application withdrawn")
        .then("application_withdrawal_date")
        .when(status.is_in([s for s in EMA_APPROVED_STATUSES if s != "authorised"]))
        .then("withdrawal_date")
    )

"""The harmonised drug-disease pairs (`final_df`): one row per pair with its furthest stage and all evidence."""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.evidence.aact import TRIAL_METADATA, trial_metadata
from clinical_mining.steps.evidence.stage import CLINICAL_STAGES, STAGE_DTYPE
from clinical_mining.steps.evidence.warnings import WARNINGS_DTYPE, warnings_by_drug
from clinical_mining.steps.mapping.labels import aligned, gathered, id_or_label, in_code_order
from clinical_mining.steps.outcomes.efficacy import MET_VERDICTS, NOT_MET_VERDICTS
from clinical_mining.steps.outcomes.roles import tested_drug_stop

MAPPING_STATUSES = ("FULLY_MAPPED", "DRUG_MAPPED", "DISEASE_MAPPED", "UNMAPPED")
DRUG_ID = r"^CHEMBL\d+$"
DISEASE_ID = r"^(EFO|MONDO|HP|Orphanet|DOID|NCIT|OTAR|GO|MP)_[A-Za-z0-9]+$"
SOURCE_FIELDS = {
    "studyId": pl.String,
    "source": pl.String,
    "url": pl.String,
    "phase": pl.String,
    "status": pl.String,
    **TRIAL_METADATA,
}
FINAL_SCHEMA = {
    "pair_id": pl.String,
    "drug_name": pl.String,
    "disease_name": pl.String,
    "drug_id": pl.String,
    "disease_id": pl.String,
    "max_clinical_stage": pl.String,
    "mapping_status": pl.String,
    "approval": pl.List(pl.Struct({"source": pl.String, "date": pl.Date})),
    "trials_with_results": pl.UInt32,
    "primary_met": pl.UInt32,
    "primary_not_met": pl.UInt32,
    "primary_mixed": pl.UInt32,
    "stopped_for_safety": pl.UInt32,
    "stopped_for_efficacy": pl.UInt32,
    "warnings": WARNINGS_DTYPE,
}


FINAL_COLUMNS = {
    "pair_id": "Stable id of the pair: 16 hex digits of a hash of its drug and disease keys (see the README)",
    "drug_name": "The drug's vocabulary name when mapped, else the first of its labels",
    "disease_name": "The disease's vocabulary name when mapped, else the first of its labels",
    "drug_id": "ChEMBL id of the drug (a salt's is its parent's); null when unmapped",
    "disease_id": "EFO/MONDO/HP/Orphanet id of the disease, with _; null when unmapped",
    "max_clinical_stage": "The furthest stage any source gives the pair: APPROVAL > PHASE_4 > PHASE_3 > PHASE_2_3 >"
    " PHASE_2 > PHASE_1_2 > PHASE_1 > EARLY_PHASE_1 > PRECLINICAL > UNKNOWN",
    "mapping_status": "FULLY_MAPPED, DRUG_MAPPED, DISEASE_MAPPED or UNMAPPED",
    "approval": "The approvals: list of {source (FDA, EMA, DailyMed, PMDA, AACT), date (null where the source"
    " gives none)}, an EU authorisation withdrawn later among them (its status is in sources); null when not"
    " approved",
    "sources": "Every record behind the pair: list of {studyId (NCT id, reference, product or TTD id), source (AACT,"
    " FDA, ..., PMDA, EMA, TTD), url, phase (its stage), status (AACT's status of the study, EMA's medicine status"
    " such as Withdrawn, TTD's clinical status such as Terminated), and for an AACT study what the trials asset"
    " gives of it (null for other sources): lead_sponsor {name, class}, literature [{pmid, type}], enrollment,"
    " start_date, primary_completion_date, randomised, masking, results_posted}",
    "trials_with_results": "The pair's trials that posted results for the drug",
    "primary_met": "Of those, the trials whose primary verdict is MET or NON_INFERIOR",
    "primary_not_met": "The trials whose primary verdict is NOT_MET or NI_NOT_SHOWN",
    "primary_mixed": "The trials whose primary outcomes (or doses) disagree: some met, some not",
    "stopped_for_safety": "The pair's studies stopped for safety (stop group Safety) in which the drug is the one"
    " tested (INVESTIGATIONAL), not a comparator or background drug",
    "stopped_for_efficacy": "The pair's studies stopped for lack of efficacy (stop group Negative), for the drug"
    " the study tests",
    "warnings": "The drug's ChEMBL warnings: list of {warning_type (Withdrawn, Black Box Warning),"
    " warning_class, countries, year}; null where none",
}


class FinalDataError(ValueError):
    """`final_df` breaks its contract; the asset fails and the last good file stays in place."""


def _mapping_status() -> pl.Expr:
    drug, disease = pl.col("drug_id").is_not_null(), pl.col("disease_id").is_not_null()
    return (
        pl.when(drug & disease)
        .then(pl.lit("FULLY_MAPPED"))
        .when(drug)
        .then(pl.lit("DRUG_MAPPED"))
        .when(disease)
        .then(pl.lit("DISEASE_MAPPED"))
        .otherwise(pl.lit("UNMAPPED"))
    )


FNV_OFFSET = 14695981039346656037  # the starting value
SPLITMIX = ((30, 0xBF58476D1CE4E5B9), (27, 0x94D049BB133111EB), (31, None))
HEX_DIGITS = dict(enumerate("0123456789abcdef"))


def _u64(value: int) -> pl.Expr:
    return pl.lit(value, pl.UInt64)


def _mixed(frame: pl.DataFrame, rows: pl.Expr) -> pl.DataFrame:
    """`_h` put through SplitMix64's finaliser in `rows`: every input bit reaches every output bit."""
    for shift, multiplier in SPLITMIX:
        mixed = pl.col("_h").xor(pl.col("_h") // _u64(1 << shift))
        frame = frame.with_columns(
            _h=pl.when(rows).then(mixed * _u64(multiplier) if multiplier else mixed).otherwise("_h")
        )
    return frame


def pair_ids(drug_keys: pl.Series, disease_keys: pl.Series) -> pl.Series:
    """`pair_id`: 16 hex digits of a 64-bit hash of the UTF-8 bytes of the drug key, a tab and the disease key (a
    key is the id when mapped, else the normalised label), so a pair keeps its id across refreshes, AACT kinds
    and Polars versions (Polars' own hash is not stable across versions) and changes only when a side's key
    does. The hash, defined here and pinned by a test against a plain-Python version: the bytes zero-padded to a
    multiple of 8 are read as little-endian 64-bit words w; h = 14695981039346656037 becomes mix(h xor w) for
    each word, and the result is mix(h xor the unpadded length), mix being SplitMix64's finaliser (all modulo
    2**64). Mixing every word in full matters: with FNV's multiply alone, a word's high bits reach only the high
    bits of h, and ids as alike as CHEMBL102651/EFO_0000000 and CHEMBL112651/EFO_0000009 shared a hash.
    Computed with Polars expressions, a word per pass."""
    keys = (drug_keys + "\t" + disease_keys).rename("key").to_frame()
    width = -(-int(keys["key"].str.len_bytes().max() or 0) // 8) * 8
    frame = keys.with_columns(_bytes=pl.col("key").str.pad_end(width, "\x00").cast(pl.Binary), _h=_u64(FNV_OFFSET))
    for word in range(width // 8):
        value = pl.col("_bytes").bin.slice(8 * word, 8).bin.reinterpret(dtype=pl.UInt64, endianness="little")
        inside = pl.col("key").str.len_bytes() > 8 * word  # a key's own words only, whatever the longest is
        frame = frame.with_columns(_h=pl.when(inside).then(pl.col("_h").xor(value)).otherwise("_h"))
        frame = _mixed(frame, inside)
    frame = frame.with_columns(_h=pl.col("_h").xor(pl.col("key").str.len_bytes().cast(pl.UInt64)))
    frame = _mixed(frame, pl.lit(True))
    digits = [
        (pl.col("_h") // _u64(16**place) % _u64(16)).replace_strict(HEX_DIGITS, return_dtype=pl.String)
        for place in reversed(range(16))
    ]
    return frame.select(pair_id=pl.when(pl.col("key").is_not_null()).then(pl.concat_str(digits)))["pair_id"]


def side_keys(frame: pl.DataFrame, side: str) -> pl.Series:
    """`{side}_key` of each row: the side's id when mapped, else its normalised label, so that unmapped evidence
    still groups and is found again by its label."""
    return id_or_label(frame[f"{side}_id"], frame[f"{side}_name"]).rename(f"{side}_key")


def pair_keys(frame: pl.DataFrame) -> pl.DataFrame:
    """Both sides' keys (`side_keys`)."""
    return pl.DataFrame([side_keys(frame, "drug"), side_keys(frame, "disease")])


def validate_final(final: pl.DataFrame) -> list[str]:
    """Every way `final` breaks the contract in ARCHITECTURE.md (columns, types, keys, id patterns, rows)."""
    problems = [
        f"column {name}: missing" if name not in final.columns else f"column {name}: {final.schema[name]}, not {dtype}"
        for name, dtype in FINAL_SCHEMA.items()
        if name not in final.columns or final.schema[name] != dtype
    ]
    sources = final.schema.get("sources")
    inner = sources.inner if isinstance(sources, pl.List) else None
    fields = {field.name: field.dtype for field in inner.fields} if isinstance(inner, pl.Struct) else {}
    if any(fields.get(name) != dtype for name, dtype in SOURCE_FIELDS.items()):
        problems.append(f"column sources: {sources}, not a list of structs with {', '.join(SOURCE_FIELDS)}")
    if problems:
        return problems
    if final.height == 0:
        return ["no rows: an empty final_df would replace the last good one"]
    checks = {
        "duplicate pair keys": pair_keys(final).is_duplicated(),
        "duplicate pair_id": final["pair_id"].is_duplicated(),
        "drug_id not like CHEMBL123": final["drug_id"].is_not_null() & ~final["drug_id"].str.contains(DRUG_ID),
        "disease_id not like EFO_0000305": final["disease_id"].is_not_null()
        & ~final["disease_id"].str.contains(DISEASE_ID),
        "unknown mapping_status": ~final["mapping_status"].is_in(MAPPING_STATUSES),
        "max_clinical_stage null or unknown": ~final["max_clinical_stage"].is_in(CLINICAL_STAGES).fill_null(False),
        "no evidence in sources": final["sources"].list.len().fill_null(0) == 0,
        "more verdicts than trials with results": final["primary_met"]
        + final["primary_not_met"]
        + final["primary_mixed"]
        > final["trials_with_results"],
    }
    for problem, bad in checks.items():
        if bad.any():
            example = final.filter(bad).select("drug_name", "disease_name", "drug_id", "disease_id").row(0)
            problems.append(f"{problem}: {bad.sum()} row(s), e.g. {example}")
    return problems


PAIR_COLUMNS = (
    "studyId",
    "source",
    "url",
    "drug_name",
    "disease_name",
    "drug_id",
    "disease_id",
    "drug_vocabulary_name",
    "disease_vocabulary_name",
    "clinical_stage",
)
OPTIONAL_PAIR_COLUMNS = {
    "approval_date": pl.Date,
    "overall_status": pl.String,
    "regulatory_status": pl.String,
}  # null where no source has them


def source_entries(keyed: pl.DataFrame) -> tuple[pl.Series, pl.DataFrame]:
    """(each evidence row's `sources` entry as a code, the distinct entries in the order of their codes): a code is
    the entry's dense rank, so codes sort as the entries do (field by field, nulls first), and a pair's sorted,
    de-duplicated list of entries is a sorted, de-duplicated list of integers. Grouping 2 M rows into lists of
    structs and sorting each took 1.1 s at scale 1, against 0.2 s for the codes; the distinct entries (half a
    million) are also the only ones the trials' metadata is looked up for.

    Only the first row of each run of equal entries is ranked, and its rank is spread over the run: evidence
    comes sorted by source and study (`map_evidence`), so its 2 M rows are 544 k runs at scale 1, and ranking
    those took 0.2 s against 0.45 s for every row. In another order there are more runs, and the same codes."""
    entry = keyed.select(
        pl.struct(
            "studyId",
            "source",
            "url",
            phase=pl.col("clinical_stage").cast(pl.String),
            status=pl.coalesce("overall_status", "regulatory_status"),
        )
    ).to_series()
    starts = entry.ne_missing(entry.shift())
    run = (starts.cum_sum() - 1).cast(pl.UInt32)
    firsts = entry.filter(starts)
    run_code = (firsts.rank("dense") - 1).cast(pl.UInt32)
    return run_code.gather(run).rename("_entry"), in_code_order(firsts, run_code).struct.unnest()


def with_trial_metadata(codes: pl.Series, entries: pl.DataFrame, metadata: pl.DataFrame) -> pl.Series:
    """Each pair's list of entry codes (`source_entries`) spelled out as its `sources` list, each AACT entry with
    its study's metadata (`aact.trial_metadata`, whose rows are all of source AACT), in the same order.

    The metadata is looked up once per distinct entry, after the evidence rows were grouped into pairs: carried
    on every evidence row, its lists and structs would be hashed again by the grouping. An AACT entry finds its
    trial's row by its study id and takes its fields (`aligned`, which gathers each column from one chunk: from
    the chunks of a Parquet scan, gathering the literature lists took 1.7 s for the 2 M entries at scale 1,
    against 0.1 s); the codes are exploded with their pair's position, each takes its entry's fields, and the
    entries go back into their pair's list in their order."""
    # the metadata is the AACT trials': an AACT entry finds it by its study id alone, another source's by no id
    study = entries.select(pl.when(pl.col("source") == "AACT").then(pl.col("studyId")).alias("studyId"))
    spelled = entries.hstack(aligned(study, ["studyId"], metadata.filter(pl.col("source") == "AACT").drop("source")))
    name = codes.name
    exploded = codes.to_frame().with_row_index("_pair").explode(name)
    return (
        gathered(spelled, exploded[name])
        .with_columns(exploded["_pair"].set_sorted())  # in order: grouped as runs
        .group_by("_pair", maintain_order=True)
        .agg(pl.struct(pl.exclude("_pair")).alias(name))[name]
    )


COUNT_COLUMNS = (
    "trials_with_results",
    "primary_met",
    "primary_not_met",
    "primary_mixed",
    "stopped_for_safety",
    "stopped_for_efficacy",
)


def _trial_counts(
    keyed: pl.DataFrame, verdicts: pl.DataFrame, stops: pl.DataFrame, roles: pl.DataFrame | None
) -> pl.DataFrame:
    """(drug_key, disease_key, the counts of `COUNT_COLUMNS`) of each pair with a verdict or a counted stop; the
    other pairs' counts are 0. The evidence rows are joined to the (study, drug) verdicts and to the stopped
    studies alone, each kept only where it matches: only a fifth of the rows can count at scale 1, and looking
    up a verdict, a stop group and a role for each of the 2 M rows took as long as the counting. With `roles`, a
    stop counts only for the drug the study tests (`tested_drug_stop`)."""
    rows = keyed.lazy().select("drug_key", "disease_key", "studyId")
    judged = rows.join(verdicts.lazy().filter(pl.col("_verdict").is_not_null()), on=["studyId", "drug_key"])
    stopped = rows.join(stops.lazy().filter(pl.col("_stop_group").is_in(["Safety", "Negative"])), on="studyId")
    if roles is not None:
        stopped = stopped.join(roles.lazy(), on=["studyId", "drug_key"]).select(
            "drug_key", "disease_key", "studyId", _stop_group=tested_drug_stop("_stop_group", "_role")
        )
    trials = pl.col("studyId")
    counts = (
        pl.concat([judged, stopped], how="diagonal")
        .group_by("drug_key", "disease_key")
        .agg(
            trials_with_results=trials.filter(pl.col("_verdict").is_not_null()).n_unique(),
            primary_met=trials.filter(pl.col("_verdict").is_in(MET_VERDICTS)).n_unique(),
            primary_not_met=trials.filter(pl.col("_verdict").is_in(NOT_MET_VERDICTS)).n_unique(),
            primary_mixed=trials.filter(pl.col("_verdict") == "MIXED").n_unique(),
            stopped_for_safety=trials.filter(pl.col("_stop_group") == "Safety").n_unique(),
            stopped_for_efficacy=trials.filter(pl.col("_stop_group") == "Negative").n_unique(),
        )
        .collect()
    )
    return counts.with_columns(pl.col(COUNT_COLUMNS).cast(pl.UInt32))


@describes(FINAL_COLUMNS)
def drug_disease_pairs(
    evidence: pl.LazyFrame | pl.DataFrame,
    trial_efficacy: pl.LazyFrame | pl.DataFrame | None = None,
    stop_reasons: pl.LazyFrame | pl.DataFrame | None = None,
    drug_warnings: pl.DataFrame | None = None,
    drug_lookup: pl.DataFrame | None = None,
    trial_roles: pl.LazyFrame | pl.DataFrame | None = None,
    trials: pl.LazyFrame | pl.DataFrame | None = None,
) -> pl.DataFrame:
    """One row per drug-disease pair, keyed by id when mapped and by the normalised label otherwise.

    With `trial_efficacy`, each pair counts its trials that posted results (`trials_with_results`) and those
    whose primary verdict for the drug met its objective (`primary_met`: MET or NON_INFERIOR), did not
    (`primary_not_met`: NOT_MET or NI_NOT_SHOWN), or both, by outcome or dose (`primary_mixed`); the other
    verdicts (cannot tell) are in none of the counts.
    With `stop_reasons`, each pair counts its studies stopped in the Safety group (`stopped_for_safety`) and in
    the Negative group (`stopped_for_efficacy`); a study stopped for both is a safety stop, as its group says.
    With `trial_roles`, a study's stop counts only for the drug it tests (INVESTIGATIONAL): "Drug X vs
    warfarin", stopped for bleeding, says nothing of warfarin; a drug whose role the record does not give is not
    counted.
    With `drug_warnings` and `drug_lookup`, each pair lists its drug's warnings (`warnings.warnings_by_drug`),
    which change nothing else of the pair: a withdrawal is no lost approval and no lower stage.
    With `trials` (the `trials` asset), each AACT entry of `sources` carries its study's metadata
    (`aact.TRIAL_METADATA`: sponsor, literature, enrollment, dates, design, results posted); without it, and for
    the other sources, those fields are null (`with_trial_metadata`).

    Only the columns a pair is made of are read: from the evidence file that is about half of its columns (no
    methods, candidates, dates or free text), which is less to decode and less to hold at this step's peak.
    The result is validated before it is returned: a `FinalDataError` fails the asset, so the IO manager never
    replaces the last good file with a broken one.
    """
    present = set(evidence.lazy().collect_schema().names())
    evidence = (
        evidence.lazy()
        .select(
            *PAIR_COLUMNS,
            *(
                pl.col(name) if name in present else pl.lit(None, dtype).alias(name)
                for name, dtype in OPTIONAL_PAIR_COLUMNS.items()
            ),
        )
        .collect()
    )
    without_disease = evidence["disease_id"].is_null() & evidence["disease_name"].is_null()
    record("rows_without_disease", without_disease.sum())  # e.g. an approval whose notes name no known disease
    with_disease = evidence.filter(~without_disease)
    keyed = with_disease.hstack(pair_keys(with_disease)).with_columns(
        clinical_stage=pl.col("clinical_stage").cast(STAGE_DTYPE)
    )
    verdicts = (
        trial_efficacy.lazy().select("studyId", "drug_key", _verdict="primary_verdict").collect()
        if trial_efficacy is not None
        else pl.DataFrame(schema={"studyId": pl.String, "drug_key": pl.String, "_verdict": pl.String})
    )
    stops = (
        stop_reasons.lazy().select("studyId", _stop_group="stop_group").collect()
        if stop_reasons is not None
        else pl.DataFrame(schema={"studyId": pl.String, "_stop_group": pl.String})
    )
    roles = (
        trial_roles.lazy().select("studyId", "drug_key", _role="role").collect() if trial_roles is not None else None
    )
    is_approval = pl.col("clinical_stage") == "APPROVAL"
    codes, entries = source_entries(keyed)
    keyed = keyed.with_columns(codes)
    # Every value is chosen without regard to the rows' order: a key's name is its vocabulary name, else the
    # first of its labels in sort order; lists are sorted.
    pairs = keyed.group_by("drug_key", "disease_key").agg(
        drug_name=pl.coalesce("drug_vocabulary_name", "drug_name", "drug_id").min(),
        disease_name=pl.coalesce("disease_vocabulary_name", "disease_name", "disease_id").min(),
        drug_id=pl.col("drug_id").min(),
        disease_id=pl.col("disease_id").min(),
        max_clinical_stage=pl.col("clinical_stage").max(),
        approval=pl.struct("source", date="approval_date").filter(is_approval).unique().sort(),
        sources=pl.col("_entry").unique().sort(),
    )
    counts = _trial_counts(keyed, verdicts, stops, roles)
    pairs = pairs.hstack(aligned(pairs, ["drug_key", "disease_key"], counts, nulls_equal=True))
    if drug_warnings is not None and drug_lookup is not None:
        warned = warnings_by_drug(drug_warnings, drug_lookup)
    else:
        warned = pl.DataFrame(schema={"drug_id": pl.String, "warnings": WARNINGS_DTYPE})
    pairs = pairs.hstack(aligned(pairs, ["drug_id"], warned))
    # the evidence rows (2 M at scale 1) are not read past the grouping: freed before the sources entries widen
    del evidence, with_disease, keyed, codes
    # one sort, by the names and then the keys (a stable sort by names after one by keys gives the same order),
    # while the sources are still lists of integers: sorted with their trials' metadata, they took 0.2 s more
    pairs = pairs.sort("drug_name", "disease_name", "drug_id", "disease_id", "drug_key", "disease_key", nulls_last=True)
    final = pairs.select(
        pair_id=pair_ids(pairs["drug_key"], pairs["disease_key"]),
        drug_name="drug_name",
        disease_name="disease_name",
        drug_id="drug_id",
        disease_id="disease_id",
        max_clinical_stage=pl.col("max_clinical_stage").cast(pl.String),
        mapping_status=_mapping_status(),
        approval=pl.when(pl.col("approval").list.len() > 0).then("approval"),
        sources=with_trial_metadata(pairs["sources"], entries, trial_metadata(trials)),
        **{count: pl.col(count).fill_null(0) for count in COUNT_COLUMNS},
        warnings="warnings",
    )
    for status, count in final["mapping_status"].value_counts().iter_rows():
        record(f"pairs/{status}", count)
    for stage, count in final["max_clinical_stage"].value_counts().iter_rows():
        record(f"pairs/stage/{stage}", count)
    for source, count in (
        final.select(pl.col("sources").list.eval(pl.element().struct["source"].unique()))["sources"]
        .explode()
        .value_counts()
        .iter_rows()
    ):
        record(f"pairs/source/{source}", count)
    record("pairs", final.height)
    if problems := validate_final(final):
        raise FinalDataError("final_df failed validation: " + "; ".join(problems))
    return final

"""Mapping free-text drug and disease labels to vocabulary ids, tier by tier, in Polars joins.

Each side gets an id, the vocabulary name, the method that found it and, when a label matches several ids at
the same tier, the candidates: such a label stays unmapped instead of multiplying the evidence row.
"""

import polars as pl

from clinical_mining.column_docs import describes
from clinical_mining.step_stats import record
from clinical_mining.steps.evidence.columns import EVIDENCE_COLUMNS
from clinical_mining.steps.mapping.labels import DOSE, aligned, gathered, label_codes, normalise
from clinical_mining.steps.mapping.lookups import (
    COMBINATION_SPLIT,
    RESOLVED_SCHEMA,
    Side,
    is_abbreviation,
    is_generic,
    resolve_labels,
)
from clinical_mining.text import clean_text


def _curated(evidence: pl.DataFrame, curation: pl.DataFrame, side: Side) -> pl.DataFrame:
    """Evidence rows with the curated ids of their (study, label); a label curated to several ids (a combination)
    keeps its row with the first id and gains an appended row for each other id (appended, the wide frame is not
    copied)."""
    label, id_column, method = f"{side}_name", f"{side}_id", f"{side}_method"
    curated = (
        curation.lazy()
        .filter(pl.col(id_column).is_not_null())
        .group_by("studyId", label)
        .agg(pl.col(id_column).unique().sort().alias("_curated"))
        .collect()
    )
    ids = aligned(evidence, ["studyId", label], curated)["_curated"]
    use = evidence[id_column].is_null() & ids.is_not_null()
    if not use.any():
        return evidence
    updated = evidence.with_columns(
        pl.when(use).then(ids.list.first()).otherwise(pl.col(id_column)).alias(id_column),
        pl.when(use).then(pl.lit("curation")).otherwise(pl.col(method)).alias(method),
    )
    several = use & (ids.list.len() > 1)
    if not several.any():
        return updated
    others = updated.filter(several).with_columns(ids.filter(several).list.slice(1).alias(id_column))
    return pl.concat([updated, others.explode(id_column)], rechunk=False)


def to_parents(
    evidence: pl.DataFrame, drug_lookup: pl.DataFrame, figure: str = "drug/ids_folded_to_parent"
) -> pl.DataFrame:
    """Drug ids a source or the curation gave for a salt or form (CHEMBL1642, imatinib mesylate) replaced by the
    parent's (CHEMBL941): one molecule, one id, as the labels already resolve."""
    parents = drug_lookup.filter(kind="chembl_id").select(_key="label", _parent="id")
    rows = evidence["drug_id"].is_not_null().arg_true()  # most rows have no id yet: only those with one are read
    given = evidence["drug_id"].gather(rows)
    parent = aligned(given.str.to_lowercase().to_frame("_key"), ["_key"], parents)["_parent"]
    folded = parent.is_not_null() & (parent != given)
    record(figure, int(folded.sum()))
    if not folded.any():
        return evidence
    return _rewritten(evidence, rows.filter(folded), parent.filter(folded).to_frame("drug_id"))


def _fill(evidence: pl.DataFrame, side: Side, found: pl.DataFrame, on: list[str]) -> pl.DataFrame:
    """Take id, method and candidates from `found` (keyed by `on`) for the rows still open on `side`: no id and
    no candidates. A row an earlier tier found ambiguous keeps its method and candidates."""
    if not found.height:
        return evidence
    return _filled(evidence, side, aligned(evidence, on, found.select(*on, "id", "method", "candidates")))


def _filled(evidence: pl.DataFrame, side: Side, match: pl.DataFrame) -> pl.DataFrame:
    """`_fill` from `match`, the id, method and candidates found for each row of `evidence` (null where none)."""
    id_column, method, candidates = f"{side}_id", f"{side}_method", f"{side}_candidates"
    hit = (
        pl.col(id_column).is_null()
        & pl.col(candidates).is_null()
        & (match["id"].is_not_null() | match["candidates"].is_not_null())
    )
    return evidence.with_columns(
        pl.when(hit).then(match["method"]).otherwise(method).alias(method),
        pl.when(hit).then(match["candidates"]).otherwise(candidates).alias(candidates),
        pl.when(hit).then(match["id"]).otherwise(id_column).alias(id_column),
    )


def _by_label(
    evidence: pl.DataFrame, side: Side, distinct: pl.Series, code: pl.Series, lookup: pl.DataFrame
) -> pl.DataFrame:
    """`resolve_labels`' id, method and candidates for each row of `evidence`, resolving only the distinct labels
    of the rows still open on `side` (no id, no candidates), each once."""
    open_ = evidence[f"{side}_id"].is_null() & evidence[f"{side}_candidates"].is_null()
    found = resolve_labels(distinct.gather(code.filter(open_).unique()), lookup, side)
    by_code = aligned(distinct.to_frame("raw"), ["raw"], found.select("raw", "id", "method", "candidates"))
    return by_code.select(pl.all().gather(code))


def _by_other_names(evidence: pl.DataFrame, other_names: pl.DataFrame, lookup: pl.DataFrame) -> pl.DataFrame:
    """(intervention_id, id) when the sponsor's other names of an intervention point to exactly one drug."""
    names = resolve_labels(other_names["name"], lookup, "drug").filter(pl.col("id").is_not_null())
    pending = evidence.lazy().filter(pl.col("drug_id").is_null()).select("intervention_id").unique().collect()
    found = (
        other_names.join(pending, on="intervention_id")
        .join(names.select(name="raw", found="id"), on="name")
        .group_by("intervention_id")
        .agg(pl.col("found").unique().sort())
    )
    return found.select(
        "intervention_id",
        id=pl.when(pl.col("found").list.len() == 1).then(pl.col("found").list.first()),
        method=pl.lit("other_name"),
        candidates=pl.when(pl.col("found").list.len() > 1).then("found"),
    )


def _by_mesh(evidence: pl.DataFrame, browse: pl.DataFrame, mesh: pl.DataFrame, lookup: pl.DataFrame) -> pl.DataFrame:
    """(studyId, disease_name, id) for the one condition label of a study still unmapped, when the study's MeSH
    terms name exactly one disease that none of its other conditions already has. A study with two unmapped
    labels gets nothing (which of them the term names cannot be told), nor does a generic or healthy-volunteer
    label."""
    rows = evidence.lazy().select("studyId", "disease_name", "disease_id")
    unmapped = (
        rows.filter(pl.col("disease_id").is_null() & pl.col("disease_name").is_not_null())
        .select("studyId", "disease_name")
        .unique()
        .filter(pl.len().over("studyId") == 1)
        .collect()
    )
    pending = unmapped.filter(~is_generic(pl.col("disease_name"), "disease"))
    studies = pending.select("studyId").unique()
    terms = (
        browse.lazy()
        .select(studyId="nct_id", term="mesh_term")
        .join(studies.lazy(), on="studyId", how="semi")
        .unique()
        .collect()
    )
    distinct = terms.select("term").unique()
    term_diseases = pl.concat(
        [
            distinct.join(mesh, left_on=normalise(pl.col("term")), right_on="mesh_term").select("term", "disease_id"),
            resolve_labels(distinct["term"], lookup, "disease")
            .filter(pl.col("id").is_not_null())
            .select(term="raw", disease_id="id"),
        ]
    )
    study_diseases = terms.join(term_diseases, on="term").select("studyId", "disease_id").unique()
    taken = (
        rows.filter(pl.col("disease_id").is_not_null())
        .join(studies.lazy(), on="studyId", how="semi")
        .select("studyId", "disease_id")
        .unique()
    )
    free = study_diseases.lazy().join(taken, on=["studyId", "disease_id"], how="anti")
    found = (
        pending.lazy()
        .join(free, on="studyId")
        .group_by("studyId", "disease_name")
        .agg(pl.col("disease_id").unique().sort().alias("found"))
        .collect()
    )
    return found.select(
        "studyId",
        "disease_name",
        id=pl.when(pl.col("found").list.len() == 1).then(pl.col("found").list.first()),
        method=pl.lit("mesh"),
        candidates=pl.when(pl.col("found").list.len() > 1).then("found"),
    )


def _by_context(evidence: pl.DataFrame, other_names: pl.DataFrame | None, lookup: pl.DataFrame) -> pl.DataFrame:
    """(studyId, drug_name, id) for an AACT label left ambiguous (a trade name several molecules share) when
    the study itself says which candidate it means: exactly one candidate is among the ids of the
    intervention's other names or of the study's other mapped drugs. Two candidates both named there, or none,
    leave the label ambiguous."""
    ambiguous = (
        evidence.lazy()
        .filter(pl.col("drug_candidates").is_not_null() & pl.col("intervention_id").is_not_null())
        .select("studyId", "drug_name", "intervention_id", candidate="drug_candidates")
        .unique(["studyId", "drug_name", "intervention_id"])
        .collect()
    )
    if not ambiguous.height:
        return pl.DataFrame(schema={"studyId": pl.String, "drug_name": pl.String, **RESOLVED_SCHEMA}).drop("raw")
    studies = ambiguous.select("studyId").unique()
    mapped = (
        evidence.lazy()
        .filter(pl.col("drug_id").is_not_null())
        .join(studies.lazy(), on="studyId", how="semi")
        .select("studyId", context="drug_id")
    )
    named: list[pl.LazyFrame] = [mapped]
    if other_names is not None and other_names.height:
        names = other_names.join(ambiguous.select("intervention_id").unique(), on="intervention_id")
        ids = resolve_labels(names["name"], lookup, "drug").filter(pl.col("id").is_not_null())
        named.append(
            names.lazy()
            .join(ids.lazy().select(name="raw", context="id"), on="name")
            .join(ambiguous.lazy().select("studyId", "intervention_id").unique(), on="intervention_id")
            .select("studyId", "context")
        )
    context = pl.concat(named).unique()
    found = (
        ambiguous.lazy()
        .explode("candidate")
        .join(context, left_on=["studyId", "candidate"], right_on=["studyId", "context"], how="semi")
        .group_by("studyId", "drug_name")
        .agg(pl.col("candidate").unique().sort().alias("found"))
        .filter(pl.col("found").list.len() == 1)
        .collect()
    )
    return found.select(
        "studyId",
        "drug_name",
        id=pl.col("found").list.first(),
        vocabulary_name=pl.lit(None, pl.String),
        method=pl.lit("context"),
        candidates=pl.lit(None, pl.List(pl.String)),
    )


def _rewritten(evidence: pl.DataFrame, rows: pl.Series, changed: pl.DataFrame) -> pl.DataFrame:
    """`evidence` with the columns of `changed` replaced at `rows` (its row numbers, in `changed`'s order): the
    few rows a late rule decides are written back by number, a gather, where joining the whole evidence on its
    labels would hash every row's strings."""
    source = pl.repeat(None, evidence.height, dtype=pl.UInt32, eager=True).scatter(
        rows, pl.int_range(len(rows), dtype=pl.UInt32, eager=True)
    )
    hit = source.is_not_null()
    return evidence.with_columns(
        pl.when(hit).then(changed[c].gather(source)).otherwise(pl.col(c)).alias(c) for c in changed.columns
    )


def _settled(evidence: pl.DataFrame, found: pl.DataFrame) -> pl.DataFrame:
    """The ambiguous drug rows `found` settles (keyed by study and label) given its id, method and no candidates."""
    rows = evidence["drug_candidates"].is_not_null().arg_true()
    if not found.height or not len(rows):
        return evidence
    sub = evidence[rows].select("studyId", "drug_name", "drug_id", "drug_method", "drug_candidates")
    match = aligned(sub, ["studyId", "drug_name"], found.select("studyId", "drug_name", "id", "method"))
    settle = match["id"].is_not_null()
    record("drug/ambiguous_settled_by_study", int(settle.sum()))
    changed = sub.select(
        pl.when(settle).then(match["id"]).otherwise(pl.col("drug_id")).alias("drug_id"),
        pl.when(settle).then(match["method"]).otherwise(pl.col("drug_method")).alias("drug_method"),
        pl.when(settle).then(None).otherwise(pl.col("drug_candidates")).alias("drug_candidates"),
    )
    return _rewritten(evidence, rows, changed)


# "... non-small cell lung cancer (NSCLC) ...": the text before a parenthesised abbreviation, back to the last
# punctuation (unbounded, so the automaton stays small: only the last words are read)
ABBREVIATION_DEFINITION = r"([^()\[\],.;:!?]*?)\s*\(\s*([A-Z0-9][A-Z0-9\-]*[A-Z0-9])\s*\)"


MAX_ABBREVIATION = 12  # characters; a longer "abbreviation" in capitals is a word written in capitals


def _in_order(frame: pl.LazyFrame) -> pl.LazyFrame:
    """The rows whose `long_form` starts with the first of `letters` and holds the others in order, found one
    after another by literal searches, a column per step (a regular expression per abbreviation would be
    compiled per row)."""
    letters, long_form = pl.col("letters"), pl.col("long_form")
    frame = frame.with_columns(
        _holds=long_form.str.starts_with(letters.str.slice(0, 1)) & (letters.str.len_chars() <= MAX_ABBREVIATION),
        _position=pl.lit(1, pl.UInt32),
    )
    for index in range(1, MAX_ABBREVIATION):
        letter = letters.str.slice(index, 1)
        found = long_form.str.slice(pl.col("_position")).str.find(letter, literal=True).cast(pl.UInt32)
        frame = frame.with_columns(_found=pl.when(letter != "").then(found)).with_columns(
            _holds=pl.col("_holds") & ((letter == "") | pl.col("_found").is_not_null()),
            _position=pl.when(letter == "").then("_position").otherwise(pl.col("_position") + pl.col("_found") + 1),
        )
    return frame.filter(pl.col("_holds").fill_null(False)).drop("_holds", "_position", "_found")


def _long_forms(texts: pl.LazyFrame, pending: pl.DataFrame) -> pl.DataFrame:
    """(studyId, disease_name, long_form) for each place a study's text defines one of its abbreviation labels:
    the shortest run of the words before "(ABBR)" that starts with the abbreviation's first character and holds
    all its characters in order (Schwartz and Hearst's rule), of at most min(n + 5, 2n) words."""
    definitions = (
        texts.join(pending.lazy().select("studyId").unique(), on="studyId", how="semi")
        .select("studyId", found=clean_text(pl.col("text")).str.extract_all(ABBREVIATION_DEFINITION))
        .explode("found")
        .drop_nulls("found")
        .select("studyId", parts=pl.col("found").str.extract_groups(ABBREVIATION_DEFINITION))
        .select("studyId", before=pl.col("parts").struct["1"], disease_name=pl.col("parts").struct["2"])
        .join(pending.lazy(), on=["studyId", "disease_name"], how="semi")
        .with_columns(
            words=normalise(pl.col("before")).str.split(" "),
            letters=pl.col("disease_name").str.to_lowercase().str.replace_all(r"[^\p{L}\p{N}]", ""),
        )
        .with_columns(
            most=pl.min_horizontal(pl.col("letters").str.len_chars() + 5, 2 * pl.col("letters").str.len_chars())
        )
        .with_columns(
            occurrence=pl.int_range(pl.len()),
            length=pl.int_ranges(1, pl.min_horizontal(pl.col("words").list.len(), "most") + 1),
        )
        .explode("length")
        .with_columns(long_form=pl.col("words").list.slice(-pl.col("length"), pl.col("length")).list.join(" "))
        .pipe(_in_order)
        .sort("length")
        .unique(["occurrence"], keep="first")
        .select("studyId", "disease_name", "long_form")
        .unique()
    )
    return definitions.collect()


def _abbreviation_rows(evidence: pl.DataFrame, distinct: pl.Series, code: pl.Series) -> pl.Series:
    """Row numbers of the AACT rows whose condition label is written as an abbreviation (`label_codes` of the
    disease labels tell which rows those are without reading their strings)."""
    abbreviated = distinct.to_frame("label").select(is_abbreviation(pl.col("label").str.strip_chars()).fill_null(False))
    return (abbreviated.to_series().gather(code) & (evidence["source"] == "AACT")).arg_true()


def _by_abbreviation(
    evidence: pl.DataFrame, texts: pl.LazyFrame, lookup: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """What AACT studies' own titles and summaries say the abbreviation condition labels of `evidence` (the
    rows `_abbreviation_rows` chose) stand for: (studyId, disease_name, id, method, candidates) for the labels a
    study defines, its long forms resolved as labels (one id: method `abbreviation`; several: candidates), and
    separately the defined labels whose long form the vocabulary lacks. A label no study text defines is not
    touched here: a bare abbreviation is never guessed."""
    pending = (
        evidence.lazy()
        .select("studyId", "disease_name", _abbreviation=pl.col("disease_name").str.strip_chars())
        .unique()
        .collect()
    )
    empty = pl.DataFrame(schema={"studyId": pl.String, "disease_name": pl.String})
    if not pending.height:
        return empty.with_columns(id=pl.lit(None, pl.String)), empty
    long_forms = _long_forms(texts, pending.select("studyId", disease_name="_abbreviation")).rename(
        {"disease_name": "_abbreviation"}
    )
    long_forms = long_forms.join(pending, on=["studyId", "_abbreviation"]).drop("_abbreviation")
    resolved = resolve_labels(long_forms["long_form"], lookup, "disease")
    ids = (
        long_forms.join(resolved.select(long_form="raw", id="id", candidates="candidates"), on="long_form")
        .with_columns(ids=pl.when(pl.col("id").is_not_null()).then(pl.concat_list("id")).otherwise("candidates"))
        .group_by("studyId", "disease_name")
        .agg(pl.col("ids").list.explode(keep_nulls=False, empty_as_null=False).drop_nulls().unique().sort())
    )
    found = ids.filter(pl.col("ids").list.len() > 0).select(
        "studyId",
        "disease_name",
        id=pl.when(pl.col("ids").list.len() == 1).then(pl.col("ids").list.first()),
        method=pl.lit("abbreviation"),
        candidates=pl.when(pl.col("ids").list.len() > 1).then("ids"),
    )
    unknown = ids.filter(pl.col("ids").list.len() == 0).select("studyId", "disease_name")
    return found, unknown


def _study_texts(studies: pl.LazyFrame | None, brief_summaries: pl.LazyFrame | None) -> pl.LazyFrame:
    """(studyId, text): every title and summary of each study, where abbreviations are spelled out; cleaned
    (`text.clean_text`) only once the studies that need them are chosen."""
    parts = []
    if studies is not None:
        names = set(studies.collect_schema().names())
        titles = [column for column in ("brief_title", "official_title") if column in names]
        parts += [studies.select(studyId="nct_id", text=column) for column in titles]
    if brief_summaries is not None:
        parts.append(brief_summaries.select(studyId="nct_id", text="description"))
    if not parts:
        return pl.LazyFrame(schema={"studyId": pl.String, "text": pl.String})
    return pl.concat(parts).drop_nulls()


def _defined(evidence: pl.DataFrame, rows: pl.Series, found: pl.DataFrame, unknown: pl.DataFrame) -> pl.DataFrame:
    """The disease side of the abbreviation `rows` whose study defines their abbreviation: what the definition
    resolves to replaces a vocabulary match of the bare abbreviation ("MS" as multiple sclerosis, in a study of
    mitral stenosis (MS)); a definition the vocabulary lacks leaves the row unmapped. Only those rows are read
    and written back, so the wide evidence is not joined whole."""
    keys = ["studyId", "disease_name"]
    if not len(rows) or not (found.height or unknown.height):
        record("disease/abbreviation_defined_by_study", 0)
        return evidence
    sub = evidence[rows].select(*keys, "disease_id", "disease_method", "disease_candidates")
    match = aligned(sub, keys, found.select(*keys, _id="id", _method="method", _candidates="candidates"))
    lacking = aligned(sub, keys, unknown.with_columns(_lacking=pl.lit(True)))["_lacking"].fill_null(False)
    defined = match["_method"].is_not_null()
    replace = defined & ~(sub["disease_id"] == match["_id"]).fill_null(False)
    cleared = lacking & sub["disease_method"].is_in(["exact", "cleaned"]).fill_null(False)
    record("disease/abbreviation_defined_by_study", int(defined.sum()))
    record("disease/abbreviation_overrode_vocabulary", int((replace & sub["disease_id"].is_not_null()).sum()))
    record("disease/abbreviation_defined_not_in_vocabulary", int(lacking.sum()))
    changed = sub.select(
        pl.when(replace)
        .then(match[f"_{field}"])
        .when(cleared)
        .then(None)
        .otherwise(f"disease_{field}")
        .alias(f"disease_{field}")
        for field in ("id", "method", "candidates")
    )
    return _rewritten(evidence, rows, changed)


COMPONENT_COLUMNS = ["combination_label", "drug_name", "drug_id", "drug_method", "drug_candidates"]


def _split_combinations(
    evidence: pl.DataFrame, lookup: pl.DataFrame, distinct: pl.Series, code: pl.Series
) -> pl.DataFrame:
    """Unmapped drug labels naming several drugs ("A + B", "A/B", "A and B") become one row per component that
    resolves to a drug (or to candidates), the whole label kept in `combination_label`; components that resolve
    to nothing or to a generic label ("Placebo", "standard treatment") are no evidence and give no row. A label
    none of whose components resolves keeps its row as it was. Doses ("5 MG/ML") are removed before splitting,
    so a unit is never a component. The first component in the label's own order takes the label's row and the
    others are appended, so the wide frame is not copied; rows find their label's components by its
    `label_codes` position."""
    open_ = evidence["drug_id"].is_null() & evidence["drug_candidates"].is_null()
    labels = distinct.gather(code.filter(open_).unique()).drop_nulls().to_frame("drug_name")
    cleaned_label = pl.col("drug_name").str.replace_all(DOSE, " ")
    components = (
        labels.filter(cleaned_label.str.contains(COMBINATION_SPLIT))
        .select(
            "drug_name",
            part=cleaned_label.str.replace_all(COMBINATION_SPLIT, "\x1f")
            .str.split("\x1f")
            .list.eval(pl.element().str.strip_chars().filter(pl.element() != ""))
            .list.unique(maintain_order=True),
        )
        .explode("part")
        .drop_nulls("part")
        .with_columns(_position=pl.int_range(pl.len(), dtype=pl.UInt32).over("drug_name"))
    )
    if not components.height:
        return evidence
    resolved = resolve_labels(components["part"], lookup, "drug").filter(
        pl.col("id").is_not_null() | pl.col("candidates").is_not_null()
    )
    usable = components.join(resolved.select(part="raw", _id="id", _candidates="candidates"), on="part")
    if not usable.height:
        return evidence
    positions = distinct.to_frame("drug_name").with_columns(_code=pl.int_range(pl.len(), dtype=pl.UInt32))
    rows = pl.DataFrame({"_row": pl.int_range(evidence.height, dtype=pl.UInt32, eager=True), "_code": code})
    parts = (
        rows.lazy()
        .filter(open_)
        .join(usable.lazy().join(positions.lazy(), on="drug_name"), on="_code")
        .sort("_row", "_position")
        .select(
            "_row",
            _first=pl.int_range(pl.len()).over("_row") == 0,
            combination_label="drug_name",
            drug_name="part",
            drug_id="_id",
            drug_method=pl.when(pl.col("_id").is_not_null()).then(pl.lit("combination")),
            drug_candidates="_candidates",
        )
        .collect()
    )
    first = parts.filter("_first")
    in_place = _rewritten(evidence, first["_row"], first.select(COMPONENT_COLUMNS))
    others = parts.filter(~pl.col("_first"))
    appended = evidence[others["_row"]].with_columns(others[c] for c in COMPONENT_COLUMNS).cast(in_place.schema)
    record("drug/combination_labels_split", int(usable["drug_name"].n_unique()))
    return pl.concat([in_place, appended], rechunk=False)


# What decides the order evidence rows are written in, so the same inputs in any row order give the same file:
# rows equal on these columns are equal on every other (a study's phase, status and dates; a label's methods and
# candidates).
EVIDENCE_ORDER = (
    "source",
    "studyId",
    "drug_name",
    "disease_name",
    "drug_id",
    "disease_id",
    "intervention_id",
    "combination_label",
    "url",
    "phase",
    "clinical_stage",
    "approval_date",
)


def _in_evidence_order(evidence: pl.DataFrame) -> pl.DataFrame:
    """`evidence` sorted on `EVIDENCE_ORDER`: source, study and the two labels in their text's order (nulls
    last), then the other columns by one 64-bit hash of them.

    Sorting a million rows on their strings compares the strings over and over. Each text column is instead
    replaced by its distinct values' rank (`label_codes`), and the ranks are packed side by side into as few
    64-bit integers as hold them, usually one: on a million mapped rows the arg-sort itself took 0.17 s against
    1.6 s on the texts, and with the ranks and the gather the whole 1.4 s against 1.7 s. Two different rows
    equal on the four texts would have to share a hash (about one chance in 2^64 per pair) to come out in their
    input order; ties are otherwise equal rows, so the sort need not be stable. The rows are gathered a column at
    a time (`gathered`): the appended combination rows leave the frame in several chunks."""
    keys = [c for c in EVIDENCE_ORDER if c in evidence.columns]
    texts = [c for c in ("source", "studyId", "drug_name", "disease_name") if c in keys]
    rest = [c for c in keys if c not in texts]
    words: list[pl.Series] = []
    used = 0
    for column in texts:
        distinct, code = label_codes(evidence[column])
        # a null value is the highest rank, so it sorts last
        rank = distinct.rank("ordinal").cast(pl.UInt64).fill_null(len(distinct)).gather(code)
        bits = len(distinct).bit_length()
        if not words or used + bits > 64:
            words.append(rank)
            used = bits
        else:
            words[-1] = words[-1] * pl.Series([1 << bits], dtype=pl.UInt64) + rank
            used += bits
    if rest:
        words.append(evidence.select(pl.struct(rest).hash()).to_series())
    if not words:
        return evidence
    order = pl.DataFrame({str(position): word for position, word in enumerate(words)})
    rows = order.select(pl.arg_sort_by(order.columns)).to_series()
    return gathered(evidence, rows)


@describes(EVIDENCE_COLUMNS)
def map_evidence(
    evidence: pl.DataFrame,
    drug_lookup: pl.DataFrame,
    disease_lookup: pl.DataFrame,
    curation: pl.DataFrame | None = None,
    mesh_lookup: pl.DataFrame | None = None,
    browse_conditions: pl.DataFrame | None = None,
    intervention_other_names: pl.DataFrame | None = None,
    studies: pl.LazyFrame | pl.DataFrame | None = None,
    brief_summaries: pl.LazyFrame | None = None,
) -> pl.DataFrame:
    """Evidence rows with drug and disease ids, vocabulary names, the method behind each id and, for labels that
    match several ids at one tier, the candidates (those rows stay unmapped, never multiplied).

    Trust order: ids the source gave (`source`, or the source's own method such as PMDA's `text_match`);
    ChEMBL's curation of the study's label (`curation`); the label (`exact`), then cleaned (`cleaned`: for a
    drug of doses, forms, salts and inverted word order, for a disease only of parentheses and inversion), a
    drug label also without a dose level or regimen ("High-dose X", "X loading dose": `regimen`), a disease
    label also without the qualifiers trials add before or after it ("advanced", "stage III", "acute", "in
    pregnancy", "- moderate": `qualified`); for AACT rows, what the study's own titles and summaries define an
    abbreviation label as (`abbreviation`, which replaces a vocabulary match of the bare abbreviation), the
    intervention's other names (`other_name`), a shared trade name settled by the study's other names or other
    drugs (`context`) and the study's MeSH terms (`mesh`); last, combinations split into their components
    (`combination`). Salts' ids become their parent's. Generic labels (placebo, standard of care, healthy
    volunteers...) never map. Rows come out in `EVIDENCE_ORDER` (`_in_evidence_order`), whatever the inputs'
    order.
    """
    mapped = evidence
    for side in ("drug", "disease"):
        id_column, method, candidates = f"{side}_id", f"{side}_method", f"{side}_candidates"
        if id_column not in mapped.columns:
            mapped = mapped.with_columns(pl.lit(None, pl.String).alias(id_column))
        given = pl.col(method) if method in mapped.columns else pl.lit(None, pl.String)
        mapped = mapped.with_columns(
            pl.when(pl.col(id_column).is_not_null()).then(pl.coalesce(given, pl.lit("source"))).alias(method),
            (pl.col(candidates) if candidates in mapped.columns else pl.lit(None, pl.List(pl.String))).alias(
                candidates
            ),
        )
        if curation is not None and curation.height:
            mapped = _curated(mapped, curation, side)
    mapped = to_parents(mapped, drug_lookup)
    # valid until combinations append rows: no step before them adds, drops or moves a row
    codes = {side: label_codes(mapped[f"{side}_name"]) for side in ("drug", "disease")}
    for side, lookup in (("drug", drug_lookup), ("disease", disease_lookup)):
        mapped = _filled(mapped, side, _by_label(mapped, side, *codes[side], lookup))
    if studies is not None or brief_summaries is not None:
        texts = _study_texts(studies.lazy() if studies is not None else None, brief_summaries)
        rows = _abbreviation_rows(mapped, *codes["disease"])
        mapped = _defined(mapped, rows, *_by_abbreviation(mapped[rows], texts, disease_lookup))
    if intervention_other_names is not None and "intervention_id" in mapped.columns:
        mapped = _fill(
            mapped, "drug", _by_other_names(mapped, intervention_other_names, drug_lookup), ["intervention_id"]
        )
    if "intervention_id" in mapped.columns:
        mapped = _settled(mapped, _by_context(mapped, intervention_other_names, drug_lookup))
    if browse_conditions is not None and mesh_lookup is not None:
        found = _by_mesh(mapped, browse_conditions, mesh_lookup, disease_lookup)
        mapped = _fill(mapped, "disease", found, ["studyId", "disease_name"])
    mapped = _split_combinations(
        mapped.with_columns(combination_label=pl.lit(None, pl.String)), drug_lookup, *codes["drug"]
    )
    for side, lookup in (("drug", drug_lookup), ("disease", disease_lookup)):
        names = (
            lookup.sort("id", "rank", "vocabulary_name", nulls_last=True)
            .unique("id", keep="first", maintain_order=True)
            .select(pl.col("id").alias(f"{side}_id"), pl.col("vocabulary_name").alias(f"{side}_vocabulary_name"))
        )
        mapped = mapped.hstack(aligned(mapped, [f"{side}_id"], names))
    mapped = _in_evidence_order(mapped)
    _record_coverage(mapped)
    return mapped


def coverage(evidence: pl.LazyFrame) -> dict[str, int | float]:
    """Per side: labels, labels mapped and ambiguous, label and row coverage (the mapping step's metadata and
    the `mapping_coverage` asset check both read these)."""
    figures: dict[str, int | float] = {}
    for side in ("drug", "disease"):
        mapped = pl.col(f"{side}_id").is_not_null()
        labels = (
            evidence.group_by(f"{side}_name")
            .agg(mapped.any().alias("mapped"), pl.col(f"{side}_candidates").is_not_null().any().alias("ambiguous"))
            .select(
                labels=pl.len(),
                labels_mapped=pl.col("mapped").sum(),
                labels_ambiguous=pl.col("ambiguous").sum(),
                label_coverage=pl.col("mapped").mean(),
            )
        )
        rows = evidence.select(rows_mapped=mapped.sum(), row_coverage=mapped.mean())
        for frame in pl.collect_all([labels, rows]):
            for name, value in frame.row(0, named=True).items():
                figures[f"{side}/{name}"] = round(value or 0.0, 4) if "coverage" in name else int(value or 0)
    return figures


def _record_coverage(mapped: pl.DataFrame) -> None:
    for name, value in coverage(mapped.lazy()).items():
        record(name, value)
    for side in ("drug", "disease"):
        for method, count in mapped[f"{side}_method"].drop_nulls().value_counts().iter_rows():
            record(f"{side}/method/{method}", count)

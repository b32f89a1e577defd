"""A seeded generator of AACT-shaped tables, and a writer of AACT's flat-file export format.

The same generator makes the embedded sample (a few hundred studies) and the benchmark data (scale 1.0 is the
size of the real registry), so both carry the real quirks: every phase, status and type spelling, placebos in
many spellings, combinations, doses and salts in names, codes, healthy volunteers, multi-line text with `|`
and quotes, ids above 400 million and near the top of PostgreSQL's integer range. Randomness comes from
hashing row numbers with the seed inside Polars, so a million rows take a second and no numpy is needed.
"""

from pathlib import Path

import polars as pl

from clinical_mining.sources.aact import aact_schema, column_dtype
from clinical_mining_tests.synthetic.entities import DISEASES, DRUGS
from clinical_mining_tests.synthetic.stop_reasons import TEXTS as STOP_REASON_TEXTS

STUDIES_AT_SCALE_1 = 560_000
MARKETING_APPROVAL_SHARE = 0.05  # of the expanded-access records drawn as approved, with `long_tail`: ~280 at scale 1
# a detailed description where the reason should be, as a shifted export field gives it: it names adverse
# events, and read as a reason it would be a safety stop
SHIFTED_FIELD = (
    "Participants receive the study drug once daily for 12 weeks. Safety assessments include adverse events, "
    "vital signs and laboratory tests at every visit; efficacy is assessed by the change from baseline. "
) * 25
STUDY_TYPES = ["INTERVENTIONAL"] * 15 + ["OBSERVATIONAL"] * 4 + ["EXPANDED_ACCESS"]
PHASES = ["NA", "EARLY_PHASE1", "PHASE1", "PHASE1/PHASE2", "PHASE2", "PHASE2/PHASE3", "PHASE3", "PHASE4", None]
STATUSES = [
    "RECRUITING",
    "NOT_YET_RECRUITING",
    "ACTIVE_NOT_RECRUITING",
    "ENROLLING_BY_INVITATION",
    "COMPLETED",
    "COMPLETED",
    "COMPLETED",
    "SUSPENDED",
    "TERMINATED",
    "WITHDRAWN",
    "UNKNOWN",
]
EXPANDED_ACCESS_STATUSES = [
    "AVAILABLE",
    "NO_LONGER_AVAILABLE",
    "TEMPORARILY_NOT_AVAILABLE",
    "APPROVED_FOR_MARKETING",
    "WITHHELD",
]
PURPOSES = [
    "TREATMENT",
    "TREATMENT",
    "TREATMENT",
    "PREVENTION",
    "DIAGNOSTIC",
    "SUPPORTIVE_CARE",
    "SCREENING",
    "HEALTH_SERVICES_RESEARCH",
    "BASIC_SCIENCE",
    "DEVICE_FEASIBILITY",
    "ECT",
    "OTHER",
]
PLACEBOS = ["Placebo", "placebo tablet", "Matching placebo", "Placebo Oral Tablet", "PLACEBO", "Placebos"]
NON_DRUGS = [
    ("DEVICE", "Insulin pump"),
    ("PROCEDURE", "Laparoscopic surgery"),
    ("RADIATION", "Stereotactic radiotherapy"),
    ("BEHAVIORAL", "Cognitive behavioural therapy"),
    ("GENETIC", "Gene expression profiling"),
    ("DIETARY_SUPPLEMENT", "Vitamin D3 supplement"),
    ("DIAGNOSTIC_TEST", "PET-CT scan"),
    ("OTHER", "Standard of care"),
]
UNKNOWN_DRUGS = ["Triazavirin", "ABC-1234", "Herbal extract XZ", "standard treatment COVID-19 + Triazavirin"]
HEALTHY = ["Healthy Volunteers", "Healthy", "Healthy Subjects"]
MESH_ANCESTORS = ["Diseases", "Pathological Conditions, Signs and Symptoms", "Chronic Disease"]
UNKNOWN_DISEASES = ["Post-operative ileus", "Ventilator weaning", "Vaccine response"]
# The real registry's labels have a long tail: of about a million intervention rows some 450 k names are
# distinct, of about a million condition rows some 120 k. With `long_tail`, that share of rows gets a study's own
# variant of its label: a dose written in (mapped once cleaned), a sponsor's compound code (not in any
# vocabulary), a qualifier (mapped without it) or a subtype (left to the study's MeSH terms).
LONG_TAIL_SHARE = {"interventions": 0.5, "conditions": 0.25}
COMPOUND_PREFIXES = ["ABT", "BAY", "BMS", "GSK", "JNJ", "LY", "MK", "PF", "RO", "SAR"]
# conditions some sponsors write as an abbreviation the vocabulary lacks, spelling it out in the title
ABBREVIATED_DISEASES = {
    "major depressive disorder": "MDD",
    "ulcerative colitis": "UC",
    "coronary artery disease": "CAD",
    "heart failure": "HF",
    "osteoarthritis": "OA",
}
CONDITION_QUALIFIERS = ["Advanced", "Recurrent", "Refractory", "Metastatic", "Newly Diagnosed"]
ID_BASES = {
    "interventions": 400_000_000,
    "conditions": 410_000_000,
    "browse_conditions": 420_000_000,
    "intervention_other_names": 430_000_000,
    "designs": 440_000_000,
    "study_references": 450_000_000,
    "brief_summaries": 2_140_000_000,
    "sponsors": 540_000_000,
}
# (name, agency_class) of sponsors as the registry writes them: industry, the NIH, other governments, networks,
# universities and hospitals (OTHER), and a sponsor-investigator (INDIV)
SPONSORS = [
    ("Pfizer", "INDUSTRY"),
    ("Novartis Pharmaceuticals", "INDUSTRY"),
    ("Eli Lilly and Company", "INDUSTRY"),
    ("AstraZeneca", "INDUSTRY"),
    ("National Cancer Institute (NCI)", "NIH"),
    ("National Heart, Lung, and Blood Institute (NHLBI)", "NIH"),
    ("VA Office of Research and Development", "FED"),
    ("Assistance Publique - Hôpitaux de Paris", "OTHER_GOV"),
    ("ECOG-ACRIN Cancer Research Group", "NETWORK"),
    ("Mayo Clinic", "OTHER"),
    ("University of Oxford", "OTHER"),
    ("Seoul National University Hospital", "OTHER"),
    ("Jane Doe, MD", "INDIV"),
]
MASKINGS = ["NONE", "NONE", "SINGLE", "DOUBLE", "TRIPLE", "QUADRUPLE", None]
RESULTS_POSTED_AFTER_DAYS = 400  # results are due a year after primary completion; posting (after QC) takes longer


def drug_labels() -> pl.DataFrame:
    """Intervention labels as sponsors write them, with type, other names and the true ChEMBL id (when one)."""
    rows: list[tuple[str, str, list[str], str | None]] = []
    for drug in DRUGS:
        title, chembl = drug.name.title(), drug.chembl_id
        rows += [
            ("DRUG", title, list(drug.trade_names[:1]), chembl),
            ("DRUG", f"{title} {10 * (len(drug.name) % 9 + 1)} mg tablet", [], chembl),
            ("DRUG", drug.name.lower(), list(drug.synonyms[1:2]), chembl),
        ]
        rows += [("DRUG", trade, [title], chembl) for trade in drug.trade_names[:1]]
        rows += [("DRUG", salt.title(), [], chembl) for _, salt in drug.salts]
    rows += [
        ("BIOLOGICAL", "Pembrolizumab (MK-3475)", ["Keytruda"], "CHEMBL3137343"),
        ("BIOLOGICAL", "Trastuzumab", ["Herceptin"], "CHEMBL1201585"),
        ("DRUG", "Pembrolizumab + Lenvatinib", [], None),
        ("COMBINATION_PRODUCT", "Metformin/Sitagliptin", ["Janumet"], None),
        ("DRUG", "Paclitaxel and Cisplatin", [], None),
        ("DRUG", "LCZ696", ["sacubitril/valsartan"], None),
    ]
    rows += [("DRUG", label, [], None) for label in PLACEBOS + UNKNOWN_DRUGS]
    rows += [(kind, label, [], None) for kind, label in NON_DRUGS]
    return pl.DataFrame(rows, schema=["intervention_type", "name", "other_names", "chembl_id"], orient="row")


def condition_labels() -> pl.DataFrame:
    """Condition labels as sponsors write them, with the MeSH heading ClinicalTrials.gov assigns and the true
    disease id (when one)."""
    rows: list[tuple[str, str | None, str | None]] = []
    for disease in DISEASES:
        heading, efo = disease.mesh_heading, disease.efo_id
        rows += [(disease.name.title(), heading, efo), (disease.name, heading, efo)]
        rows += [(synonym, heading, efo) for synonym in disease.exact_synonyms[:1]]
        if heading:
            rows.append((heading, heading, efo))
    rows += [(label, None, None) for label in HEALTHY + UNKNOWN_DISEASES]
    return pl.DataFrame(rows, schema=["name", "mesh_term", "efo_id"], orient="row")


def _uniform(seed: int, salt: int) -> pl.Expr:
    """A reproducible uniform number in [0, 1) per row."""
    return (pl.int_range(pl.len(), dtype=pl.UInt64).hash(seed * 7919 + salt) % 1_000_003).cast(pl.Float64) / 1_000_003


def _pick(options: list[object], seed: int, salt: int) -> pl.Expr:
    index = (_uniform(seed, salt) * len(options)).cast(pl.Int64)
    return pl.lit(pl.Series(options)).gather(index)


def _children(parents: pl.DataFrame, seed: int, salt: int, most: int) -> pl.DataFrame:
    """1..most child rows per parent row, keeping the parent's columns."""
    counts = parents.with_columns(_children=(_uniform(seed, salt) * most).cast(pl.Int64) + 1)
    return counts.select(pl.exclude("_children").repeat_by(pl.col("_children"))).explode(pl.all())


def _join_pool(frame: pl.DataFrame, pool: pl.DataFrame, seed: int, salt: int) -> pl.DataFrame:
    index = (_uniform(seed, salt) * pool.height).cast(pl.UInt32)
    return pl.concat([frame, pool[frame.select(index).to_series()]], how="horizontal")


def _ids(table: str, height: int, bases: dict[str, int] = ID_BASES) -> pl.Expr:
    """`height` ids for `table`, from its base in `bases` (each table its own range, as AACT's ids never meet)."""
    return pl.int_range(height, dtype=pl.Int64) * 3 + bases[table]


def _intervention_tail(seed: int) -> pl.Expr:
    share, draw = LONG_TAIL_SHARE["interventions"], _uniform(seed, 19)
    dose = (_uniform(seed, 20) * 995).cast(pl.Int64) + 5
    code = pl.format(
        "{}-{}", _pick(COMPOUND_PREFIXES, seed, 21), (_uniform(seed, 22) * 1_000_000).cast(pl.Int64) + 1000
    )
    return (
        pl.when(draw < share / 2)
        .then(pl.format("{} {} mg", pl.col("name"), dose))
        .when(draw < share)
        .then(code)
        .otherwise("name")
    )


def _condition_tail(seed: int) -> pl.Expr:
    share, draw = LONG_TAIL_SHARE["conditions"], _uniform(seed, 23)
    subtype = (_uniform(seed, 24) * 2_000).cast(pl.Int64) + 1
    return (
        pl.when(draw < share / 2)
        .then(pl.format("{} {}", _pick(CONDITION_QUALIFIERS, seed, 25), pl.col("name")))
        .when(draw < share)
        .then(pl.format("{} subtype {}", pl.col("name"), subtype))
        .otherwise("name")
    )


def _abbreviated(conditions: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every second condition of `ABBREVIATED_DISEASES` written as its abbreviation, and per study the words of
    its official title that spell the abbreviation out ("... in adults with heart failure (HF)"), as sponsors
    write them."""
    abbreviation = pl.col("name").str.to_lowercase().replace_strict(ABBREVIATED_DISEASES, default=None)
    flagged = conditions.with_columns(_abbreviation=abbreviation).with_columns(
        _defined=pl.col("_abbreviation").is_not_null()
        & (pl.col("_abbreviation").is_not_null().cast(pl.Int64).cum_sum() % 2 == 0)
    )
    definitions = (
        flagged.filter("_defined")
        .group_by("nct_id", maintain_order=True)
        .agg(definition=pl.format(" in adults with {} ({})", "name", "_abbreviation").str.join(","))
    )
    written = flagged.with_columns(name=pl.when("_defined").then("_abbreviation").otherwise("name"))
    return written.drop("_abbreviation", "_defined"), definitions


def _why_stopped(status: pl.Expr, seed: int) -> pl.Expr:
    """A stopped study's reason, drawn from the hand-labelled texts; of every 150 stopped studies one gives a
    5,000-character text (a field shifted in an export) and one a reason strewn with control characters, and
    one writes the export's delimiter, a quote and a line break into its reason."""
    stopped = status.is_in(["TERMINATED", "WITHDRAWN", "SUSPENDED"])
    rank = stopped.cast(pl.Int64).cum_sum() % 150
    return (
        pl.when(~stopped)
        .then(None)
        .when(rank == 1)
        .then(pl.lit(SHIFTED_FIELD))
        .when(rank == 2)
        .then(pl.lit("Slow\x0baccrual\x1f at\x07 all sites"))
        .when(rank == 3)
        .then(pl.lit('Sponsor decision | funding ended\nafter "portfolio" review'))
        .otherwise(_pick(STOP_REASON_TEXTS, seed, 26))
    )


def generate_aact(studies: int, seed: int = 7, long_tail: bool = False) -> dict[str, pl.DataFrame]:
    """AACT's tables for `studies` studies, typed as AACT's schema says (see `sources.aact.column_dtype`);
    `long_tail` gives intervention and condition labels the real registry's spread (`LONG_TAIL_SHARE`), and
    approvals for marketing its rarity (`MARKETING_APPROVAL_SHARE`)."""
    base = pl.DataFrame({"n": pl.int_range(studies, eager=True)})
    study = base.select(
        nct_id=pl.format("NCT{}", (pl.col("n") + 1_000_000).cast(pl.String).str.zfill(8)),
        study_type=_pick(STUDY_TYPES, seed, 1),
        phase=_pick(PHASES, seed, 2),
        status=_pick(STATUSES, seed, 3),
        ea_status=_pick(EXPANDED_ACCESS_STATUSES, seed, 4),
        start_date=pl.date(2000, 1, 1) + pl.duration(days=(_uniform(seed, 5) * 9000).cast(pl.Int64)),
        duration=pl.duration(days=(_uniform(seed, 6) * 2000).cast(pl.Int64) + 30),
        enrollment=(_uniform(seed, 7) * 2000).cast(pl.Int64) + 1,
        arms=(_uniform(seed, 8) * 4).cast(pl.Int64) + 1,
        title_kind=(_uniform(seed, 9) * 4).cast(pl.Int64),
    )
    is_ea = pl.col("study_type") == "EXPANDED_ACCESS"
    if long_tail:  # the registry has a few hundred expanded-access records approved for marketing, not thousands
        approved = pl.col("ea_status") == "APPROVED_FOR_MARKETING"
        study = study.with_columns(
            ea_status=pl.when(approved & (_uniform(seed, 27) >= MARKETING_APPROVAL_SHARE))
            .then(pl.lit("NO_LONGER_AVAILABLE"))
            .otherwise("ea_status")
        )
    status = pl.when(is_ea).then("ea_status").otherwise("status")
    studies_table = study.select(
        "nct_id",
        "study_type",
        phase=pl.when(pl.col("study_type") == "INTERVENTIONAL").then("phase"),
        overall_status=status,
        why_stopped=_why_stopped(status, seed),
        start_date="start_date",
        completion_date=(pl.col("start_date") + pl.col("duration")).dt.month_end(),
        primary_completion_date=(pl.col("start_date") + pl.col("duration") * 0.8).dt.month_end(),
        number_of_arms=pl.when(~is_ea).then("arms"),
        enrollment="enrollment",
        brief_title=pl.format("Study {} of an investigational treatment", pl.col("nct_id")),
        official_title=pl.when(pl.col("title_kind") == 0)
        .then(pl.format("A Randomized Trial | {}\nSecond line of the title", pl.col("nct_id")))
        .otherwise(pl.format("Official title of {}", pl.col("nct_id"))),
    )

    nct = studies_table.select("nct_id")
    interventions = _join_pool(_children(nct, seed, 10, 3), drug_labels(), seed, 11)
    interventions = interventions.with_columns(id=_ids("interventions", interventions.height))
    if long_tail:
        interventions = interventions.with_columns(name=_intervention_tail(seed))
    interventions_table = interventions.select(
        "id", "nct_id", "intervention_type", "name", description=pl.format("Given as {} daily", pl.col("name"))
    )
    other_names = (
        interventions.select(intervention_id="id", nct_id="nct_id", name="other_names").explode("name").drop_nulls()
    )
    other_names = other_names.select(
        id=_ids("intervention_other_names", other_names.height),
        nct_id="nct_id",
        intervention_id="intervention_id",
        name="name",
    )

    conditions = _join_pool(_children(nct, seed, 12, 3), condition_labels(), seed, 13)
    conditions = conditions.with_columns(id=_ids("conditions", conditions.height))
    if long_tail:
        conditions = conditions.with_columns(name=_condition_tail(seed))
    conditions, definitions = _abbreviated(conditions)
    studies_table = studies_table.join(definitions, on="nct_id", how="left", maintain_order="left").select(
        pl.exclude("definition", "official_title"),
        official_title=pl.concat_str("official_title", pl.col("definition").fill_null("")),
    )
    conditions_table = conditions.select("id", "nct_id", "name", downcase_name=pl.col("name").str.to_lowercase())
    mesh = conditions.filter(pl.col("mesh_term").is_not_null()).select("nct_id", "mesh_term")
    browse = pl.concat(
        [
            mesh.with_columns(mesh_type=pl.lit("mesh-list")),
            *(
                mesh.select("nct_id", mesh_term=pl.lit(ancestor), mesh_type=pl.lit("mesh-ancestor"))
                for ancestor in MESH_ANCESTORS
            ),
        ]
    ).unique(maintain_order=True)
    browse_table = browse.select(
        id=_ids("browse_conditions", browse.height),
        nct_id="nct_id",
        mesh_term="mesh_term",
        downcase_mesh_term=pl.col("mesh_term").str.to_lowercase(),
        mesh_type="mesh_type",
    )

    designs_table = nct.select(
        id=_ids("designs", studies),
        nct_id="nct_id",
        primary_purpose=_pick(PURPOSES, seed, 14),
        allocation=_pick(["RANDOMIZED", "NON_RANDOMIZED", None], seed, 15),
        masking=_pick(MASKINGS, seed, 90),
    )
    pool = pl.DataFrame(SPONSORS, schema=["name", "agency_class"], orient="row")
    leads = _join_pool(nct, pool, seed, 91).with_columns(lead_or_collaborator=pl.lit("lead"))
    collaborating = _children(nct, seed, 92, 3).filter(_uniform(seed, 93) < 0.3)  # a collaborator or more in some
    collaborators = _join_pool(collaborating, pool, seed, 94).with_columns(lead_or_collaborator=pl.lit("collaborator"))
    sponsors = (
        pl.concat([leads, collaborators])
        .sort("nct_id", "lead_or_collaborator", descending=[False, True], maintain_order=True)
        .unique(["nct_id", "name"], keep="first", maintain_order=True)  # the lead is not its own collaborator
    )
    sponsors_table = sponsors.select(
        id=_ids("sponsors", sponsors.height),
        nct_id="nct_id",
        agency_class="agency_class",
        lead_or_collaborator="lead_or_collaborator",
        name="name",
    )
    references = _children(nct, seed, 16, 3).with_columns(keep=_uniform(seed, 17) < 0.9).filter("keep")
    references_table = references.select(
        id=_ids("study_references", references.height),
        nct_id="nct_id",
        pmid=(pl.int_range(pl.len()) + 10_000_000).cast(pl.String),
        reference_type=_pick(["BACKGROUND", "RESULT", "DERIVED"], seed, 18),
        citation=pl.format("Author A, Author B. Results of {}. J Clin Res. 2020;1:1-10.", pl.col("nct_id")),
    )
    summaries_table = nct.select(
        id=_ids("brief_summaries", studies),
        nct_id="nct_id",
        description=pl.format(
            'This study of {} evaluates safety | efficacy.\nPatients receive the "study drug" daily. {}',
            pl.col("nct_id"),
            pl.lit("Background text. " * 50),
        ),
    )
    tables = {
        "studies": studies_table,
        "interventions": interventions_table,
        "intervention_other_names": other_names,
        "conditions": conditions_table,
        "browse_conditions": browse_table,
        "designs": designs_table,
        "study_references": references_table,
        "brief_summaries": summaries_table,
        "sponsors": sponsors_table,
    }
    from clinical_mining_tests.synthetic.results import generate_results  # it builds on this module's helpers

    tables |= generate_results(tables, seed)
    posted = pl.col("nct_id").is_in(tables["result_groups"]["nct_id"].unique().implode())
    tables["studies"] = tables["studies"].with_columns(
        results_first_posted_date=pl.when(posted).then(
            pl.col("primary_completion_date") + pl.duration(days=RESULTS_POSTED_AFTER_DAYS)
        )
    )
    return {name: _typed(name, frame) for name, frame in tables.items()}


def add_tables(tables: dict[str, pl.DataFrame], extra: dict[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """`tables` with the rows of `extra` appended (missing columns null), typed as AACT's schema says."""
    joined = dict(tables)
    for name, frame in extra.items():
        joined[name] = pl.concat([tables[name], frame], how="diagonal_relaxed").select(tables[name].columns)
    return {name: _typed(name, frame) for name, frame in joined.items()}


def _typed(table: str, frame: pl.DataFrame) -> pl.DataFrame:
    unknown = set(frame.columns) - set(aact_schema()[table])
    assert not unknown, f"generator wrote columns AACT's {table} does not have: {unknown}"
    return frame.select(pl.col(c).cast(column_dtype(table, c)) for c in frame.columns)


def _export_text(column: str) -> pl.Expr:
    """A value as the export writes it: `""` removed, newlines as `~`, quoted when it holds the delimiter."""
    text = pl.col(column).str.replace_all('"', "", literal=True).str.replace_all("\n", "~", literal=True)
    return pl.when(text.str.contains("|", literal=True)).then(pl.format('"{}"', text)).otherwise(text)


def _export_value(column: str, dtype: pl.DataType) -> pl.Expr:
    if dtype == pl.String():
        return _export_text(column)
    if dtype == pl.Boolean():
        return pl.col(column).replace_strict({True: "t", False: "f"}, return_dtype=pl.String)
    return pl.col(column).cast(pl.String)


def write_flatfiles(tables: dict[str, pl.DataFrame], folder: Path) -> None:
    """Write each table as `<folder>/<table>.txt` in the format of AACT's daily pipe-delimited export."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        exported = frame.select(_export_value(c, dtype).alias(c) for c, dtype in frame.schema.items())
        exported.write_csv(folder / f"{name}.txt", separator="|", quote_style="never", null_value="")


def export_equivalent(frame: pl.DataFrame) -> pl.DataFrame:
    """What a frame reads back as after the export's lossy rewriting (quotes dropped, empty text is null)."""
    return frame.with_columns(
        pl.col(c).str.replace_all('"', "", literal=True).pipe(lambda e: pl.when(e != "").then(e))
        for c, dtype in frame.schema.items()
        if dtype == pl.String()
    )


def write_postgres(tables: dict[str, pl.DataFrame], uri: str, schema: str = "ctgov") -> None:
    """Create `schema`'s tables with AACT's own column types, load them with COPY (replacing old ones), vacuum."""
    import psycopg

    types = aact_schema()
    with psycopg.connect(uri, autocommit=True) as connection:
        connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
        for name, frame in tables.items():
            columns = ", ".join(f'"{column}" {types[name][column]}' for column in frame.columns)
            connection.execute(f'DROP TABLE IF EXISTS "{schema}"."{name}"')
            connection.execute(f'CREATE TABLE "{schema}"."{name}" ({columns})')
            names = ", ".join(f'"{column}"' for column in frame.columns)
            copy = f'COPY "{schema}"."{name}" ({names}) FROM STDIN (FORMAT csv, NULL \'\\N\')'
            with connection.cursor() as cursor, cursor.copy(copy) as sink:
                for batch in frame.iter_slices(200_000):
                    sink.write(batch.write_csv(include_header=False, null_value="\\N"))
            # as after a pg_restore of the AACT dump: visibility settled and statistics gathered, so that the
            # first read is not the one that rewrites every page
            connection.execute(f'VACUUM (FREEZE, ANALYZE) "{schema}"."{name}"')

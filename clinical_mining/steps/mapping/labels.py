"""Drug and disease labels as they are compared: normalised; cleaned of doses, forms, salts, parentheses and
inverted word order; without a regimen or the qualifiers trials add; and coded by distinct value, so that every
rule runs once per distinct label and its answer is gathered back by position."""

from collections.abc import Callable

import polars as pl

from clinical_mining.text import clean_text

GENERIC_DRUG_LABELS = (
    "placebo",
    "standard of care",
    "standard treatment",
    "standard therapy",
    "chemotherapy",
    "triple therapy",
    "usual care",
    "best supportive care",
    "control",
    "vehicle",
    "saline",
    "normal saline",
    "no intervention",
)
DOSE = r"(?i)\b\d+(?:[.,]\d+)?\s*(?:mg/kg|mg/m2|mg/ml|mcg|µg|ug|mg|g|ml|iu|units?|%)(?:\s*/\s*(?:day|d|kg|ml))?\b"
_FORMS = (
    r"\b(?:oral|tablets?|capsules?|film[- ]coated|extended[- ]release|injections?|injectable|solution|"
    r"suspension|infusion|intravenous|iv|subcutaneous|sc|topical|cream|gel|ointment|patch|inhaler|spray|"
    r"drops|powder|syrup|dose|doses|daily|once|twice|weekly)\b"
)
_SALTS = (
    r"\b(?:hydrochloride|hcl|dihydrochloride|mesylate|mesilate|sodium|potassium|calcium|magnesium|sulfate|"
    r"sulphate|maleate|fumarate|tartrate|citrate|acetate|phosphate|besylate|besilate|bromide|succinate|"
    r"tosylate|tosilate|dimesylate|propylene glycolate|monohydrate|hydrate)\b"
)


def normalise(label: pl.Expr) -> pl.Expr:
    """Lower case, punctuation to spaces, runs of spaces to one: the form every label is compared in."""
    return (
        label.str.to_lowercase().str.replace_all(r"[®™©]", "").str.replace_all(r"[^\p{L}\p{N}]+", " ").str.strip_chars()
    )


def comparable(label: pl.Expr) -> pl.Expr:
    """A label as it is matched: cleaned as every source's text is (`text.clean_text`), then `normalise`d."""
    return normalise(clean_text(label))


def normalised_labels(labels: pl.Series, transform: Callable[[pl.Expr], pl.Expr] | None = None) -> pl.Series:
    """`comparable` (or `transform`) of each label, computed once per distinct label: evidence repeats its
    labels many times over, and the regular expressions cost far more than the lookup."""
    distinct, code = label_codes(labels)
    return distinct.to_frame("label").select((transform or comparable)(pl.col("label"))).to_series().gather(code)


def id_or_label(ids: pl.Series, labels: pl.Series) -> pl.Series:
    """Each row's id, else its label normalised (`normalised_labels`): the key evidence is grouped and found by
    when a side may be unmapped. Only the unmapped rows' labels are normalised; most rows are mapped, and their
    labels' regular expressions were the cost."""
    unmapped = ids.is_null()
    # a column of nulls only (no row mapped) has no string type to scatter into
    return ids.cast(pl.String).scatter(unmapped.arg_true(), normalised_labels(labels.filter(unmapped)))


def _without_parentheses(label: pl.Expr) -> pl.Expr:
    return label.str.replace_all(r"\([^)]*\)|\[[^\]]*\]", " ").str.replace_all(r"\s+", " ").str.strip_chars(" ,")


def _uninverted(label: pl.Expr) -> pl.Expr:
    """ "Carcinoma, Hepatocellular" read as "Hepatocellular Carcinoma": a heading inverted at its one comma."""
    return (
        pl.when(label.str.count_matches(",") == 1)
        .then(label.str.replace(r"^\s*([^,]+),\s*(.+)$", "$2 $1"))
        .otherwise(label)
    )


def clean_drug(label: pl.Expr) -> pl.Expr:
    """A drug label without what is not the molecule: doses, forms, salts, parentheses, inverted word order."""
    stripped = (
        _uninverted(_without_parentheses(label))
        .str.to_lowercase()
        .str.replace_all(DOSE, " ")
        .str.replace_all(_FORMS, " ")
        .str.replace_all(_SALTS, " ")
    )
    return normalise(stripped)


# a dose level or regimen written around the drug: "High-dose X", "Low Dose X", "escalating doses of X",
# "X loading dose"
_DOSE_WORD = r"(?:dose|doses|dosage|dosing|dosed)"
_LEVEL = (
    r"(?:(?:very|ultra)[\s-]+)?(?:high|low|standard|reduced|full|half|double|single|multiple|fixed|escalating|"
    r"ascending|increasing|intermediate|medium|moderate|maximum|max|minimum|usual|conventional|weight[\s-]+based|"
    r"loading|maintenance|booster|split|mini|micro)"
)
REGIMEN_PREFIX = rf"(?i)^\s*{_LEVEL}[\s-]*{_DOSE_WORD}\s+(?:of\s+|level\s+)?"
REGIMEN_SUFFIX = rf"(?i)[\s,(-]+{_LEVEL}[\s-]*{_DOSE_WORD}\s*\)?\s*$"


def without_regimen(label: pl.Expr) -> pl.Expr:
    """A drug label without the dose level or regimen written before or after it, then cleaned; null when it has
    none (the `cleaned` tier already tried the label) or when what is left names no drug ("High-dose
    chemotherapy")."""
    stripped = label.str.replace(REGIMEN_PREFIX, "").str.replace(REGIMEN_SUFFIX, "")
    key = clean_drug(stripped)
    has_regimen = label.str.contains(REGIMEN_PREFIX) | label.str.contains(REGIMEN_SUFFIX)
    return pl.when(has_regimen & ~key.is_in(GENERIC_DRUG_LABELS) & (key != "")).then(key)


def clean_disease(label: pl.Expr) -> pl.Expr:
    """A disease label without parentheses and inverted word order. Nothing else is taken away: the words a drug
    label sheds ("oral", "sodium", "IV") are part of a disease's name ("oral cancer", "sodium deficiency",
    "stage IV melanoma"). Parentheses go first, so a comma inside them does not count as an inversion."""
    return normalise(_uninverted(_without_parentheses(label)))


DISEASE_QUALIFIERS = (
    r"^(?:(?:advanced|metastatic|recurrent|refractory|relapsed|relapsing|resistant|locally|unresectable|"
    r"newly diagnosed|untreated|previously treated|severe|moderate|mild|moderate to severe|early|late|"
    r"stage\s+(?:[0-4]|i{1,3}v?|iv)[abc]?|primary|acute|chronic|adult|adult onset|pediatric|paediatric|"
    r"childhood)\s+)+"
)
# who or how severe, written after the disease: "Asthma, Adult" (two commas: not read as an inversion),
# "X in Pregnancy", "X - Moderate", "X of the Elderly"
_POPULATION = (
    r"(?:pregnancy|pregnant women|the elderly|elderly|elderly patients|older adults|aged|adults?|young adults|"
    r"children|childhood|adolescents?|infants?|neonates|newborns|women|men|patients|pediatric patients)"
)
TRAILING_QUALIFIERS = (
    rf"(?:\s+(?:in|of|during|among)\s+{_POPULATION}"
    r"|\s+(?:mild|moderate|severe|mild to moderate|moderate to severe|moderately severe)"
    r"|\s+(?:adult|adults|pediatric|paediatric|childhood|juvenile|elderly|adult onset))+$"
)


def without_qualifiers(label: pl.Expr) -> pl.Expr:
    """A cleaned disease label without the qualifiers trials add to it: before it ("advanced", "relapsed", "stage
    III", "acute", "chronic", "adult") and after it ("in adults", "in pregnancy", "- moderate", "of the
    elderly"). A last-resort tier, tried only when the label as written matches nothing: the vocabulary's
    disease is then the unqualified one, which the qualified case is a form of."""
    stripped = clean_disease(label).str.replace(DISEASE_QUALIFIERS, "").str.replace(TRAILING_QUALIFIERS, "")
    return stripped.str.strip_chars()


def gathered(frame: pl.DataFrame, rows: pl.Series) -> pl.DataFrame:
    """`frame`'s rows at the row numbers `rows` (a null number gives a null row), each column made contiguous just
    before it is gathered: gathering a million rows from two chunks took ten times as long as from one, and a
    contiguous copy of a whole wide frame beside its input and output was a step's peak (evidence: 0.5 GB)."""
    return pl.DataFrame([frame[column].rechunk().gather(rows) for column in frame.columns])


def aligned(frame: pl.DataFrame, on: list[str], table: pl.DataFrame, nulls_equal: bool = False) -> pl.DataFrame:
    """`table`'s other columns, one row per row of `frame` (null where no key matches), in `frame`'s order.

    Only the key columns are joined, to each key's row number in `table`, and every other column is gathered by
    those numbers (`gathered`): the wide frame (the evidence) is never copied, and a column of lists or strings
    is gathered from one contiguous chunk instead of being built by the join (at scale 1, result_group_arms'
    three list columns over 1.4 M rows: 0.12 s against 0.49 s). The lazy engine drops the keys inside the join:
    the eager join built them into its result first, which for the evidence's (study, label) keys at scale 1
    cost 350 MB at its peak against 60 MB. `table` must have one row per key. With `nulls_equal`, a null key
    finds the table's null key (a grouping's null group).
    """
    rows = (
        frame.lazy()
        .select(on)
        .join(
            table.lazy().select(on).with_row_index("__aligned_row"),
            on=on,
            how="left",
            maintain_order="left",
            nulls_equal=nulls_equal,
        )
        .collect(engine="in-memory")["__aligned_row"]
    )
    if len(rows) != frame.height:
        raise ValueError(f"mapping table has several rows for one {', '.join(on)} key")
    return gathered(table.drop(on), rows)


def label_codes(labels: pl.Series) -> tuple[pl.Series, pl.Series]:
    """(distinct labels, each row's position among them as UInt32): evidence repeats a few tens of thousands of
    labels a million times over, so each tier works on the distinct labels and gathers its answer back by
    position, where a join would hash every row's string again. Positions come from the labels' 64-bit hashes
    (a tenth of the time of Polars' string `unique`); the distinct labels gathered back are checked against
    every row, and should two labels ever share a hash the codes are built from the strings instead."""
    code = (labels.hash().rank("dense") - 1).cast(pl.UInt32)
    distinct = in_code_order(labels, code)
    if distinct.gather(code).equals(labels):
        return distinct, code
    return _codes_from_strings(labels)


def in_code_order(values: pl.Series, code: pl.Series) -> pl.Series:
    """One value per code of `code` (dense, from 0), in the order of the codes: each code's first row."""
    first = code.arg_unique()
    return values.gather(first.gather(code.gather(first).arg_sort()))


def _codes_from_strings(labels: pl.Series) -> tuple[pl.Series, pl.Series]:
    """`label_codes` by the strings themselves, for labels whose hashes collide; a null label has a code too."""
    distinct = labels.unique(maintain_order=True)
    positions = distinct.to_frame("label").with_columns(code=pl.int_range(pl.len(), dtype=pl.UInt32))
    codes = (
        labels.to_frame("label")
        .lazy()
        .join(positions.lazy(), on="label", how="left", nulls_equal=True, maintain_order="left")
    )
    return distinct, codes.collect()["code"]

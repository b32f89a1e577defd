"""What one posted analysis says on its own, before its groups are known: the test it is, the alpha it is held
to, and whether the groups differ (or the margin is met), as a trial statistician reads the registry's fields.

- The hypothesis type is the registry's enum. SUPERIORITY, SUPERIORITY_OR_OTHER(_LEGACY) (the pre-2017 form had
  one box for "superiority or other") and OTHER are superiority tests when a between-group test is posted (a
  p-value, or an interval for an estimate); without one they are descriptive and decide nothing.
  NON_INFERIORITY_OR_EQUIVALENCE(_LEGACY) is read from the words of its description ("equivalen...",
  "non-inferior..."), else it is non-inferiority.
- Alpha is the record's own: a one-sided test is said in `method`, `p_value_description` or
  `estimate_description` ("t-test, 1 sided"), not by the interval's sidedness; a threshold written there
  ("significant if p < 0.025", "alpha = 0.0167", "significance level of 1%") wins over 0.05 (two-sided) or 0.025
  (one-sided). p must be below alpha.
- Without a p-value the interval decides, at its level: one that excludes the null (1 for ratios, geometric
  mean ratios included; 0 for differences and log ratios) is significant when its level is at least 1 - alpha;
  one that includes the null is not significant when its level is at most 1 - alpha. A 99% interval including
  the null, or an interval of unstated level, cannot tell.
- Non-inferiority and equivalence: the margin is read from the description with its sign and the bound it
  applies to ("upper limit of the 95% CI < 20%", "lower bound above -12%", "the 1.3 margin"), never from a
  sample size, power or alpha beside it; several different margins, a percent margin on an interval of
  fractions, or an interval below 95% two-sided / 97.5% one-sided (90% two-sided allowed for equivalence) is
  NI_UNRESOLVED.
"""

from collections.abc import Callable

import polars as pl

from clinical_mining.steps.mapping.labels import normalised_labels

P_VALUE = r"^(?i:p)?\s*(<=|>=|≤|≥|<|>|=)?\s*(\d*\.?\d+(?:[eE][-+]?\d+)?)$"
NI_TYPES = ("NON_INFERIORITY", "NON_INFERIORITY_LEGACY")
EQUIVALENCE_TYPES = ("EQUIVALENCE", "EQUIVALENCE_LEGACY")
EITHER_TYPES = ("NON_INFERIORITY_OR_EQUIVALENCE", "NON_INFERIORITY_OR_EQUIVALENCE_LEGACY")
SUPERIORITY_TYPES = (
    "SUPERIORITY",
    "SUPERIORITY_LEGACY",
    "SUPERIORITY_OR_OTHER",
    "SUPERIORITY_OR_OTHER_LEGACY",
    "OTHER",
)
ONE_SIDED = r"(?i)\b(?:one|1|single)[- ]?(?:sided|tailed)\b"
TWO_SIDED = r"(?i)\b(?:two|2)[- ]?(?:sided|tailed)\b"
_NUMBER = r"(\d*\.?\d+)\s*(%)?"
# a threshold the record states: "alpha = 0.025", "significance level of 1%", "significant if p < 0.0167",
# "p < 0.01 was considered significant", "Bonferroni-adjusted alpha 0.0125"
ALPHA_PATTERNS = (
    rf"(?i)\b(?:alpha|\u03b1|significance level|level of significance|significant level|nominal level|threshold)"
    rf"\s*(?:level\s*)?(?:of|was|is|=|:|at|set at|set to|equal to|<|≤)?\s*(?:p\s*[<=≤]\s*)?{_NUMBER}",
    rf"(?i)\bsignifican\w*\s*(?:if|when|at|for)\s*(?:the\s*)?(?:a\s*)?(?:p(?:[- ]?values?)?\s*)?(?:was|is|were)?\s*"
    rf"(?:<|≤|less than|below|smaller than)\s*{_NUMBER}",
    rf"(?i)\bp[- ]?(?:value)?\s*(?:<|≤|less than|below)\s*{_NUMBER}\s*(?:was|is|were|are|will be)?\s*"
    r"(?:considered|deemed|regarded|defined)?\s*(?:as\s*)?(?:to\s*be\s*)?(?:statistically\s*)?significan",
)
# the margin with the bound it applies to, or the number written right at the word "margin"
_BOUND = r"(upper|lower)\s+(?:\w+\s+){0,1}(?:bound|limit|confidence limit|ci limit|end)"
_BELOW = r"(?:<|≤|\\<|less than|lower than|below|smaller than|not exceed\w*|not greater than|under)"
_ABOVE = r"(?:>|≥|\\>|greater than|more than|above|exceed\w*|larger than|higher than|not less than)"
MARGIN_BOUND = (
    rf"(?i){_BOUND}[^.;]{{0,80}}?(?:{_BELOW}|{_ABOVE})\s*(?:the\s+)?(?:margin\s+(?:of\s+)?)?(-?\s?\d*\.?\d+)\s*(%)?"
)
MARGIN_AFTER = (
    r"(?i)\bmargin\s*(?:\(\s*)?(?:of|was|is|=|:|set at|set to|defined as|equal to|of\s+delta\s*=?)?\s*"
    r"(?:delta\s*=?\s*|δ\s*=?\s*|Δ\s*=?\s*)?(-?\s?\d*\.?\d+)\s*(%)?"
)
MARGIN_BEFORE = (
    r"(?i)(-?\d*\.?\d+)\s*(%)?\s*(?:,\s*|\(\s*)?(?:the\s+|a\s+)?(?:pre-?specified\s+)?"
    r"(?:non-?\s?inferiority\s+|equivalence\s+|ni\s+)?margin\b"
)
DELTA = r"(?i)(?:\bdelta|δ|Δ)\s*(?:=|of|was|is)\s*(-?\d*\.?\d+)\s*(%)?"


def parse_p_value(raw: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """(modifier, value) of a posted p-value text ("<0.001", "= 0.247", "p>0.05", ".03"); null where the text is
    not a p-value ("NA", "see text") or the value is not in [0, 1]."""
    text = raw.str.strip_chars().str.replace_all(r"\s+", "")
    parts = text.str.extract_groups(P_VALUE)
    value = parts.struct["2"].cast(pl.Float64, strict=False)
    usable = value.is_between(0, 1)
    modifier = parts.struct["1"].replace({"≤": "<=", "≥": ">="}).fill_null("=")
    return pl.when(usable).then(modifier), pl.when(usable).then(value)


def null_value(param_type: pl.Expr) -> pl.Expr:
    """1 for ratios (hazard, odds, risk, geometric mean ratios), 0 for differences, log ratios and slopes, null
    when the estimate's kind is unknown ("Other", a regression without its scale)."""
    kind = param_type.str.to_lowercase()
    return (
        pl.when(kind.str.contains(r"\blog\b"))
        .then(pl.lit(0.0))
        .when(kind.str.contains(r"ratio"))
        .then(pl.lit(1.0))
        .when(kind.str.contains(r"difference|slope|change|beta|coefficient|regression, linear"))
        .then(pl.lit(0.0))
    )


def _stated_number(text: pl.Expr, pattern: str) -> pl.Expr:
    """The smallest number in (0, 0.1] a pattern finds in a text, percent read as a share."""
    found = text.str.extract_all(pattern)
    numbers = (
        found.list.eval(
            pl.element().str.extract(pattern, 1).cast(pl.Float64, strict=False)
            / pl.when(pl.element().str.extract(pattern, 2) == "%").then(100.0).otherwise(1.0)
        )
        .list.eval(pl.element().filter(pl.element().is_between(0, 0.1, closed="right")))
        .list.min()
    )
    return numbers


def _stated_alpha(text: pl.Expr) -> pl.Expr:
    return pl.min_horizontal(*(_stated_number(text, pattern) for pattern in ALPHA_PATTERNS))


def _margins(description: pl.Expr) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
    """(distinct margin values, the bound a sentence names for them, whether any is a percent) from a
    non-inferiority description."""

    def found(pattern: str, value_group: int) -> pl.Expr:
        return description.str.extract_all(pattern).list.eval(
            pl.element().str.extract(pattern, value_group).str.replace_all(r"\s", "").cast(pl.Float64, strict=False)
        )

    def percent(pattern: str, group: int) -> pl.Expr:
        return (
            description.str.extract_all(pattern).list.eval(pl.element().str.extract(pattern, group) == "%").list.any()
        )

    values = (
        pl.concat_list(found(MARGIN_BOUND, 2), found(MARGIN_AFTER, 1), found(MARGIN_BEFORE, 1), found(DELTA, 1))
        .list.drop_nulls()
        .list.unique()
    )
    bounds = (
        description.str.extract_all(MARGIN_BOUND)
        .list.eval(pl.element().str.extract(MARGIN_BOUND, 1).str.to_lowercase())
        .list.unique()
    )
    is_percent = pl.any_horizontal(
        percent(MARGIN_BOUND, 3), percent(MARGIN_AFTER, 2), percent(MARGIN_BEFORE, 2), percent(DELTA, 2)
    ).fill_null(False)
    return values, bounds, is_percent


STATISTIC_COLUMNS = ("test", "alpha", "p_modifier", "p_value_parsed", "margin", "statistic", "statistic_reason")


def analysis_statistics(analyses: pl.DataFrame) -> pl.DataFrame:
    """Each analysis with `test` (SUPERIORITY, NON_INFERIORITY, EQUIVALENCE, DESCRIPTIVE), `alpha`, the parsed
    p-value, the `margin`, and `statistic`: SIGNIFICANT or NOT_SIGNIFICANT for a superiority test (which way is
    read later, from the groups), NON_INFERIOR, NI_NOT_SHOWN or NI_UNRESOLVED for a margin test, INDETERMINATE
    where the numbers posted cannot tell, NO_TEST for a descriptive analysis; `statistic_reason` says why."""
    for column in ("p_value_description", "estimate_description", "method", "non_inferiority_description"):
        if column not in analyses.columns:
            analyses = analyses.with_columns(pl.lit(None, pl.String).alias(column))
    words = pl.concat_str(
        pl.col("method"),
        pl.col("p_value_description"),
        pl.col("estimate_description"),
        separator=" ",
        ignore_nulls=True,
    )
    description = pl.col("non_inferiority_description")
    declared = pl.col("non_inferiority_type").str.to_uppercase()
    lower, upper = pl.col("ci_lower_limit").cast(pl.Float64), pl.col("ci_upper_limit").cast(pl.Float64)
    either = (
        pl.when(description.str.contains(r"(?i)equivalen") & ~description.str.contains(r"(?i)non-?\s?inferior"))
        .then(pl.lit("EQUIVALENCE"))
        .otherwise(pl.lit("NON_INFERIORITY"))
    )
    has_test = pl.col("p_value_raw").is_not_null() | (lower.is_not_null() & upper.is_not_null())

    def one_sided(text: pl.Expr) -> pl.Expr:
        return text.str.contains(ONE_SIDED).fill_null(False) & ~text.str.contains(TWO_SIDED).fill_null(False)

    # what the texts say, read once per distinct text (the registry repeats its methods, p-values and margins)
    reads: dict[str, Callable[[pl.Expr], dict[str, pl.Expr]]] = {
        "p_value_raw": lambda raw: dict(zip(("p_modifier", "p_value_parsed"), parse_p_value(raw), strict=True)),
        "_words": lambda text: {"_one_sided": one_sided(text), "_stated_alpha": _stated_alpha(text)},
        "param_type": lambda kind: {"_null": null_value(kind)},
        "non_inferiority_description": lambda text: dict(
            zip(("_margins", "_bounds", "_margin_percent"), _margins(text), strict=True)
        ),
    }
    analyses = analyses.with_columns(_words=words)
    read = [
        normalised_labels(analyses[column], lambda text, parts=parts: pl.struct(**parts(text))).struct.unnest()
        for column, parts in reads.items()
    ]
    parsed = pl.concat([analyses.drop("_words"), *read], how="horizontal").with_columns(
        _lower=lower,
        _upper=upper,
        test=pl.when(declared.is_in(NI_TYPES))
        .then(pl.lit("NON_INFERIORITY"))
        .when(declared.is_in(EQUIVALENCE_TYPES))
        .then(pl.lit("EQUIVALENCE"))
        .when(declared.is_in(EITHER_TYPES))
        .then(either)
        .when(has_test)
        .then(pl.lit("SUPERIORITY"))
        .otherwise(pl.lit("DESCRIPTIVE")),
    ).with_columns(
        alpha=pl.coalesce("_stated_alpha", pl.when("_one_sided").then(0.025).otherwise(0.05)),
        margin=pl.when(pl.col("_margins").list.len() == 1).then(pl.col("_margins").list.first()),
    )
    return (
        parsed.with_columns(_superiority(), _margin_test())
        .with_columns(
            statistic=pl.when(pl.col("test") == "DESCRIPTIVE")
            .then(pl.lit("NO_TEST"))
            .when(pl.col("test") == "SUPERIORITY")
            .then(pl.col("_superiority").struct["statistic"])
            .otherwise(pl.col("_margin_test").struct["statistic"]),
            statistic_reason=pl.when(pl.col("test") == "DESCRIPTIVE")
            .then(pl.lit("descriptive: no between-group test posted"))
            .when(pl.col("test") == "SUPERIORITY")
            .then(pl.col("_superiority").struct["reason"])
            .otherwise(pl.col("_margin_test").struct["reason"]),
        )
        .drop(
            "_one_sided",
            "_stated_alpha",
            "_null",
            "_margins",
            "_bounds",
            "_margin_percent",
            "_lower",
            "_upper",
            "_superiority",
            "_margin_test",
        )
    )


def _interval_alpha(one_sided_test: pl.Expr) -> pl.Expr:
    """The alpha at which the posted interval tests, in the sidedness of the test."""
    level = 1 - pl.col("ci_percent").cast(pl.Float64) / 100
    interval_one_sided = pl.col("ci_n_sides").str.to_uppercase().str.contains("ONE").fill_null(False)
    return (
        pl.when(interval_one_sided == one_sided_test)
        .then(level)
        .when(interval_one_sided)
        .then(level * 2)  # a one-sided interval read for a two-sided test
        .otherwise(level / 2)
    )


def _superiority() -> pl.Expr:
    modifier, value, alpha = pl.col("p_modifier"), pl.col("p_value_parsed"), pl.col("alpha")
    one_sided = pl.col("_one_sided")
    lower, upper, null = pl.col("_lower"), pl.col("_upper"), pl.col("_null")
    below = ((modifier == "<") & (value <= alpha)) | (modifier.is_in(["=", "<="]) & (value < alpha))
    above = modifier.is_in(["=", ">", ">="]) & (value >= alpha)
    interval_alpha = _interval_alpha(one_sided)
    excludes = (lower > null) | (upper < null)
    both = lower.is_not_null() & upper.is_not_null()

    def out(statistic: str, reason: str) -> pl.Expr:
        return pl.struct(statistic=pl.lit(statistic), reason=pl.lit(reason))

    return (
        pl.when(below)
        .then(out("SIGNIFICANT", "p-value below alpha"))
        .when(above)
        .then(out("NOT_SIGNIFICANT", "p-value not below alpha"))
        .when(value.is_not_null())
        .then(out("INDETERMINATE", "p-value bound does not decide"))
        .when(pl.col("p_value_raw").is_not_null() & ~both)
        .then(out("INDETERMINATE", "p-value not a number"))
        .when(null.is_null())
        .then(out("INDETERMINATE", "estimate kind unknown: no null value for the interval"))
        .when(pl.col("ci_percent").is_null())
        .then(out("INDETERMINATE", "interval of unstated level"))
        .when(excludes & (interval_alpha <= alpha + 1e-9))
        .then(out("SIGNIFICANT", "interval excludes the null"))
        .when(~excludes & (interval_alpha >= alpha - 1e-9))
        .then(out("NOT_SIGNIFICANT", "interval includes the null"))
        .otherwise(out("INDETERMINATE", "interval level does not decide at the test's alpha"))
        .alias("_superiority")
    )


def _margin_test() -> pl.Expr:
    """NON_INFERIOR / NI_NOT_SHOWN from the interval against the margin, or NI_UNRESOLVED with the reason."""
    lower, upper, margin = pl.col("_lower"), pl.col("_upper"), pl.col("margin")
    equivalence = pl.col("test") == "EQUIVALENCE"
    ratio = pl.col("_null") == 1.0
    bounds = pl.col("_bounds")
    named_upper = bounds.list.contains("upper") & ~bounds.list.contains("lower")
    named_lower = bounds.list.contains("lower") & ~bounds.list.contains("upper")
    sides = pl.col("ci_n_sides").str.to_uppercase().str.contains("ONE").fill_null(False)
    percent = pl.col("ci_percent").cast(pl.Float64)
    level_ok = pl.when(sides).then(percent >= 97.5).when(equivalence).then(percent >= 90).otherwise(percent >= 95)
    units_unclear = pl.col("_margin_percent") & (margin.abs() > 1) & (pl.max_horizontal(lower.abs(), upper.abs()) <= 1)

    def shown(condition: pl.Expr) -> pl.Expr:
        return pl.when(condition).then(pl.lit("NON_INFERIOR")).otherwise(pl.lit("NI_NOT_SHOWN"))

    high = pl.when(margin > 1).then(margin).otherwise(1 / margin)
    equivalent = (
        pl.when(ratio)
        .then((lower > 1 / high) & (upper < high))
        .otherwise((lower > -margin.abs()) & (upper < margin.abs()))
    )
    non_inferior = (
        pl.when(named_upper)
        .then(shown(upper < margin))
        .when(named_lower)
        .then(shown(lower > margin))
        .when(ratio & (margin > 1))
        .then(shown(upper < margin))
        .when(ratio & (margin < 1) & (margin > 0))
        .then(shown(lower > margin))
        .when(~ratio & (margin < 0))
        .then(shown(lower > margin))
    )

    def out(statistic: pl.Expr | str, reason: str) -> pl.Expr:
        value = pl.lit(statistic) if isinstance(statistic, str) else statistic
        return pl.struct(statistic=value, reason=pl.lit(reason))

    return (
        pl.when(pl.col("_margins").list.len() > 1)
        .then(out("NI_UNRESOLVED", "several margins in the description"))
        .when(margin.is_null())
        .then(out("NI_UNRESOLVED", "no margin in the description"))
        .when(lower.is_null() | upper.is_null())
        .then(out("NI_UNRESOLVED", "no interval"))
        .when(percent.is_null())
        .then(out("NI_UNRESOLVED", "interval of unstated level"))
        .when(~level_ok)
        .then(out("NI_UNRESOLVED", "interval narrower than the margin test needs"))
        .when(units_unclear)
        .then(out("NI_UNRESOLVED", "margin in percent, interval in fractions"))
        .when(ratio.is_null() | pl.col("_null").is_null())
        .then(out("NI_UNRESOLVED", "estimate kind unknown"))
        .when(equivalence & (margin != 0) & ~(ratio & (margin == 1)))
        .then(out(shown(equivalent), "interval against the equivalence margin"))
        .when(~equivalence & non_inferior.is_not_null())
        .then(out(non_inferior, "interval against the non-inferiority margin"))
        .otherwise(out("NI_UNRESOLVED", "which side of the margin is harmful is not written"))
        .alias("_margin_test")
    )

"""Asset checks on the mapped evidence: how much of it maps, and how much is ambiguous (plotted across runs)."""

import polars as pl
from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, asset_check

from clinical_mining.config import MappingCoverageCheck


def coverage_figures(evidence: pl.LazyFrame) -> dict[str, float]:
    """Label and row coverage and ambiguous labels per side, from the mapped evidence columns."""
    figures: dict[str, float] = {}
    for side in ("drug", "disease"):
        label, mapped, ambiguous = f"{side}_name", pl.col(f"{side}_id").is_not_null(), pl.col(f"{side}_candidates")
        labels = (
            evidence.group_by(label)
            .agg(mapped.any().alias("mapped"), ambiguous.is_not_null().any().alias("ambiguous"))
            .select(pl.col("mapped").mean().alias("coverage"), pl.col("ambiguous").sum().alias("ambiguous"))
            .collect()
        )
        rows = evidence.select(mapped.mean()).collect().item()
        figures[f"{side}_label_coverage"] = round(labels["coverage"].item() or 0.0, 4)
        figures[f"{side}_row_coverage"] = round(rows or 0.0, 4)
        figures[f"{side}_ambiguous_labels"] = int(labels["ambiguous"].item() or 0)
    return figures


def mapping_coverage_check(spec: MappingCoverageCheck) -> AssetChecksDefinition:
    """Warns (it does not block) when label coverage falls below the configured minimum on either side."""

    @asset_check(
        asset=spec.asset,
        name="mapping_coverage",
        description=f"Drug label coverage >= {spec.min_drug_label_coverage:.0%} and disease label coverage >= "
        f"{spec.min_disease_label_coverage:.0%}; reports ambiguous labels.",
    )
    def _coverage(evidence: pl.LazyFrame) -> AssetCheckResult:
        figures = coverage_figures(evidence)
        low = [
            f"{side} label coverage {figures[f'{side}_label_coverage']:.1%} < {minimum:.0%}"
            for side, minimum in (("drug", spec.min_drug_label_coverage), ("disease", spec.min_disease_label_coverage))
            if figures[f"{side}_label_coverage"] < minimum
        ]
        return AssetCheckResult(
            passed=not low,
            severity=AssetCheckSeverity.WARN,
            metadata=figures,
            description="; ".join(low) or None,
        )

    return _coverage

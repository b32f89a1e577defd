"""Asset checks on the mapped evidence: how much of it maps, and how much is ambiguous (plotted across runs)."""

import polars as pl
from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, asset_check

from clinical_mining.config import MappingCoverageCheck
from clinical_mining.steps.mapping import coverage


def mapping_coverage_check(spec: MappingCoverageCheck) -> AssetChecksDefinition:
    """Warns (it does not block) when label coverage falls below the configured minimum on either side."""

    @asset_check(
        asset=spec.asset,
        name="mapping_coverage",
        description=f"Drug label coverage >= {spec.min_drug_label_coverage:.0%} and disease label coverage >= "
        f"{spec.min_disease_label_coverage:.0%}; reports ambiguous labels.",
    )
    def _coverage(evidence: pl.LazyFrame) -> AssetCheckResult:
        found = coverage(evidence)
        figures = {
            f"{side}_{name}": found[f"{side}/{key}"]
            for side in ("drug", "disease")
            for name, key in (
                ("label_coverage", "label_coverage"),
                ("row_coverage", "row_coverage"),
                ("ambiguous_labels", "labels_ambiguous"),
            )
        }
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

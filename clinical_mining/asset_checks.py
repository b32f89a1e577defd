"""Asset checks: how much of the mapped evidence maps and how much is ambiguous (plotted across runs), and that
no repurposing candidate is a pair its drug is approved for."""

import polars as pl
from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, AssetIn, AssetKey, asset_check

from clinical_mining.config import MappingCoverageCheck, NotApprovedCheck
from clinical_mining.steps.mapping.evidence import coverage
from clinical_mining.steps.outcomes.repurposing import approved_candidates


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


def candidates_not_approved_check(spec: NotApprovedCheck) -> AssetChecksDefinition:
    """Fails (an error) when a candidate is a pair whose drug the evidence shows approved for it, or a shelved
    asset whose drug is approved for anything: the step's own rule, tested again on what it wrote."""

    @asset_check(
        asset=spec.asset,
        name="candidates_not_approved",
        description=f"No row of {spec.asset} is a drug-disease pair {spec.evidence} shows approved, and no "
        "shelved asset is an approved drug.",
        additional_ins={"evidence": AssetIn(key=AssetKey(spec.evidence), dagster_type=pl.LazyFrame)},
    )
    def _not_approved(candidates: pl.LazyFrame, evidence: pl.LazyFrame) -> AssetCheckResult:
        wrong = approved_candidates(candidates, evidence)
        return AssetCheckResult(
            passed=wrong.height == 0,
            severity=AssetCheckSeverity.ERROR,
            metadata={"approved_pairs_listed": wrong.height},
            description=(
                f"{wrong.height} candidate(s) already approved, e.g. {wrong.row(0)}" if wrong.height else None
            ),
        )

    return _not_approved

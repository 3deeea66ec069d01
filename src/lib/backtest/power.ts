/**
 * Per-metric predictive power: the univariate ROC AUC of each metric on its own, read in the
 * metric's declared direction, and how often it is missing.
 *
 * For a `higher`-is-better metric the risk is −value (low values = risky); for a `lower` one the
 * risk is +value. `agrees` says whether the declared direction ranks churners as riskier at
 * least as often as not (AUC ≥ 0.5); `strength` = max(AUC, 1 − AUC) is the power whichever way.
 * For categorical metrics pass the metric points (higher = healthier) with direction `higher`.
 */
import { allMetrics } from '$lib/model/structure';
import type { ColumnTable, Direction, Model, ScoreResult } from '$lib/model/types';
import { groupByScore } from './groups';
import { aucFromGroups } from './metrics';

/** One metric's column and declared direction. */
export interface MetricPowerInput {
	id: string;
	name: string;
	/** Raw value (or points) per row; NaN = missing. */
	values: Float64Array;
	direction: Direction;
}

/** One metric's result. */
export interface MetricPowerRow {
	id: string;
	name: string;
	direction: Direction;
	/** AUC with the declared direction (risk = −value for `higher`, +value for `lower`). */
	auc: number;
	/** max(auc, 1 − auc). */
	strength: number;
	/** auc ≥ 0.5; false when NaN. */
	agrees: boolean;
	/** Share of labelled rows with no value, 0–1. */
	missingShare: number;
	/** Labelled rows with a value. */
	n: number;
	positives: number;
	negatives: number;
}

/** Univariate AUC per metric against churn labels (1 = churned; other than 0/1 excluded). */
export function metricPower(
	metrics: readonly MetricPowerInput[],
	labels: Uint8Array
): MetricPowerRow[] {
	return metrics.map((m) => {
		// AUC works on a health order (higher = healthier): the value itself for `higher`,
		// its negation (exact in floating point, ties kept) for `lower`.
		const health =
			m.direction === 'higher' ? m.values : m.values.map((v) => (Number.isNaN(v) ? v : -v));
		const g = groupByScore(health, labels);
		const auc = aucFromGroups(g);
		const labelled = g.positives + g.negatives + g.notScored;
		return {
			id: m.id,
			name: m.name,
			direction: m.direction,
			auc,
			strength: Number.isNaN(auc) ? NaN : Math.max(auc, 1 - auc),
			agrees: auc >= 0.5,
			missingShare: labelled > 0 ? g.notScored / labelled : NaN,
			n: g.positives + g.negatives,
			positives: g.positives,
			negatives: g.negatives
		};
	});
}

/**
 * Per-metric inputs of a scored table: raw numbers in the metric's direction; the metric points
 * (higher = healthier) for text columns and category schemes.
 */
export function metricPowerInputs(
	model: Model,
	table: ColumnTable,
	r: Pick<ScoreResult, 'metricPoints'>
): MetricPowerInput[] {
	return allMetrics(model).map((m, j) => {
		const col = table.columns.get(m.column);
		const raw = col?.kind === 'number' && m.scheme.kind !== 'category';
		return {
			id: m.id,
			name: m.name,
			values: raw ? col.values : (r.metricPoints[j] ?? new Float64Array(table.n).fill(NaN)),
			direction: raw ? m.direction : 'higher'
		};
	});
}

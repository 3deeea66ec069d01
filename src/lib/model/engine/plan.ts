/**
 * A combine plan: a model's weights flattened into typed arrays for the hot loop, one set per
 * segment group (group 0 = base model, k + 1 = override k).
 */
import { effectiveModels } from '../segments';
import { allMetrics, metricDimensions } from '../structure';
import type { Model, Tier } from '../types';
import { MISSING_POINTS } from './constants';

/** Missing-value policies as small integers for the hot loop. */
export const EXCLUDE = 0;
export const ZERO = 1;
export const NEUTRAL = 2;

/** Points a missing value counts for under policy code `policy` (NaN: excluded, skipped). */
export function missingPoints(policy: number): number {
	return policy === EXCLUDE
		? MISSING_POINTS.exclude
		: policy === ZERO
			? MISSING_POINTS.zero
			: MISSING_POINTS.neutral;
}

/** Weights of one group, flattened. */
export interface GroupPlan {
	/** Dimension weight per dimension. */
	dimWeight: Float64Array;
	/** Nominal share of each dimension among positive-weight dimensions: w_d / Σ w_d. */
	dimShare: Float64Array;
	/** Metric weight per metric (model order). */
	metricWeight: Float64Array;
	/** Nominal share of each metric inside its dimension: w_m / Σ w_m (0 if Σ is 0). */
	metricShare: Float64Array;
	tiers: Tier[];
	minCoverage: number;
}

export interface CombinePlan {
	dimensionCount: number;
	metricCount: number;
	/** Dimension index of each metric. */
	metricDim: Int32Array;
	/** Metrics of dimension d are `dimStart[d] … dimStart[d + 1] − 1` (model order). */
	dimStart: Int32Array;
	/** EXCLUDE / ZERO / NEUTRAL per metric. */
	policy: Uint8Array;
	groups: GroupPlan[];
}

function groupPlan(model: Model, metricDim: Int32Array): GroupPlan {
	const metrics = allMetrics(model);
	const dimWeight = Float64Array.from(model.dimensions, (d) => d.weight);
	const dimTotal = dimWeight.reduce((a, b) => a + b, 0);
	const dimShare = dimWeight.map((w) => (dimTotal > 0 ? w / dimTotal : 0));
	const metricWeight = Float64Array.from(metrics, (m) => m.weight);
	const inside = new Float64Array(model.dimensions.length);
	metricWeight.forEach((w, m) => (inside[metricDim[m]!]! += w));
	const metricShare = metricWeight.map((w, m) => {
		const total = inside[metricDim[m]!]!;
		return total > 0 ? w / total : 0;
	});
	return {
		dimWeight,
		dimShare,
		metricWeight,
		metricShare,
		tiers: model.tiers,
		minCoverage: model.minCoverage
	};
}

/** Flatten a (valid) model and its segment overrides into a combine plan. */
export function combinePlan(model: Model): CombinePlan {
	const metrics = allMetrics(model);
	const metricDim = metricDimensions(model);
	const policy = Uint8Array.from(metrics, (m) =>
		m.missing === 'zero' ? ZERO : m.missing === 'neutral' ? NEUTRAL : EXCLUDE
	);
	const dimStart = new Int32Array(model.dimensions.length + 1);
	model.dimensions.forEach((d, j) => (dimStart[j + 1] = dimStart[j]! + d.metrics.length));
	return {
		dimensionCount: model.dimensions.length,
		metricCount: metrics.length,
		metricDim,
		dimStart,
		policy,
		groups: effectiveModels(model).map((m) => groupPlan(m, metricDim))
	};
}

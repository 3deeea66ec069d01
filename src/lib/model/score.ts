/**
 * Scoring a table in two stages: `computeMetricPoints` (raw values → metric points; depends on
 * schemes, not weights) and `combineScores` (points → dimension and account scores, coverage,
 * shown score and tier; depends on weights, tiers and missing policies). A weights-only change
 * re-runs only the second stage. Typed arrays throughout; no per-row allocation.
 */
import { percentilePoints } from './percentile';
import { combineScores } from './engine/reference';
import { columnPoints, numericValues } from './schemes';
import { segmentKeys } from './segments';
import { allMetrics } from './structure';
import type { ColumnTable, MetricPoints, Model, ScoreResult } from './types';

export { combineScores } from './engine/reference';
export { showScore, tierIndexFor } from './tiers';

/**
 * Stage 1: points 0–100 of every metric (model order) for every row; NaN = missing.
 * Percentile metrics rank within the portfolio or within the segment column's values.
 */
export function computeMetricPoints(model: Model, table: ColumnTable): MetricPoints {
	const n = table.n;
	const metrics = allMetrics(model);
	const needKeys = metrics.some(
		(m) => m.scheme.kind === 'percentile' && m.scheme.within === 'segment'
	);
	const keys = needKeys ? segmentKeys(model, table) : null;
	const points = metrics.map((m) => {
		const out = new Float64Array(n);
		const column = table.columns.get(m.column);
		if (m.scheme.kind === 'percentile') {
			const within = m.scheme.within === 'segment' ? keys : null;
			percentilePoints(numericValues(column, n), within, m.direction, out);
		} else {
			columnPoints(m.scheme, column, out);
		}
		return out;
	});
	return { n, points };
}

/** Score every row of a table: both stages. See `ScoreResult` for the arrays returned. */
export function scoreTable(model: Model, table: ColumnTable): ScoreResult {
	return combineScores(model, computeMetricPoints(model, table), table);
}

/**
 * Worker-side scoring core, pure (no DOM, no worker globals) so a bench page or a test can drive
 * it directly. Holds one table, caches stage-1 metric points, and re-runs only stage 2
 * (`combineScores`) when a model change leaves the metric definitions alone (weights, tiers,
 * missing policies, segment overrides). Summarises the rows on show (latest snapshot per
 * account) into a histogram of shown scores and tier counts.
 */
import { allMetrics } from '$lib/model/structure';
import { segmentGroups } from '$lib/model/segments';
import { computeMetricPoints } from '$lib/model/score';
import {
	accountStage,
	combinePlan,
	dimensionKey,
	dimensionStage,
	interleave,
	type DimensionRows,
	type FastResult
} from './fast-combine';
import { syntheticModel, syntheticTable } from './synthetic';
import type { ColumnTable, MetricPoints, Model, ScoreResult } from '$lib/model/types';

/** One bin per shown whole score 0…100 (101 bins: 100 needs its own bin for exact tier counts). */
export const HIST_BINS = 101;

/**
 * What stage 1 depends on: each metric's column, direction and scheme (model order), and the
 * segment column (percentile within segment). Weights, tiers and missing policies are stage 2.
 */
export function pointsKey(model: Model): string {
	const metrics = allMetrics(model).map((m) => [m.column, m.direction, m.scheme]);
	return JSON.stringify([metrics, model.segments?.column ?? null]);
}

export interface ScoreSummary {
	/** Accounts on show per shown score 0…100. */
	histogram: Uint32Array;
	/** Same, only accounts that use the base model's tiers (threshold drags move only those). */
	baseHistogram: Uint32Array;
	/** Accounts on show with their segment's own tiers, by tier index (do not move with a drag). */
	fixedTierCounts: Uint32Array;
	/** Accounts on show per tier index (all). */
	tierCounts: Uint32Array;
	/** Accounts on show that are not scored. */
	notScored: number;
	/** Accounts on show. */
	total: number;
}

/**
 * Histogram and tier counts over `rows` (null = every row). `groups` is the segment group of each
 * row (null = all base); `ownTiers[g]` says whether group g has its own tiers.
 */
export function summarise(
	r: ScoreResult,
	rows: Int32Array | null,
	tierCount: number,
	groups: Int32Array | null,
	ownTiers: readonly boolean[]
): ScoreSummary {
	const histogram = new Uint32Array(HIST_BINS);
	const baseHistogram = new Uint32Array(HIST_BINS);
	const fixedTierCounts = new Uint32Array(tierCount);
	const tierCounts = new Uint32Array(tierCount);
	let notScored = 0;
	const total = rows ? rows.length : r.n;
	const { shown, tier } = r;
	for (let k = 0; k < total; k++) {
		const i = rows ? rows[k]! : k;
		const s = shown[i]!;
		if (s !== s) {
			notScored++;
			continue;
		}
		histogram[s]!++;
		const t = tier[i]!;
		if (t >= 0) tierCounts[t]!++;
		if (groups && ownTiers[groups[i]!]) {
			if (t >= 0) fixedTierCounts[t]!++;
		} else baseHistogram[s]!++;
	}
	return { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
}

export interface CoreResult {
	result: FastResult;
	summary: ScoreSummary;
	/** True when cached metric points were reused (only stage 2 ran). */
	reusedPoints: boolean;
	/** True when cached dimension scores were reused too (only the account step ran). */
	reusedDimensions: boolean;
	/** Time spent in this call, ms. */
	ms: number;
}

export class ScoreCore {
	#table: ColumnTable | null = null;
	#rows: Int32Array | null = null;
	#points: MetricPoints | null = null;
	#rowMajor: Float64Array = new Float64Array(0);
	#dims: DimensionRows | null = null;
	#dimKey = '';
	/** Coverage is not sent to the page: one buffer, reused. */
	#coverage: Float64Array = new Float64Array(0);
	#key = '';

	/** Replace the table (drops cached points). `rows`: the rows on show, null = all. */
	setTable(table: ColumnTable, rows: Int32Array | null): void {
		this.#table = table;
		this.#rows = rows;
		this.#points = null;
		this.#rowMajor = new Float64Array(0);
		this.#coverage = new Float64Array(table.n);
		this.#dims = null;
		this.#key = '';
		this.#dimKey = '';
	}

	get hasTable(): boolean {
		return this.#table !== null;
	}

	/** Score the table with `model`, reusing cached metric points when the definitions match. */
	score(model: Model, opts: { withDimensions?: boolean } = {}): CoreResult {
		const table = this.#table;
		if (!table) throw new Error('no table');
		const t0 = performance.now();
		const key = pointsKey(model);
		const reusedPoints = this.#points !== null && key === this.#key;
		if (!reusedPoints) {
			this.#points = computeMetricPoints(model, table);
			this.#rowMajor = interleave(this.#points);
			this.#key = key;
		}
		const plan = combinePlan(model);
		const groups = segmentGroups(model, table);
		// Rows' segment groups depend on the column and the order of override values.
		const groupKey = [
			model.segments?.column,
			...(model.segments?.overrides ?? []).map((o) => o.value)
		];
		const dimKey = `${key}|${dimensionKey(plan)}|${JSON.stringify(groupKey)}`;
		const reusedDimensions = reusedPoints && this.#dims !== null && dimKey === this.#dimKey;
		if (!reusedDimensions) {
			this.#dims = dimensionStage(plan, this.#rowMajor, table.n, groups);
			this.#dimKey = dimKey;
		}
		const result: FastResult = {
			...accountStage(model, plan, this.#dims as DimensionRows, table.n, groups, {
				withDimensions: opts.withDimensions,
				floors: true,
				coverageOut: this.#coverage
			}),
			metricPoints: (this.#points as MetricPoints).points
		};
		const ownTiers = [false, ...(model.segments?.overrides ?? []).map((o) => !!o.tiers)];
		const summary = summarise(result, this.#rows, model.tiers.length, groups, ownTiers);
		return { result, summary, reusedPoints, reusedDimensions, ms: performance.now() - t0 };
	}
}

export interface RescoreBench {
	/** First score of the table (metric points, dimension rows, account step), ms. */
	firstMs: number;
	medianMs: number;
	minMs: number;
	p95Ms: number;
}

/**
 * For a bench page: rescore `n` synthetic accounts × `metrics` metric columns after a weight
 * change, `runs` times. `change`: a dimension weight (account step only) or a metric weight
 * (dimension rows + account step). Times include the histogram and tier counts.
 */
export function rescoreBench(
	n: number,
	{ metrics = 12, runs = 15, change = 'dimension' as 'dimension' | 'metric' } = {}
): RescoreBench {
	const core = new ScoreCore();
	core.setTable(syntheticTable(n, metrics), null);
	const model = syntheticModel(metrics);
	const t0 = performance.now();
	core.score(model);
	const firstMs = performance.now() - t0;
	const times: number[] = [];
	for (let r = 1; r <= runs; r++) {
		const w = 1 + (r % 7);
		const m: Model = {
			...model,
			dimensions: model.dimensions.map((d, i) =>
				i !== 0
					? d
					: change === 'dimension'
						? { ...d, weight: w }
						: { ...d, metrics: d.metrics.map((x, j) => (j === 0 ? { ...x, weight: w } : x)) }
			)
		};
		times.push(core.score(m).ms);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
	return { firstMs, medianMs: at(0.5), minMs: times[0] ?? NaN, p95Ms: at(0.95) };
}

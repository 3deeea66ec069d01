/**
 * Worker-side scoring core, pure (no DOM, no worker globals) so a bench page or a test can drive
 * it directly. Holds one table and caches, per stage:
 *  - the metric points (stage 1), until a metric's column, direction or scheme changes;
 *  - each dimension's score column, until that dimension's metric weights or missing policies
 *    (or the rows' segment groups) change, so a metric-weight drag rewrites one dimension, not
 *    all n × M points (computed inside the account step; during a summary-only drag over
 *    ≤ 4 dimensions the one dirty dimension is not even stored, since the next step rewrites it:
 *    it stays marked stale and is recomputed when the arrays are asked for);
 *  - the rows' presence classes (which metrics have a real value), from which each row's
 *    coverage is one lookup in a per-model table;
 *  - the rows' segment groups.
 * Each call runs the account step fused with the histogram and tier counts of the rows on show
 * (latest snapshot per account); the per-row score arrays are written only when asked for.
 */
import { allMetrics } from '$lib/model/structure';
import { segmentGroups } from '$lib/model/segments';
import { computeMetricPoints } from '$lib/model/score';
import {
	accountPass,
	combinePlan,
	coverageTable,
	dimensionAcc,
	dimensionKey,
	HIST_BINS,
	presenceClasses,
	usesFloors,
	type FastResult,
	type DirtyDimension,
	type Presence,
	type ScoreSummary
} from './fast-combine';
import { syntheticModel, syntheticTable } from './synthetic';
import type { ColumnTable, MetricPoints, Model } from '$lib/model/types';
import type { ScoreReply, ScoreRequest } from './score-protocol';

export { HIST_BINS, type ScoreSummary };

/**
 * What stage 1 depends on: each metric's column, direction and scheme (model order), and the
 * segment column (percentile within segment). Weights, tiers and missing policies are stage 2.
 */
export function pointsKey(model: Model): string {
	const metrics = allMetrics(model).map((m) => [m.column, m.direction, m.scheme]);
	return JSON.stringify([metrics, model.segments?.column ?? null]);
}

/** Rows' segment groups depend on the column and the order of override values. */
function groupKey(model: Model): string {
	const s = model.segments;
	return s ? JSON.stringify([s.column, ...s.overrides.map((o) => o.value)]) : '';
}

export interface ScoreOptions {
	/** Also write score, shown, tier (and coverage, belowFloor) of every row. Default true. */
	arrays?: boolean;
	/**
	 * Also return `dimensions` as D column arrays (copies of the cache: the caller may transfer
	 * them); implies `arrays`.
	 */
	withDimensions?: boolean;
}

export interface CoreResult {
	/** Per-row results; null when `arrays` was false (summary only). */
	result: FastResult | null;
	summary: ScoreSummary;
	/** True when cached metric points were reused (only stage 2 ran). */
	reusedPoints: boolean;
	/** How many dimensions were recomputed (0: only the account step ran). */
	dimensionsComputed: number;
	/** True when no dimension was recomputed. */
	reusedDimensions: boolean;
	/** Time spent in this call, ms. */
	ms: number;
}

export class ScoreCore {
	#table: ColumnTable | null = null;
	#rows: Int32Array | null = null;
	#points: MetricPoints | null = null;
	#key = '';
	/** Per dimension: score column and the key it was computed for. */
	#S: Float64Array[] = [];
	#presence: Presence | null = null;
	#dimKeys: string[] = [];
	#groups: Int32Array | null = null;
	#groupKey: string | null = null;
	/** Coverage is not sent to the page: one buffer, reused. */
	#coverage: Float64Array = new Float64Array(0);

	/** Replace the table (drops every cache). `rows`: the rows on show, null = all. */
	setTable(table: ColumnTable, rows: Int32Array | null): void {
		this.#table = table;
		this.#rows = rows;
		this.#points = null;
		this.#key = '';
		this.#S = [];
		this.#presence = null;
		this.#dimKeys = [];
		this.#groups = null;
		this.#groupKey = null;
		this.#coverage = new Float64Array(0);
	}

	get hasTable(): boolean {
		return this.#table !== null;
	}

	/** Score the table with `model`, reusing whatever cached stage the change left valid. */
	score(model: Model, opts: ScoreOptions = {}): CoreResult {
		const table = this.#table;
		if (!table) throw new Error('no table');
		const t0 = performance.now();
		const n = table.n;
		const key = pointsKey(model);
		const reusedPoints = this.#points !== null && key === this.#key;
		if (!reusedPoints) {
			this.#points = computeMetricPoints(model, table);
			this.#presence = presenceClasses(this.#points.points, n);
			this.#key = key;
			this.#dimKeys = [];
		}
		const points = this.#points as MetricPoints;
		const gk = groupKey(model);
		if (gk !== this.#groupKey) {
			this.#groups = segmentGroups(model, table);
			this.#groupKey = gk;
			this.#dimKeys = [];
		}
		const groups = this.#groups;
		const plan = combinePlan(model);
		if (points.points.length !== plan.metricCount) throw new Error('points do not match the model');
		const D = plan.dimensionCount;
		const dirty: DirtyDimension[] = [];
		const keys: string[] = [];
		for (let d = 0; d < D; d++) {
			keys[d] = dimensionKey(plan, d);
			if (this.#dimKeys[d] === keys[d]) continue;
			if (!this.#S[d]) this.#S[d] = new Float64Array(n);
			this.#dimKeys[d] = '';
			dirty.push({ d, acc: dimensionAcc(plan, points.points, d, n) });
		}
		const dimensionsComputed = dirty.length;
		const S = this.#S.slice(0, D);
		const presence = this.#presence as Presence;
		const cover = {
			cls: presence.cls,
			count: presence.count,
			table: coverageTable(plan, points.points, presence)
		};
		const withArrays = opts.arrays !== false || !!opts.withDimensions;
		let result: FastResult | null = null;
		if (withArrays) {
			if (this.#coverage.length !== n) this.#coverage = new Float64Array(n);
			result = {
				n,
				score: new Float64Array(n),
				shown: new Float64Array(n),
				tier: new Int8Array(n),
				coverage: this.#coverage,
				belowFloor: usesFloors(model) ? new Uint32Array(n) : null,
				dimensions: [],
				metricPoints: points.points
			};
		}
		const summary = accountPass(model, plan, S, cover, n, groups, {
			out: result,
			rows: this.#rows,
			dirty
		});
		for (const { d, unwritten } of dirty) if (!unwritten) this.#dimKeys[d] = keys[d]!;
		if (result && opts.withDimensions) result.dimensions = S.map((s) => s.slice());
		return {
			result,
			summary,
			reusedPoints,
			dimensionsComputed,
			reusedDimensions: reusedPoints && dimensionsComputed === 0,
			ms: performance.now() - t0
		};
	}
}

/**
 * The score worker's message handling (the worker posts what this returns; tests call it
 * in-process): the reply to `msg` and the buffers to transfer with it.
 */
export function handleScoreRequest(
	core: ScoreCore,
	msg: ScoreRequest
): { reply: ScoreReply; transfer: Transferable[] } {
	try {
		if (msg.type === 'score/table') {
			core.setTable({ n: msg.n, columns: new Map(msg.columns) }, msg.rows);
			return { reply: { type: 'score/table-ready', id: msg.id }, transfer: [] };
		}
		const { result, summary, reusedPoints, ms } = core.score(msg.model, {
			arrays: !!msg.arrays,
			withDimensions: !!msg.dimensions
		});
		const meta = { type: 'score/result' as const, id: msg.id, reusedPoints, workerMs: ms };
		if (!result) return { reply: { ...meta, ...summary, full: false }, transfer: [] };
		const { score, shown, tier, belowFloor, dimensions } = result;
		return {
			reply: { ...meta, ...summary, full: true, score, shown, tier, dimensions, belowFloor },
			transfer: [
				score.buffer,
				shown.buffer,
				tier.buffer,
				...(belowFloor ? [belowFloor.buffer] : []),
				...dimensions.map((d) => d.buffer)
			]
		};
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		return { reply: { type: 'score/error', id: msg.id, message }, transfer: [] };
	}
}

export interface RescoreBench {
	/** First score of the table (metric points, dimension columns, account step), ms. */
	firstMs: number;
	medianMs: number;
	minMs: number;
	p95Ms: number;
}

/**
 * For a bench page: rescore `n` synthetic accounts × `metrics` metric columns after a weight
 * change, `runs` times. `change`: a dimension weight (account step only) or a metric weight
 * (one dimension's columns + account step). Times include the histogram and tier counts;
 * `arrays` also writes the per-row score arrays (the settled reply), off by default (a drag).
 */
export function rescoreBench(
	n: number,
	{ metrics = 12, runs = 15, change = 'dimension' as 'dimension' | 'metric', arrays = false } = {}
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
		times.push(core.score(m, { arrays }).ms);
	}
	times.sort((a, b) => a - b);
	const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
	return { firstMs, medianMs: at(0.5), minMs: times[0] ?? NaN, p95Ms: at(0.95) };
}

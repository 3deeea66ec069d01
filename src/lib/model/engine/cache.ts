/**
 * The scoring engine's cached fast path (pure: no DOM, no worker globals; the score worker, a
 * bench page or a test drives it). Holds one table and caches, per stage:
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
 * Every step does the reference engine's (reference.ts) floating-point operations in the same
 * order per row, so the numbers are bit-identical to `scoreTable` (cache.test.ts checks this).
 */
import { computeMetricPoints } from '../score';
import { segmentGroups } from '../segments';
import { allMetrics } from '../structure';
import type { ColumnTable, MetricPoints, Model } from '../types';
import { accountPass } from './fast/account';
import { dimensionAcc, dimensionKey } from './fast/dimension';
import { coverageTable, presenceClasses, type Presence } from './fast/presence';
import { usesFloors, type DirtyDimension, type FastResult, type ScoreSummary } from './fast/types';
import { combinePlan } from './plan';
import { Scratch } from '../scratch';

export type { FastResult, ScoreSummary };

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
	 * them; a core with kept buffers returns its own columns); implies `arrays`.
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
	/** Where per-row buffers come from when reused (see the constructor); null: new ones. */
	readonly #pool: Scratch | null;

	/**
	 * `buffers`: take every per-row buffer (dimension columns, presence classes, the result
	 * arrays) from this scratch, from table to table and from core to core, growing them when a
	 * table is longer; a result's arrays are then valid only until the next call on any core
	 * sharing it. For callers that score many tables one after another (the score history's
	 * slices, the robustness draws): fresh memory costs a page fault per 4 KB on first write,
	 * which on these machines is most of the time of a scoring pass (scratch.ts).
	 */
	constructor(opts: { buffers?: Scratch } = {}) {
		this.#pool = opts.buffers ?? null;
	}

	/** A per-row buffer of length n: new, or the pooled one under `name`. */
	#buffer<T extends Float64Array | Int32Array | Int8Array | Uint32Array>(
		name: string,
		n: number,
		make: new (n: number) => T
	): T {
		return this.#pool ? this.#pool.take(make, name, n) : new make(n);
	}

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

	/**
	 * {@link setTable} with the table's stage-1 points for `model` already computed: they must be
	 * exactly `computeMetricPoints(model, table)` (`SubsetPoints.at` gives that for a subset of
	 * rows), and are used until a stage-1 setting changes.
	 */
	setTableWithPoints(
		table: ColumnTable,
		rows: Int32Array | null,
		model: Model,
		points: MetricPoints
	): void {
		if (points.n !== table.n) throw new Error('points do not match the table');
		this.setTable(table, rows);
		this.#points = points;
		this.#presence = presenceClasses(
			points.points,
			table.n,
			this.#buffer('classes', table.n, Int32Array)
		);
		this.#key = pointsKey(model);
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
			if (!this.#S[d]) this.#S[d] = this.#buffer(`S${d}`, n, Float64Array);
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
			if (this.#coverage.length !== n) this.#coverage = this.#buffer('coverage', n, Float64Array);
			result = {
				n,
				score: this.#buffer('score', n, Float64Array),
				shown: this.#buffer('shown', n, Float64Array),
				tier: this.#buffer('tier', n, Int8Array),
				coverage: this.#coverage,
				belowFloor: usesFloors(model) ? this.#buffer('belowFloor', n, Uint32Array) : null,
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
		// Copies the caller may transfer; with kept buffers, the columns themselves (valid, like
		// the other arrays, until the next call).
		if (result && opts.withDimensions)
			result.dimensions = this.#pool ? S.slice(0, D) : S.map((s) => s.slice());
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

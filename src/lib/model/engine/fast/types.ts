/** Shapes shared by the fast path's steps. */
import type { Model, ScoreResult } from '../../types';
import type { CombinePlan } from '../plan';
import type { MetricAcc } from './dimension';

export interface FastResult extends ScoreResult {
	/** Bit d set when dimension d's score is below its floor (only with floors; ≤ 32 dims). */
	belowFloor: Uint32Array | null;
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

/** Per-row arrays an account pass can write (each n long). */
export interface AccountArrays {
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	coverage: Float64Array;
	/** Null unless a dimension has a floor (and there are ≤ 32 dimensions). */
	belowFloor: Uint32Array | null;
}

export interface DirtyDimension {
	d: number;
	acc: MetricAcc;
	/** Set by `accountPass` when it left this dimension's column unwritten. */
	unwritten?: boolean;
}

/** Counts of the rows on show, per segment group; folded into a ScoreSummary at the end. */
export interface Sums {
	/** Rows on show per group g and shown score r, at g × HIST_BINS + r. */
	gh: Uint32Array;
	/** Rows on show per group g and tier t (g × T + t) whose shown score is outside 0…100. */
	odd: Uint32Array;
	T: number;
}

/** Per-row sums of one block of rows, and the weights (group g, dimension d at g × D + d). */
export interface Acc {
	/** Row of each block slot when `gather`; otherwise slot j is row `base + j`. */
	idx: Int32Array;
	gather: boolean;
	base: number;
	/** Segment group of each slot (all 0 when there are no segment groups). */
	grp: Int32Array;
	num: Float64Array;
	den: Float64Array;
	cov: Float64Array;
	len: number;
	D: number;
	dw: Float64Array;
}

/** Whether `model` has a dimension floor the pass reports (`belowFloor`). */
export function usesFloors(model: Model): boolean {
	return model.dimensions.length <= 32 && model.dimensions.some((d) => d.floor !== undefined);
}

/** What the drag path's row loop (`summaryRows`, kernels.generated.ts) reads. */
export interface RowPass {
	S: readonly Float64Array[];
	/** Dimension weights, group g's dimension d at g × D + d. */
	dw: Float64Array;
	D: number;
	groups: Int32Array | null;
	/** Rows to visit (null: 0 … count − 1). */
	rows: Int32Array | null;
	count: number;
	/** Coverage lookup: `covT[group × K + cls[row]]` (see presence.ts). */
	cls: Int32Array;
	covT: Float64Array;
	K: number;
	minCov: Float64Array;
	plan: CombinePlan;
	sums: Sums;
	/** A dirty dimension (≤ 4 metrics) whose scores this loop computes (not stored), or null. */
	fuse: DirtyDimension | null;
}

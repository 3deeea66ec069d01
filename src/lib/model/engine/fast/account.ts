/**
 * Dimension columns → account score, shown score and tier of every row (depends on dimension
 * weights, tiers and minimum coverage), fused with the histogram and tier counts of the rows on
 * show. It can skip writing the per-row arrays (a slider drag needs only the summary): a drag with
 * ≤ 4 dimensions runs one row loop (`summaryRows`) with a dirty dimension's score computed in the
 * same loop; otherwise blocks of rows, dirty dimensions first per block.
 */
import type { Model } from '../../types';
import { shownOf, tierIndexFor, tierLookup } from '../../tiers';
import { HIST_BINS, isScored } from '../constants';
import type { CombinePlan } from '../plan';
import { BLOCK, dimensionBlock } from './dimension';
import { addDimensions, countBlock, summaryRows } from './kernels.generated';
import type { Cover } from './presence';
import type { AccountArrays, Acc, DirtyDimension, ScoreSummary, Sums } from './types';
import { Scratch } from '../../scratch';

/** A block pass's per-block arrays, kept from pass to pass (see scratch.ts). */
const work = new Scratch();

export interface AccountPassOptions {
	/** Write the per-row arrays into these (every row); null = summary only. */
	out: AccountArrays | null;
	/** Rows on show, summarised; null = every row. */
	rows: Int32Array | null;
	/**
	 * Dimensions whose score columns (in S) the pass recomputes, every row. A summary-only pass
	 * with one dirty dimension may compute its scores in its row loop without storing them (a
	 * drag rewrites that dimension on every step); it then sets `unwritten`, and the column is
	 * stale (recompute it next time).
	 */
	dirty?: DirtyDimension[];
}

/** What every step of a pass reads: the model's weights and tiers per segment group. */
interface PassTables {
	D: number;
	G: number;
	T: number;
	/** Dimension weights, group g's dimension d at g × D + d. */
	dw: Float64Array;
	minCov: Float64Array;
	/** Tier of each shown score 0…100 per group, at g × HIST_BINS + score. */
	tierOf: Int8Array;
	/** 1 when group g uses its segment's own tiers (its counts do not move with a drag). */
	own: Uint8Array;
	/** Floor per dimension (NaN: none). */
	floor: Float64Array;
	plan: CombinePlan;
}

function passTables(model: Model, plan: CombinePlan): PassTables {
	const D = plan.dimensionCount;
	const G = plan.groups.length;
	const dw = new Float64Array(G * D);
	plan.groups.forEach((g, k) => dw.set(g.dimWeight, k * D));
	const tierOf = new Int8Array(G * HIST_BINS);
	const own = new Uint8Array(G);
	plan.groups.forEach((g, k) => {
		own[k] = k > 0 && model.segments?.overrides[k - 1]?.tiers ? 1 : 0;
		tierOf.set(tierLookup(g.tiers), k * HIST_BINS);
	});
	return {
		D,
		G,
		T: model.tiers.length,
		dw,
		minCov: Float64Array.from(plan.groups, (g) => g.minCoverage),
		tierOf,
		own,
		floor: Float64Array.from(model.dimensions, (d) => d.floor ?? NaN),
		plan
	};
}

/**
 * Account score, shown score and tier of every row from its dimension columns (written to
 * `opts.out` when given), and the histogram and tier counts of the rows on show (`opts.rows`).
 * Without `out`, only the rows on show are visited.
 */
export function accountPass(
	model: Model,
	plan: CombinePlan,
	S: readonly Float64Array[],
	cover: Cover,
	n: number,
	groups: Int32Array | null,
	opts: AccountPassOptions
): ScoreSummary {
	const tb = passTables(model, plan);
	const { D, G, T } = tb;
	const { out, rows } = opts;
	const dirty = opts.dirty ?? [];
	const sums: Sums = { gh: new Uint32Array(G * HIST_BINS), odd: new Uint32Array(G * T), T };
	// Summarise inside the row loop unless it visits rows that are not on show.
	const fused = rows === null || out === null;
	const gather = out === null && rows !== null;
	const count = gather ? rows.length : n;
	// A drag (summary only) with ≤ 4 dimensions: one row loop over the rows on show; when that is
	// every row, one dirty dimension of ≤ 4 metrics is fused in.
	const rowLoop = out === null && D >= 1 && D <= 4;
	const fuse =
		rowLoop && rows === null && dirty.length === 1 && dirty[0]!.acc.k <= 4 ? dirty[0]! : null;
	// Dimensions to recompute: per block, just before the account step reads them (still in
	// cache), unless the pass visits only some rows or takes the row loop (then first, every row).
	for (const x of dirty)
		if (x !== fuse && (gather || rowLoop))
			for (let b = 0; b < n; b += BLOCK)
				dimensionBlock(x.acc, groups, S[x.d]!, b, Math.min(BLOCK, n - b));
	let notScored: number;
	if (rowLoop) {
		if (fuse) fuse.unwritten = true;
		const { cls, table: covT, count: K } = cover;
		const { dw, minCov } = tb;
		notScored = summaryRows({
			S,
			dw,
			D,
			groups,
			rows,
			count,
			cls,
			covT,
			K,
			minCov,
			plan,
			sums,
			fuse
		});
	} else {
		const perBlock = gather ? [] : dirty;
		notScored = blockPass(
			tb,
			S,
			cover,
			groups,
			{ out, rows, gather, count, fused, perBlock },
			sums
		);
	}
	if (!fused && out !== null && rows !== null) notScored += countRows(out, rows, groups, tb, sums);
	return foldSums(tb, sums, notScored, rows === null ? n : rows.length);
}

interface BlockPlan {
	out: AccountArrays | null;
	rows: Int32Array | null;
	/** Visit `rows` (summary only, some rows) rather than 0 … count − 1. */
	gather: boolean;
	count: number;
	/** Count the rows into `sums` as they are visited. */
	fused: boolean;
	/** Dimensions to recompute block by block, before the account step reads them. */
	perBlock: DirtyDimension[];
}

/**
 * The blocked pass: for each block of rows, each dimension's column streams into per-row sums
 * (dimension order per row, as in the engine), then one pass turns the sums into scores (written
 * to `out`) and counts (into `sums` when `fused`). Returns how many rows counted are not scored.
 */
function blockPass(
	tb: PassTables,
	S: readonly Float64Array[],
	cover: Cover,
	groups: Int32Array | null,
	bp: BlockPlan,
	sums: Sums
): number {
	const { D, dw, floor } = tb;
	const { out, rows, gather, count, fused, perBlock } = bp;
	const { cls, table: covT, count: K } = cover;
	const useFloors = out !== null && out.belowFloor !== null;
	const idx = work.i32('idx', BLOCK);
	// Group 0 for every row unless the rows have segment groups.
	const grp = work.i32('grp', BLOCK).fill(0);
	const num = work.f64('num', BLOCK);
	const den = work.f64('den', BLOCK);
	const cov = work.f64('cov', BLOCK);
	const below = work.u32('below', BLOCK);
	let notScored = 0;
	for (let b = 0; b < count; b += BLOCK) {
		const len = Math.min(BLOCK, count - b);
		if (gather) for (let j = 0; j < len; j++) idx[j] = rows![b + j]!;
		else for (let j = 0; j < len; j++) idx[j] = b + j;
		if (groups !== null) for (let j = 0; j < len; j++) grp[j] = groups[idx[j]!]!;
		if (useFloors) below.fill(0, 0, len);
		for (const { d, acc } of perBlock) dimensionBlock(acc, groups, S[d]!, b, len);
		for (let j = 0; j < len; j++) cov[j] = covT[grp[j]! * K + cls[idx[j]!]!]!;
		const acc: Acc = { idx, gather, base: b, grp, num, den, cov, len, D, dw };
		for (let d = 0; d < D; d += 4) {
			const k = Math.min(4, D - d);
			addDimensions(acc, d, k, S);
			if (useFloors) {
				for (let e = d; e < d + k; e++) {
					const f = floor[e]!;
					const Se = S[e]!;
					if (f === f) for (let j = 0; j < len; j++) if (Se[idx[j]!]! < f) below[j]! |= 1 << e;
				}
			}
		}
		if (useFloors) for (let j = 0; j < len; j++) out.belowFloor![idx[j]!] = below[j]!;
		if (out !== null) finishOut(acc, tb, out);
		if (fused) notScored += countBlock(acc, tb.minCov, tb.plan, sums);
	}
	return notScored;
}

/** Score, shown score, tier and coverage of one block's rows into the per-row arrays. */
function finishOut(a: Acc, tb: PassTables, out: AccountArrays): void {
	const { idx, grp, num, den, cov, len } = a;
	const { minCov, tierOf, plan } = tb;
	const { score, shown, tier, coverage } = out;
	for (let j = 0; j < len; j++) {
		const i = idx[j]!;
		const g = grp[j]!;
		const c = cov[j]!;
		const dn = den[j]!;
		coverage[i] = c;
		if (!isScored(dn, c, minCov[g]!)) {
			score[i] = NaN;
			shown[i] = NaN;
			tier[i] = -1;
			continue;
		}
		const sc = num[j]! / dn;
		const r = shownOf(sc);
		score[i] = sc;
		shown[i] = r;
		tier[i] =
			r >= 0 && r < HIST_BINS ? tierOf[g * HIST_BINS + r]! : tierIndexFor(plan.groups[g]!.tiers, r);
	}
}

/** Counts of `rows` from the arrays a pass wrote; returns how many are not scored. */
function countRows(
	out: AccountArrays,
	rows: Int32Array,
	groups: Int32Array | null,
	tb: PassTables,
	sums: Sums
): number {
	const { gh, odd } = sums;
	const { T } = tb;
	let notScored = 0;
	for (let k = 0; k < rows.length; k++) {
		const i = rows[k]!;
		const r = out.shown[i]!;
		if (r !== r) {
			notScored++;
			continue;
		}
		const g = groups === null ? 0 : groups[i]!;
		if (r >= 0 && r < HIST_BINS) gh[g * HIST_BINS + r]!++;
		else if (out.tier[i]! >= 0) odd[g * T + out.tier[i]!]!++;
	}
	return notScored;
}

/** The per-group counts folded into the summary (tiers looked up once per group and score). */
function foldSums(tb: PassTables, sums: Sums, notScored: number, total: number): ScoreSummary {
	const { G, T, tierOf, own } = tb;
	const histogram = new Uint32Array(HIST_BINS);
	const baseHistogram = new Uint32Array(HIST_BINS);
	const fixedTierCounts = new Uint32Array(T);
	const tierCounts = new Uint32Array(T);
	for (let g = 0; g < G; g++) {
		for (let r = 0; r < HIST_BINS; r++) {
			const c = sums.gh[g * HIST_BINS + r]!;
			if (c === 0) continue;
			const t = tierOf[g * HIST_BINS + r]!;
			histogram[r]! += c;
			if (t >= 0) tierCounts[t]! += c;
			if (own[g]) {
				if (t >= 0) fixedTierCounts[t]! += c;
			} else baseHistogram[r]! += c;
		}
		for (let t = 0; t < T; t++) {
			const c = sums.odd[g * T + t]!;
			tierCounts[t]! += c;
			if (own[g]) fixedTierCounts[t]! += c;
		}
	}
	return { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
}

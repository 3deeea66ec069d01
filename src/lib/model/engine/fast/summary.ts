/**
 * The drag path: summary counts of the rows on show in one row loop over ≤ 4 dimension columns
 * (no per-row arrays written), optionally with one dirty dimension of ≤ 4 metrics computed in the
 * same loop instead of being stored first.
 */
import { shownOf, tierIndexFor } from '../../tiers';
import { HIST_BINS, isScored } from '../constants';
import type { CombinePlan } from '../plan';
import type { DirtyDimension, Sums } from './types';

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

/**
 * Counts the rows into `r.sums`, one row loop over ≤ 4 dimension columns in locals (and, when
 * `fuse` is set, that dimension's ≤ 4 metric point columns: its score is computed in the loop
 * and used in place of its column, which is left as it was). The same operations in the same
 * order per row as the engine; the loop-invariant `k > j` / `D > d` tests only skip the missing
 * columns. Returns how many rows are not scored.
 */
export function summaryRows(r: RowPass): number {
	const { S, dw, D, groups, rows, count, cls, covT, K, minCov, plan, fuse } = r;
	const { gh, odd, T } = r.sums;
	const s0 = S[0]!,
		s1 = S[Math.min(1, D - 1)]!,
		s2 = S[Math.min(2, D - 1)]!,
		s3 = S[Math.min(3, D - 1)]!;
	const k = fuse ? fuse.acc.k : 0;
	const e = fuse ? fuse.d : -1;
	const cols = fuse ? fuse.acc.cols : [s0];
	const q0 = cols[0] ?? s0,
		q1 = cols[Math.min(1, k - 1)] ?? s0,
		q2 = cols[Math.min(2, k - 1)] ?? s0,
		q3 = cols[Math.min(3, k - 1)] ?? s0;
	const wm = fuse ? fuse.acc.wm : new Float64Array(0);
	const fill = fuse ? fuse.acc.fill : new Float64Array(0);
	const f0 = fill[0] ?? NaN,
		f1 = fill[1] ?? NaN,
		f2 = fill[2] ?? NaN,
		f3 = fill[3] ?? NaN;
	const W0 = dw[0]!,
		W1 = dw[Math.min(1, D - 1)]!,
		W2 = dw[Math.min(2, D - 1)]!,
		W3 = dw[Math.min(3, D - 1)]!;
	const one = groups === null;
	const M0 = wm[0] ?? 0,
		M1 = wm[1] ?? 0,
		M2 = wm[2] ?? 0,
		M3 = wm[3] ?? 0;
	let notScored = 0;
	for (let at = 0; at < count; at++) {
		const i = rows === null ? at : rows[at]!;
		const g = groups === null ? 0 : groups[i]!;
		// The fused dimension's score (as dimension.ts's kernel: metric order, policy points).
		let fv = NaN;
		if (fuse !== null) {
			if (k === 0) fv = NaN;
			else {
				const o = g * k;
				let nm = 0;
				let dn = 0;
				let p = q0[i]!;
				let w = one ? M0 : wm[o]!;
				if (p !== p) {
					if (f0 === f0) {
						nm += w * f0;
						dn += w;
					}
				} else {
					nm += w * p;
					dn += w;
				}
				if (k > 1) {
					p = q1[i]!;
					w = one ? M1 : wm[o + 1]!;
					if (p !== p) {
						if (f1 === f1) {
							nm += w * f1;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				if (k > 2) {
					p = q2[i]!;
					w = one ? M2 : wm[o + 2]!;
					if (p !== p) {
						if (f2 === f2) {
							nm += w * f2;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				if (k > 3) {
					p = q3[i]!;
					w = one ? M3 : wm[o + 3]!;
					if (p !== p) {
						if (f3 === f3) {
							nm += w * f3;
							dn += w;
						}
					} else {
						nm += w * p;
						dn += w;
					}
				}
				fv = dn > 0 ? nm / dn : NaN;
			}
		}
		// The account score over the ≤ 4 dimensions (the fused one's value in place of its column).
		const o = g * D;
		let nm = 0;
		let dn = 0;
		let v = e === 0 ? fv : s0[i]!;
		let w = one ? W0 : dw[o]!;
		if (w > 0 && v === v) {
			nm += w * v;
			dn += w;
		}
		if (D > 1) {
			v = e === 1 ? fv : s1[i]!;
			w = one ? W1 : dw[o + 1]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (D > 2) {
			v = e === 2 ? fv : s2[i]!;
			w = one ? W2 : dw[o + 2]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (D > 3) {
			v = e === 3 ? fv : s3[i]!;
			w = one ? W3 : dw[o + 3]!;
			if (w > 0 && v === v) {
				nm += w * v;
				dn += w;
			}
		}
		if (!isScored(dn, covT[g * K + cls[i]!]!, minCov[g]!)) {
			notScored++;
			continue;
		}
		const sh = shownOf(nm / dn);
		if (sh >= 0 && sh < HIST_BINS) gh[g * HIST_BINS + sh]!++;
		else {
			const t = tierIndexFor(plan.groups[g]!.tiers, sh);
			if (t >= 0) odd[g * T + t]!++;
		}
	}
	return notScored;
}

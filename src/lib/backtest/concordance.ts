/**
 * Harrell's concordance index (c-index) of a risk score against survival times with censoring
 * ([Harrell, Califf, Pryor, Lee & Rosati 1982](https://doi.org/10.1001/jama.1982.03320430047030)).
 *
 * A pair of accounts (i, j) is *comparable* when i churned (event) strictly before j's time
 * (j churned later or was still a customer when last seen). It is *concordant* when i had the
 * higher risk; a tie in risk counts ½. c = (concordant + ½ tied) ÷ comparable: 0.5 = no better
 * than chance, 1 = every earlier churner was ranked riskier. Pairs with equal times are not
 * comparable. Counted in O(n log n) with a Fenwick tree over risk ranks.
 */
import { ascendingOrder } from './order';
import { Scratch } from '$lib/model/scratch';

/** `harrellC`'s temporaries (see scratch.ts). */
const work = new Scratch();

/** The c-index and its pair counts. */
export interface Concordance {
	c: number;
	comparable: number;
	concordant: number;
	tied: number;
}

/**
 * @param risk higher = riskier (e.g. 100 − score); rows with a non-finite risk or time, or an
 *   event other than 0/1, are skipped. No comparable pair gives c = NaN.
 */
export function harrellC(
	time: ArrayLike<number>,
	event: ArrayLike<number>,
	risk: ArrayLike<number>
): Concordance {
	const valid = work.i32('valid', time.length);
	const risks = work.f64('risks', time.length);
	const times = work.f64('times', time.length);
	let m = 0;
	for (let i = 0; i < time.length; i++)
		if (
			Number.isFinite(time[i]!) &&
			Number.isFinite(risk[i]!) &&
			(event[i] === 0 || event[i] === 1)
		) {
			valid[m] = i;
			risks[m] = risk[i]!;
			times[m++] = time[i]!;
		}
	// Dense 1-based ranks of risk (−0 = 0), walking the risks in ascending order.
	const byRisk = ascendingOrder(risks.subarray(0, m), work.i32('by risk', m));
	const rank = work.i32('rank', time.length).fill(0);
	let r = 0;
	for (let k = 0; k < m; k++) {
		if (k === 0 || risks[byRisk[k]!] !== risks[byRisk[k - 1]!]) r++;
		rank[valid[byRisk[k]!]!] = r;
	}
	const tree = work.f64('tree', r + 1).fill(0);
	const add = (k: number) => {
		for (; k <= r; k += k & -k) tree[k]!++;
	};
	const below = (k: number) => {
		let s = 0;
		for (; k > 0; k -= k & -k) s += tree[k]!;
		return s;
	};
	// Latest time first.
	const idx = ascendingOrder(times.subarray(0, m), work.i32('by time', m)).reverse();
	for (let k = 0; k < m; k++) idx[k] = valid[idx[k]!]!;
	let comparable = 0;
	let concordant = 0;
	let tied = 0;
	let inTree = 0;
	for (let p = 0; p < idx.length;) {
		const t = time[idx[p]!]!;
		let q = p;
		for (; q < idx.length && time[idx[q]!] === t; q++) {
			const i = idx[q]!;
			if (event[i] !== 1) continue;
			const k = rank[i]!;
			const lower = below(k - 1);
			const same = below(k) - lower;
			comparable += inTree;
			concordant += lower;
			tied += same;
		}
		for (; p < q; p++) {
			add(rank[idx[p]!]!);
			inTree++;
		}
	}
	return {
		c: comparable > 0 ? (concordant + tied / 2) / comparable : NaN,
		comparable,
		concordant,
		tied
	};
}

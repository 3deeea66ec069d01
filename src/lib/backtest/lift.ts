/**
 * Lift / decile table and the cumulative gains curve.
 * Accounts are ranked riskiest first (lowest score first) and cut into equal-count bins; decile 1
 * holds the riskiest 10 %. Lift = churn rate in the bin ÷ overall churn rate
 * ([Ling & Li 1998, "Data mining for direct marketing"](https://www.aaai.org/Papers/KDD/1998/KDD98-011.pdf);
 * gains = cumulative share of churners caught vs share of accounts contacted).
 *
 * Ties: when a group of equal scores straddles a bin boundary, its accounts are split by count
 * and its churners pro rata (the expectation under random tie-breaking), so churner counts in a
 * bin may be fractional. Account counts are whole: bin k ends at round(k·n / bins).
 */
import { groupByScore, type ScoreGroups } from './groups';

/** One row of the decile (or n-tile) table. */
export interface LiftRow {
	/** 1 = riskiest bin. */
	bin: number;
	accounts: number;
	/** May be fractional when a tie group straddles the bin edge. */
	churners: number;
	churnRate: number;
	/** churnRate ÷ base rate. */
	lift: number;
	/** Share of all accounts in bins 1…this one. */
	cumAccountShare: number;
	/** Share of all churners in bins 1…this one (the gains curve). */
	cumChurnerShare: number;
	/** cumChurnerShare ÷ cumAccountShare. */
	cumLift: number;
	minScore: number;
	maxScore: number;
}

/** Equal-count bins over groups, riskiest (lowest score) first. */
export function liftFromGroups(g: ScoreGroups, bins = 10): LiftRow[] {
	const n = g.positives + g.negatives;
	if (n === 0 || bins < 1) return [];
	const acc = new Float64Array(bins);
	const chu = new Float64Array(bins);
	const minS = new Float64Array(bins).fill(NaN);
	const maxS = new Float64Array(bins).fill(NaN);
	const edge = (k: number) => Math.round((k * n) / bins);
	let b = 0;
	let pos = 0;
	for (let k = 0; k < g.count; k++) {
		const c = g.pos[k]! + g.neg[k]!;
		const p = g.pos[k]!;
		const v = g.values[k]!;
		let left = c;
		while (left > 0) {
			while (b < bins - 1 && pos >= edge(b + 1)) b++;
			const room = b === bins - 1 ? left : Math.min(left, edge(b + 1) - pos);
			if (room <= 0) {
				b++;
				continue;
			}
			acc[b]! += room;
			chu[b]! += (p * room) / c;
			if (Number.isNaN(minS[b]!)) minS[b] = v;
			maxS[b] = v;
			pos += room;
			left -= room;
		}
	}
	const P = g.positives;
	const baseRate = P / n;
	const rows: LiftRow[] = [];
	let ca = 0;
	let cc = 0;
	for (let k = 0; k < bins; k++) {
		const a = acc[k]!;
		const c = chu[k]!;
		ca += a;
		cc += c;
		const rate = a > 0 ? c / a : NaN;
		rows.push({
			bin: k + 1,
			accounts: a,
			churners: c,
			churnRate: rate,
			lift: rate / baseRate,
			cumAccountShare: ca / n,
			cumChurnerShare: P > 0 ? cc / P : NaN,
			cumLift: P > 0 && ca > 0 ? cc / P / (ca / n) : NaN,
			minScore: minS[k]!,
			maxScore: maxS[k]!
		});
	}
	return rows;
}

/** Decile table (10 bins, decile 1 = riskiest) of health scores vs churn labels. */
export function decileTable(scores: Float64Array, labels: Uint8Array, bins = 10): LiftRow[] {
	return liftFromGroups(groupByScore(scores, labels), bins);
}

/** A gains-curve point: share of accounts contacted (riskiest first) → share of churners caught. */
export interface GainsPoint {
	accountShare: number;
	churnerShare: number;
}

/** Cumulative gains curve at `steps` equal account shares (default 100), starting at (0, 0). */
export function gainsFromGroups(g: ScoreGroups, steps = 100): GainsPoint[] {
	const out: GainsPoint[] = [{ accountShare: 0, churnerShare: 0 }];
	for (const r of liftFromGroups(g, steps)) {
		out.push({ accountShare: r.cumAccountShare, churnerShare: r.cumChurnerShare });
	}
	return out;
}

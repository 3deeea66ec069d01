/**
 * Lead time: how early would the model have warned us? Read from a point-in-time score history
 * (history.ts). For a churner with churn day c, "L days before churn" is the score in force at
 * c − L: the one from the latest grid date ≤ c − L (and before c). Tier 0 is the best tier
 * (Green); the last tier of the model is Red.
 */
import { ABSENT, gridIndexAt, type ScoreHistory } from './history';
import { wilson, type RateInterval } from './wilson';
import { ascendingOrder } from './order';
import { Scratch } from '$lib/model/scratch';

/** Share of churners not in the best tier L days before churn. */
export interface LeadShare {
	days: number;
	/** Churners scored at c − L. */
	churners: number;
	nonGreen: number;
	red: number;
	share: RateInterval;
	redShare: RateInterval;
}

/** Days from the first time in a tier group to churn, over the churners ever in it. */
export interface FirstWarning {
	/** Churners with at least one score before churn. */
	churners: number;
	/** Of those, the ones ever in the group before churn. */
	warned: number;
	share: RateInterval;
	/** Median days from the first such score date to churn; NaN when no one. */
	medianDays: number;
	/** Quartiles of the same. */
	q1Days: number;
	q3Days: number;
}

/** Mean score L days before churn (churners) or before the last grid date (retained). */
export interface TrajectoryPoint {
	days: number;
	churnedMean: number;
	churnedN: number;
	retainedMean: number;
	retainedN: number;
}

export interface LeadTimeResult {
	leads: LeadShare[];
	/** Non-Green at any score in force during [c − windowFrom, c − windowTo] (e.g. 90 → 60). */
	window: LeadShare;
	firstRed: FirstWarning;
	firstNonGreen: FirstWarning;
	trajectory: TrajectoryPoint[];
	/** Churners in the history (churn day within the data, after the first grid date). */
	churners: number;
}

export interface LeadTimeOptions {
	/** Index of the worst (Red) tier. */
	redTier: number;
	leadDays?: number[];
	windowFromDays?: number;
	windowToDays?: number;
	/** Trajectory offsets, days before churn. */
	trajectoryDays?: number[];
}

function quantile(sorted: ArrayLike<number>, q: number): number {
	if (sorted.length === 0) return NaN;
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	return (
		sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!)
	);
}

function warning(churners: number, days: number[]): FirstWarning {
	// Finite day counts: a native numeric sort (no comparator calls).
	const gaps = Float64Array.from(days).sort();
	return {
		churners,
		warned: gaps.length,
		share: wilson(gaps.length, churners),
		medianDays: quantile(gaps, 0.5),
		q1Days: quantile(gaps, 0.25),
		q3Days: quantile(gaps, 0.75)
	};
}

const isScored = (t: number) => t >= 0;

/** Lead-time figures from a score history. Medians and quartiles interpolate (type 7). */
export function leadTime(h: ScoreHistory, opts: LeadTimeOptions): LeadTimeResult {
	const leadDays = opts.leadDays ?? [30, 60, 90];
	const from = opts.windowFromDays ?? 90;
	const to = opts.windowToDays ?? 60;
	const trajDays = opts.trajectoryDays ?? Array.from({ length: 13 }, (_, k) => 30 * k);
	const red = opts.redTier;
	const first = h.days[0] ?? Infinity;
	const counts = leadDays.map(() => ({ n: 0, ng: 0, red: 0 }));
	const win = { n: 0, ng: 0, red: 0 };
	const traj = trajDays.map(() => ({ cs: 0, cn: 0, rs: 0, rn: 0 }));
	const redGaps: number[] = [];
	const ngGaps: number[] = [];
	let churners = 0;
	let withHistory = 0;
	const G = h.days.length;
	const lastGrid = G - 1;
	// Account by account, each account's dates adjacent.
	const { score: scoreOf, tier: tierOf } = h.byAccount;
	// The retained accounts' trajectory reads the same grid dates for everyone: found once.
	const retainedAt = trajDays.map((L) =>
		lastGrid < 0 ? -1 : gridIndexAt(h.days, h.days[lastGrid]! - L)
	);
	for (let a = 0; a < h.accounts; a++) {
		const c = h.churnDay[a]!;
		if (!(c > first)) {
			// Retained (or churned before the grid): trajectory aligned on the last grid date.
			if (!Number.isNaN(c) || lastGrid < 0) continue;
			for (let k = 0; k < retainedAt.length; k++) {
				const g = retainedAt[k]!;
				const s = g >= 0 ? scoreOf[a * G + g]! : NaN;
				if (Number.isFinite(s)) {
					traj[k]!.rs += s;
					traj[k]!.rn++;
				}
			}
			continue;
		}
		churners++;
		leadDays.forEach((L, k) => {
			const g = gridIndexAt(h.days, c - L, c);
			const t = g >= 0 ? tierOf[a * G + g]! : ABSENT;
			if (!isScored(t)) return;
			counts[k]!.n++;
			if (t > 0) counts[k]!.ng++;
			if (t === red) counts[k]!.red++;
		});
		// Window: the score in force at c − from, and every later grid score up to c − to.
		const g0 = gridIndexAt(h.days, c - from, c);
		const g1 = gridIndexAt(h.days, c - to, c);
		if (g0 >= 0 && isScored(tierOf[a * G + g0]!)) {
			let ng = false;
			let isRed = false;
			for (let g = g0; g <= g1; g++) {
				const t = tierOf[a * G + g]!;
				if (t > 0) ng = true;
				if (t === red) isRed = true;
			}
			win.n++;
			if (ng) win.ng++;
			if (isRed) win.red++;
		}
		let firstRed = NaN;
		let firstNg = NaN;
		let scoredBefore = false;
		for (let g = 0; g < G && h.days[g]! < c; g++) {
			const t = tierOf[a * G + g]!;
			if (!isScored(t)) continue;
			scoredBefore = true;
			if (t > 0 && Number.isNaN(firstNg)) firstNg = h.days[g]!;
			if (t === red && Number.isNaN(firstRed)) firstRed = h.days[g]!;
		}
		if (scoredBefore) withHistory++;
		if (!Number.isNaN(firstRed)) redGaps.push(c - firstRed);
		if (!Number.isNaN(firstNg)) ngGaps.push(c - firstNg);
		trajDays.forEach((L, k) => {
			const g = gridIndexAt(h.days, c - L, c);
			const s = g >= 0 ? scoreOf[a * G + g]! : NaN;
			if (Number.isFinite(s)) {
				traj[k]!.cs += s;
				traj[k]!.cn++;
			}
		});
	}
	const share = (days: number, x: { n: number; ng: number; red: number }): LeadShare => ({
		days,
		churners: x.n,
		nonGreen: x.ng,
		red: x.red,
		share: wilson(x.ng, x.n),
		redShare: wilson(x.red, x.n)
	});
	return {
		leads: leadDays.map((L, k) => share(L, counts[k]!)),
		window: share(from, win),
		firstRed: warning(withHistory, redGaps),
		firstNonGreen: warning(withHistory, ngGaps),
		trajectory: trajDays.map((L, k) => {
			const x = traj[k]!;
			return {
				days: L,
				churnedMean: x.cn ? x.cs / x.cn : NaN,
				churnedN: x.cn,
				retainedMean: x.rn ? x.rs / x.rn : NaN,
				retainedN: x.rn
			};
		}),
		churners
	};
}

/** A metric's lead: how long before churn its value first entered the worst band. */
export interface MetricLead {
	/** Churners whose value was ever in the band before churn. */
	warned: number;
	/** Median (and quartiles) of days from that first date to churn; NaN when no one. */
	medianDays: number;
	q1Days: number;
	q3Days: number;
}

/** Churners' (row, date) entries in row order, with each row's account. */
interface ChurnerEntries {
	row: Int32Array;
	day: Float64Array;
	account: Int32Array;
}

/** By the history's rows per date: a history frame's, so kept from one run to the next. */
const churnerCache = new WeakMap<Int32Array[], ChurnerEntries>();

/** `metricLeadTime`'s per-account first day (see scratch.ts). */
const work = new Scratch();

/**
 * The history's rows in force of churners before their churn (churned after the first grid
 * date), one entry per (row, date), in row order: what `metricLeadTime` reads for every metric,
 * so each metric's values are read in the table's order. They depend on the data alone (the
 * history's frame), so they are found once per frame.
 */
function churnerRows(h: ScoreHistory): ChurnerEntries {
	const known = churnerCache.get(h.rows);
	if (known) return known;
	const start = h.days[0] ?? Infinity;
	const { accountOf, churnDay } = h;
	let m = 0;
	for (let g = 0; g < h.days.length; g++) {
		const D = h.days[g]!;
		const rows = h.rows[g]!;
		for (let j = 0; j < rows.length; j++) {
			const c = churnDay[accountOf[rows[j]!]!]!;
			if (c > D && c > start) m++;
		}
	}
	const row = new Float64Array(m);
	const day = new Float64Array(m);
	m = 0;
	for (let g = 0; g < h.days.length; g++) {
		const D = h.days[g]!;
		const rows = h.rows[g]!;
		for (let j = 0; j < rows.length; j++) {
			const c = churnDay[accountOf[rows[j]!]!]!;
			if (c > D && c > start) {
				row[m] = rows[j]!;
				day[m++] = D;
			}
		}
	}
	const order = ascendingOrder(row);
	const out: ChurnerEntries = {
		row: Int32Array.from(order, (k) => row[k]!),
		day: Float64Array.from(order, (k) => day[k]!),
		account: Int32Array.from(order, (k) => accountOf[row[k]!]!)
	};
	churnerCache.set(h.rows, out);
	return out;
}

/**
 * For each churner in the history: the first grid date before its churn at which the value in
 * force (its latest snapshot's) was in the metric's worst band — at or below `cut` for a
 * higher-is-better metric, at or above it for a lower-is-better one — and the days from then to
 * churn; median and quartiles over the churners ever in the band.
 */
export function metricLeadTime(
	h: ScoreHistory,
	values: ArrayLike<number>,
	cut: number,
	direction: 'higher' | 'lower'
): MetricLead {
	const first = work.f64('first', h.accounts).fill(NaN);
	const sign = direction === 'higher' ? -1 : 1;
	const cutRisk = sign * cut;
	const { row: rows, day, account } = churnerRows(h);
	// Entries come in row order: keep each account's earliest day in the band.
	for (let k = 0; k < rows.length; k++) {
		const v = values[rows[k]!]!;
		if (Number.isNaN(v) || sign * v < cutRisk) continue;
		const a = account[k]!;
		if (!(first[a]! <= day[k]!)) first[a] = day[k]!;
	}
	const gaps: number[] = [];
	for (let a = 0; a < h.accounts; a++)
		if (!Number.isNaN(first[a]!)) gaps.push(h.churnDay[a]! - first[a]!);
	const w = warning(gaps.length, gaps);
	return { warned: w.warned, medianDays: w.medianDays, q1Days: w.q1Days, q3Days: w.q3Days };
}

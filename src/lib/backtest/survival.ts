/**
 * Survival analysis for "how long do accounts in each tier stay?": the Kaplan–Meier estimator with
 * Greenwood standard errors and log-transformed 95 % intervals, and the log-rank test across
 * groups (tiers).
 *
 * Time is whatever unit the caller uses (days since the as-of date here). An account that has not
 * churned when it leaves the data is *censored*: it counts as at risk up to its last day and never
 * as a churn (Kaplan & Meier 1958; Greenwood 1926; Mantel 1966 / Peto & Peto 1972 for the
 * log-rank test). Worked example and formulas:
 * [Kleinbaum & Klein, Survival Analysis, ch. 2](https://doi.org/10.1007/978-1-4419-6646-9) and
 * [Klein & Moeschberger, §4.2 and §7.3](https://doi.org/10.1007/b97377).
 * At a time with both churns and censorings the churns come first (censored accounts are at risk
 * at their own censoring time), as in every standard implementation.
 */
import { ascendingOrder } from './order';
import { Scratch } from '$lib/model/scratch';
import { Z95 } from './wilson';

/** One step of a Kaplan–Meier curve: a distinct time with at least one event. */
export interface KmStep {
	time: number;
	/** Accounts still at risk just before `time`. */
	atRisk: number;
	events: number;
	/** Censored at this time (after the events). */
	censored: number;
	/** S(time): share still retained just after `time`. */
	survival: number;
	/** Greenwood standard error of S(time). NaN when S = 0 or no one is left. */
	se: number;
	/** 95 % interval of S(time), log transform: S·exp(∓z·se/S), capped to [0, 1]. */
	lo: number;
	hi: number;
}

/** A Kaplan–Meier curve. */
export interface KaplanMeier {
	n: number;
	events: number;
	censored: number;
	steps: KmStep[];
	/** Smallest time with S ≤ 0.5; NaN when the curve never reaches 0.5. */
	median: number;
}

/** `orderRows`' temporaries (see scratch.ts). */
const work = new Scratch();

/**
 * Row indices with a finite time and a 0/1 event, by ascending time (rows of one time in no
 * particular order: each time's events and censorings are counted together).
 */
function orderRows(
	time: ArrayLike<number>,
	event: ArrayLike<number>,
	rows?: ArrayLike<number>
): Int32Array {
	const m = rows ? rows.length : time.length;
	const valid = work.i32('valid', m);
	const times = work.f64('times', m);
	let v = 0;
	for (let k = 0; k < m; k++) {
		const i = rows ? rows[k]! : k;
		const t = time[i]!;
		if (Number.isFinite(t) && (event[i] === 0 || event[i] === 1)) {
			valid[v] = i;
			times[v++] = t;
		}
	}
	const order = ascendingOrder(times.subarray(0, v));
	for (let k = 0; k < v; k++) order[k] = valid[order[k]!]!;
	return order;
}

/**
 * Kaplan–Meier estimate S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ), Greenwood variance
 * Var S = S² Σ dᵢ / (nᵢ (nᵢ − dᵢ)). Rows with a non-finite time or an event other than 0/1 are
 * skipped. An empty input gives no steps and NaN median.
 * @param rows optional subset of row indices (e.g. one tier).
 */
export function kaplanMeier(
	time: ArrayLike<number>,
	event: ArrayLike<number>,
	rows?: ArrayLike<number>,
	z: number = Z95
): KaplanMeier {
	const idx = orderRows(time, event, rows);
	let atRisk = idx.length;
	let s = 1;
	let gw = 0;
	let events = 0;
	let median = NaN;
	const steps: KmStep[] = [];
	for (let k = 0; k < idx.length;) {
		const t = time[idx[k]!]!;
		let d = 0;
		let c = 0;
		for (; k < idx.length && time[idx[k]!] === t; k++) {
			if (event[idx[k]!] === 1) d++;
			else c++;
		}
		if (d > 0) {
			s *= 1 - d / atRisk;
			gw += atRisk > d ? d / (atRisk * (atRisk - d)) : NaN;
			events += d;
			const se = s > 0 ? s * Math.sqrt(gw) : NaN;
			const half = Number.isFinite(se) ? (z * se) / s : NaN;
			steps.push({
				time: t,
				atRisk,
				events: d,
				censored: c,
				survival: s,
				se,
				lo: Number.isFinite(half) ? Math.max(0, s * Math.exp(-half)) : NaN,
				hi: Number.isFinite(half) ? Math.min(1, s * Math.exp(half)) : NaN
			});
			if (Number.isNaN(median) && s <= 0.5) median = t;
		}
		atRisk -= d + c;
	}
	return { n: idx.length, events, censored: idx.length - events, steps, median };
}

/** S(t) of a curve: the last step at or before t (1 before the first step). */
export function survivalAt(km: KaplanMeier, t: number): number {
	let s = 1;
	for (const step of km.steps) {
		if (step.time > t) break;
		s = step.survival;
	}
	return s;
}

/** Result of the log-rank test over k groups. */
export interface LogRankResult {
	/** Groups with at least one account, in the order given. */
	groups: { group: number; n: number; observed: number; expected: number }[];
	/** χ² statistic with k − 1 degrees of freedom (k = non-empty groups). */
	chi2: number;
	df: number;
	/** Upper-tail p-value of χ²; NaN when df = 0 or no events. */
	p: number;
}

/**
 * Log-rank test that k groups share one survival curve: at each event time, expected churns per
 * group Eg = d·ng/n and the hypergeometric covariance Vgh = d(n−d)/(n−1) · ng/n · (δgh − nh/n);
 * χ² = (O−E)ᵀ V⁻¹ (O−E) over the first k − 1 groups.
 * @param group group index per row (negative = left out).
 */
export function logRank(
	time: ArrayLike<number>,
	event: ArrayLike<number>,
	group: ArrayLike<number>
): LogRankResult {
	const all: number[] = [];
	for (let i = 0; i < group.length; i++) if (group[i]! >= 0) all.push(i);
	const idx = orderRows(time, event, all);
	const ids = [...new Set(Array.from(idx, (i) => group[i]!))].sort((a, b) => a - b);
	const k = ids.length;
	const slotOf = new Map(ids.map((g, j) => [g, j]));
	// Each row's group slot, looked up once (the loops below visit every row twice).
	const slotAt = new Int32Array(group.length);
	for (let k = 0; k < idx.length; k++) slotAt[idx[k]!] = slotOf.get(group[idx[k]!]!)!;
	const nAt = new Float64Array(k);
	for (let k = 0; k < idx.length; k++) nAt[slotAt[idx[k]!]!]!++;
	const size = Float64Array.from(nAt);
	const O = new Float64Array(k);
	const E = new Float64Array(k);
	const V = Array.from({ length: k }, () => new Float64Array(k));
	const dAt = new Float64Array(k);
	let n = idx.length;
	for (let p = 0; p < idx.length;) {
		const t = time[idx[p]!]!;
		dAt.fill(0);
		let d = 0;
		const start = p;
		for (; p < idx.length && time[idx[p]!] === t; p++) {
			if (event[idx[p]!] === 1) {
				dAt[slotAt[idx[p]!]!]!++;
				d++;
			}
		}
		if (d > 0) {
			const f = n > 1 ? (d * (n - d)) / (n - 1) : 0;
			for (let g = 0; g < k; g++) {
				O[g]! += dAt[g]!;
				E[g]! += (d * nAt[g]!) / n;
				for (let h = 0; h < k; h++)
					V[g]![h]! += f * (nAt[g]! / n) * ((g === h ? 1 : 0) - nAt[h]! / n);
			}
		}
		for (let q = start; q < p; q++) nAt[slotAt[idx[q]!]!]!--;
		n -= p - start;
	}
	const df = k - 1;
	let chi2 = NaN;
	if (df > 0) {
		const diff = Array.from({ length: df }, (_, g) => O[g]! - E[g]!);
		const sub = Array.from({ length: df }, (_, g) => Array.from(V[g]!.subarray(0, df)));
		const x = solve(sub, diff);
		chi2 = x ? x.reduce((s, v, g) => s + v * diff[g]!, 0) : NaN;
	}
	return {
		groups: ids.map((g, j) => ({ group: g, n: size[j]!, observed: O[j]!, expected: E[j]! })),
		chi2,
		df,
		p: df > 0 && Number.isFinite(chi2) ? chiSquareUpper(chi2, df) : NaN
	};
}

/** Solve A x = b by Gaussian elimination with partial pivoting; null when singular. */
export function solve(A: number[][], b: number[]): number[] | null {
	const n = b.length;
	const M = A.map((row, i) => [...row, b[i]!]);
	for (let c = 0; c < n; c++) {
		let piv = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
		if (!(Math.abs(M[piv]![c]!) > 1e-12)) return null;
		[M[c], M[piv]] = [M[piv]!, M[c]!];
		for (let r = 0; r < n; r++) {
			if (r === c) continue;
			const f = M[r]![c]! / M[c]![c]!;
			for (let j = c; j <= n; j++) M[r]![j]! -= f * M[c]![j]!;
		}
	}
	return M.map((row, i) => row[n]! / row[i]!);
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9), |error| < 1e-13 for x > 0. */
export function logGamma(x: number): number {
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7
	];
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
	x -= 1;
	let a = c[0]!;
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Upper regularised incomplete gamma Q(a, x) = Γ(a, x)/Γ(a): series for x < a + 1, Lentz's
 * continued fraction otherwise (Numerical Recipes §6.2).
 */
export function gammaQ(a: number, x: number): number {
	if (!(x > 0)) return 1;
	const lead = -x + a * Math.log(x) - logGamma(a);
	if (x < a + 1) {
		let sum = 1 / a;
		let term = sum;
		for (let n = 1; n < 500; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
		}
		return Math.max(0, 1 - sum * Math.exp(lead));
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 500; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const delta = d * c;
		h *= delta;
		if (Math.abs(delta - 1) < 1e-15) break;
	}
	return Math.exp(lead) * h;
}

/** P(χ²_df > x). */
export function chiSquareUpper(x: number, df: number): number {
	return gammaQ(df / 2, x / 2);
}

import { describe, expect, it } from 'vitest';
import { chiSquareUpper, kaplanMeier, logRank, survivalAt } from './survival';
import { RADIX_FROM } from './order';
import { mulberry32, uniform } from './rng';
import { Z95 } from './wilson';

// Freireich et al. (1963) 6-MP leukaemia remission data, as tabulated in Kleinbaum & Klein,
// *Survival Analysis* (3rd ed.), ch. 1–2, and Klein & Moeschberger (2003) Table 4.1A.
// Times in weeks; event 1 = relapse, 0 = censored.
const MP_T = [6, 6, 6, 7, 10, 13, 16, 22, 23, 6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
const MP_E = [...Array<number>(9).fill(1), ...Array<number>(12).fill(0)];
const PL_T = [1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23];
const PL_E = Array<number>(21).fill(1);

describe('kaplanMeier: Freireich 6-MP arm', () => {
	const km = kaplanMeier(MP_T, MP_E);
	// Klein & Moeschberger Table 4.1A (3 decimals): t, n at risk, d, S(t), Greenwood SE.
	const TEXTBOOK: [number, number, number, number, number][] = [
		[6, 21, 3, 0.857, 0.0764],
		[7, 17, 1, 0.807, 0.0869],
		[10, 15, 1, 0.753, 0.0963],
		[13, 12, 1, 0.69, 0.1068],
		[16, 11, 1, 0.627, 0.1141],
		[22, 7, 1, 0.538, 0.1282],
		[23, 6, 1, 0.448, 0.1346]
	];
	it.each(TEXTBOOK)('t=%d: at risk %d, events %d, S %f, SE %f (textbook)', (t, n, d, s, se) => {
		const step = km.steps.find((x) => x.time === t)!;
		expect(step.atRisk).toBe(n);
		expect(step.events).toBe(d);
		expect(step.survival).toBeCloseTo(s, 3);
		expect(step.se).toBeCloseTo(se, 4);
	});
	// statsmodels 0.13.5 (Debian python3-statsmodels):
	//   from statsmodels.duration.survfunc import SurvfuncRight
	//   sf = SurvfuncRight(MP_T, MP_E); sf.surv_prob, sf.surv_prob_se
	const STATSMODELS: [number, number, number][] = [
		[6, 0.8571428571428572, 0.07636035483212125],
		[7, 0.8067226890756303, 0.0869352851800572],
		[10, 0.7529411764705883, 0.09634965299432052],
		[13, 0.6901960784313725, 0.10681470777500983],
		[16, 0.6274509803921569, 0.11405386525675254],
		[22, 0.5378151260504201, 0.128233751693034],
		[23, 0.44817927170868355, 0.13459145675576048]
	];
	it('matches statsmodels SurvfuncRight to 1e-12', () => {
		expect(km.steps.map((s) => s.time)).toEqual(STATSMODELS.map((r) => r[0]));
		km.steps.forEach((step, k) => {
			expect(step.survival).toBeCloseTo(STATSMODELS[k]![1], 12);
			expect(step.se).toBeCloseTo(STATSMODELS[k]![2], 12);
		});
	});
	it('counts, median and the log-transformed interval', () => {
		expect(km).toMatchObject({ n: 21, events: 9, censored: 12, median: 23 });
		const s = km.steps[0]!;
		// exp(log S ± z·SE/S) at t = 6: 0.857143·exp(∓1.959964·0.076360/0.857143)
		expect(s.lo).toBeCloseTo(0.8571428571 * Math.exp((-Z95 * 0.0763603548) / 0.8571428571), 9);
		expect(s.hi).toBe(1);
		expect(survivalAt(km, 5)).toBe(1);
		expect(survivalAt(km, 12)).toBeCloseTo(0.7529411764705883, 12);
		expect(survivalAt(km, 100)).toBeCloseTo(0.44817927170868355, 12);
	});
});

describe('kaplanMeier: placebo arm (no censoring) reaches 0', () => {
	it('statsmodels figures, and S = 0 has no SE', () => {
		// Same statsmodels command on PL_T, PL_E.
		const km = kaplanMeier(PL_T, PL_E);
		const at = (t: number) => km.steps.find((s) => s.time === t)!;
		expect(at(8).survival).toBeCloseTo(0.380952380952381, 12);
		expect(at(8).se).toBeCloseTo(0.10597116957413083, 12);
		expect(at(22).se).toBeCloseTo(0.046471432045168265, 12);
		expect(at(23).survival).toBe(0);
		expect(at(23).se).toBeNaN();
		expect(km.median).toBe(8);
	});
	it('skips rows without a time or a 0/1 event; empty input', () => {
		const km = kaplanMeier([1, NaN, 2, 3], [1, 1, 2, 0]);
		expect(km.n).toBe(2);
		expect(kaplanMeier([], []).steps).toEqual([]);
		expect(kaplanMeier([], []).median).toBeNaN();
	});
	it('subset rows', () => {
		const time = [...MP_T, ...PL_T];
		const event = [...MP_E, ...PL_E];
		const rows = Array.from({ length: 21 }, (_, i) => i);
		expect(kaplanMeier(time, event, rows).steps.at(-1)!.survival).toBeCloseTo(0.448179, 6);
	});
});

describe('logRank', () => {
	it('6-MP vs placebo: χ² = 16.79 (Kleinbaum & Klein ch. 2) and statsmodels survdiff', () => {
		// statsmodels: survdiff(MP_T + PL_T, MP_E + PL_E, [0]*21 + [1]*21)
		//   → (16.792940989216532, 4.1688091093394775e-05)
		const r = logRank(
			[...MP_T, ...PL_T],
			[...MP_E, ...PL_E],
			[...Array(21).fill(0), ...Array(21).fill(1)]
		);
		expect(r.chi2).toBeCloseTo(16.79, 2);
		expect(r.chi2).toBeCloseTo(16.792940989216532, 10);
		expect(r.p).toBeCloseTo(4.1688091093394775e-5, 12);
		expect(r.df).toBe(1);
		// Kleinbaum & Klein: O₁ = 9, E₁ = 19.25 (6-MP); O₂ = 21, E₂ = 10.75.
		expect(r.groups[0]).toMatchObject({ group: 0, n: 21, observed: 9 });
		expect(r.groups[0]!.expected).toBeCloseTo(19.25, 2);
		expect(r.groups[1]!.expected).toBeCloseTo(10.75, 2);
	});
	it('three groups with ties and censoring match statsmodels survdiff', () => {
		const t = [
			5, 8, 8, 12, 15, 15, 20, 22, 30, 30, 3, 4, 4, 6, 9, 9, 10, 14, 18, 25, 2, 2, 3, 5, 5, 7, 8,
			11, 13, 16
		];
		const e = [
			1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1
		];
		const g = [...Array(10).fill(0), ...Array(10).fill(1), ...Array(10).fill(2)];
		// statsmodels: survdiff(t, e, g) → (6.636482996049625, 0.03621646251110322)
		const r = logRank(t, e, g);
		expect(r.df).toBe(2);
		expect(r.chi2).toBeCloseTo(6.636482996049625, 10);
		expect(r.p).toBeCloseTo(0.03621646251110322, 12);
		// Group labels need not be 0..k−1; negative groups are left out.
		const shifted = logRank([...t, 1], [...e, 1], [...g.map((x) => x * 5 + 2), -1]);
		expect(shifted.chi2).toBeCloseTo(r.chi2, 12);
		expect(shifted.groups.map((x) => x.group)).toEqual([2, 7, 12]);
		// Per group KM against statsmodels SurvfuncRight on group 2: S(11) = 0.24, SE 0.14532721699667964.
		const rows = g.map((x, i) => (x === 2 ? i : -1)).filter((i) => i >= 0);
		const km = kaplanMeier(t, e, rows);
		const s11 = km.steps.find((s) => s.time === 11)!;
		expect(s11.survival).toBeCloseTo(0.24, 12);
		expect(s11.se).toBeCloseTo(0.14532721699667964, 12);
	});
	it('the same data repeated 400 times, shuffled (past the radix-sort size): same S, SE / 20', () => {
		// Repeating every row k times keeps each step's d / n, so S(t) is unchanged, and divides
		// Greenwood's sum Σ d / (n (n − d)) by k: SE shrinks by √k (statsmodels figure above).
		const t = [5, 8, 8, 12, 15, 15, 20, 22, 30, 30, 2, 2, 3, 5, 5, 7, 8, 11, 13, 16];
		const e = [1, 0, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1];
		const rnd = mulberry32(4);
		const copies = Array.from({ length: 400 * t.length }, (_, i) => i % t.length);
		for (let k = copies.length - 1; k > 0; k--) {
			const j = Math.floor(uniform(rnd) * (k + 1));
			[copies[k], copies[j]] = [copies[j]!, copies[k]!];
		}
		expect(copies.length / 2).toBeGreaterThan(RADIX_FROM);
		const T = copies.map((i) => t[i]!);
		const E = copies.map((i) => e[i]!);
		const rows = copies.flatMap((i, k) => (i >= 10 ? [k] : []));
		const s11 = kaplanMeier(T, E, rows).steps.find((s) => s.time === 11)!;
		expect(s11.survival).toBeCloseTo(0.24, 12);
		expect(s11.se).toBeCloseTo(0.14532721699667964 / 20, 12);
		const one = kaplanMeier(
			t,
			e,
			Array.from({ length: 10 }, (_, i) => i + 10)
		);
		const many = kaplanMeier(T, E, rows);
		expect(many.steps.map((x) => [x.time, x.survival])).toEqual(
			one.steps.map((x) => [x.time, x.survival])
		);
		// Log-rank: the observed and expected counts scale by 400.
		const G = copies.map((i) => (i < 10 ? 0 : 1));
		const small = logRank(
			t,
			e,
			t.map((_, i) => (i < 10 ? 0 : 1))
		);
		const big = logRank(T, E, G);
		big.groups.forEach((g, k) => {
			expect(g.observed).toBe(400 * small.groups[k]!.observed);
			expect(g.expected).toBeCloseTo(400 * small.groups[k]!.expected, 9);
		});
	});
	it('one group: no test', () => {
		const r = logRank([1, 2], [1, 0], [0, 0]);
		expect(r.df).toBe(0);
		expect(r.p).toBeNaN();
	});
});

describe('chiSquareUpper', () => {
	// Table values: P(χ²₁ > 3.841459) = 0.05, P(χ²₂ > 5.991465) = 0.05, P(χ²₁₀ > 23.209251) = 0.01;
	// χ²₂ has the closed form exp(−x/2).
	it.each([
		[3.841458820694124, 1, 0.05],
		[5.991464547107979, 2, 0.05],
		[23.209251158954356, 10, 0.01],
		[1, 2, Math.exp(-0.5)],
		[0, 3, 1]
	])('P(χ² > %f | df %d) = %f', (x, df, p) => {
		expect(chiSquareUpper(x, df)).toBeCloseTo(p, 10);
	});
});

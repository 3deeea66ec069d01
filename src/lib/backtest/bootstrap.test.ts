import { describe, expect, it } from 'vitest';
import { benchBacktest } from './testing/fixture';
import {
	aucResamples,
	bootstrapAuc,
	bootstrapAucDifference,
	intervalFromResamples,
	quantileSorted,
	sortedCodes
} from './bootstrap';
import { groupByScore } from './groups';
import { rocAuc } from './metrics';
import { fillPoisson1, mulberry32, uniform } from './rng';

const data = benchBacktest(4000, 11);

/** Hanley & McNeil (1982) standard error of the AUC, as an independent check. */
function hanleyMcNeilSe(a: number, P: number, N: number): number {
	const q1 = a / (2 - a);
	const q2 = (2 * a * a) / (1 + a);
	return Math.sqrt((a * (1 - a) + (P - 1) * (q1 - a * a) + (N - 1) * (q2 - a * a)) / (P * N));
}

describe('bootstrapAuc', () => {
	it('same data + seed → identical interval; another seed differs', () => {
		const a = bootstrapAuc(data.score, data.labels, { seed: 42, resamples: 300 });
		const b = bootstrapAuc(data.score, data.labels, { seed: 42, resamples: 300 });
		const c = bootstrapAuc(data.score, data.labels, { seed: 43, resamples: 300 });
		expect(b).toEqual(a);
		expect(c.lo).not.toBe(a.lo);
	});

	it('estimate = AUC, interval brackets it, SE near Hanley–McNeil', () => {
		const r = bootstrapAuc(data.score, data.labels, { seed: 1, resamples: 1000 });
		expect(r.estimate).toBe(rocAuc(data.score, data.labels));
		expect(r.lo).toBeLessThan(r.estimate);
		expect(r.hi).toBeGreaterThan(r.estimate);
		let P = 0;
		let N = 0;
		for (let i = 0; i < data.n; i++) {
			if (Number.isNaN(data.score[i]!)) continue;
			if (data.labels[i] === 1) P++;
			else N++;
		}
		const se = hanleyMcNeilSe(r.estimate, P, N);
		expect(r.se / se).toBeGreaterThan(0.8);
		expect(r.se / se).toBeLessThan(1.25);
		// percentile width ≈ 2 · 1.96 · SE for a near-normal statistic
		expect((r.hi - r.lo) / (2 * 1.96 * r.se)).toBeCloseTo(1, 1);
	});

	it('counts degenerate resamples', () => {
		const r = bootstrapAuc(Float64Array.from([1, 2]), Uint8Array.from([1, 0]), {
			seed: 3,
			resamples: 200
		});
		// P(a resample keeps both rows) = (1 − e^−1)^2 ≈ 0.40
		expect(r.degenerate).toBeGreaterThan(80);
		expect(r.degenerate).toBeLessThan(160);
	});
});

/**
 * The bootstrap as it was written before the fused pass (kept here as the reference): rows laid
 * out in score order, a Uint8Array of Poisson counts filled per resample from one continuing
 * mulberry32 stream, then a grouped weighted Mann–Whitney pass.
 */
function referenceResamples(scores: Float64Array, labels: Uint8Array, seed: number, B: number) {
	const g = groupByScore(scores, labels);
	const n = g.positives + g.negatives;
	const y = new Uint8Array(n);
	const end = new Uint8Array(n);
	let r = 0;
	for (let k = 0; k < g.count; k++) {
		for (let c = 0; c < g.pos[k]!; c++) y[r++] = 1;
		r += g.neg[k]!;
		end[r - 1] = 1;
	}
	const w = new Uint8Array(n);
	const state = Uint32Array.of(seed >>> 0);
	const out = new Float64Array(B);
	for (let b = 0; b < B; b++) {
		fillPoisson1(w, state);
		let negBefore = 0;
		let twice = 0;
		let Wp = 0;
		let gp = 0;
		let gn = 0;
		for (let i = 0; i < n; i++) {
			gp += w[i]! * y[i]!;
			gn += w[i]! - w[i]! * y[i]!;
			if (end[i] === 1) {
				twice += gp * (2 * negBefore + gn);
				negBefore += gn;
				Wp += gp;
				gp = 0;
				gn = 0;
			}
		}
		out[b] = Wp === 0 || negBefore === 0 ? NaN : 1 - twice / (2 * Wp * negBefore);
	}
	return { g, out };
}

/** Scores with many ties (rounded to whole points), some NaN, odd length, 3 label values. */
function tiedData(n: number, seed: number) {
	const rng = mulberry32(seed);
	const scores = new Float64Array(n);
	const labels = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const u = uniform(rng);
		scores[i] = uniform(rng) < 0.03 ? NaN : Math.round(100 * u);
		labels[i] = uniform(rng) < 0.02 ? 2 : uniform(rng) < 0.6 - 0.4 * u ? 1 : 0;
	}
	return { scores, labels };
}

describe('bootstrap resamples (fused pass, seekable stream)', () => {
	const cases: [string, Float64Array, Uint8Array][] = [
		['distinct scores', data.score, data.labels],
		[
			'many ties, NaN scores, odd n',
			...(Object.values(tiedData(3001, 4)) as [Float64Array, Uint8Array])
		],
		['two rows', Float64Array.from([1, 2]), Uint8Array.from([1, 0])],
		['one row', Float64Array.from([5]), Uint8Array.from([1])]
	];
	it.each(cases)('%s: every resampled AUC equals the old path bit for bit', (_name, s, y) => {
		for (const seed of [0, 42, 0xffffffff]) {
			const ref = referenceResamples(s, y, seed, 120);
			const got = aucResamples(sortedCodes(ref.g), seed, 0, 120);
			expect(Array.from(got)).toEqual(Array.from(ref.out));
		}
	});

	it('any split of the resamples gives the same numbers as one sequential stream', () => {
		const { scores, labels } = tiedData(2001, 9);
		const code = sortedCodes(groupByScore(scores, labels));
		const whole = aucResamples(code, 7, 0, 200);
		const parts = [
			aucResamples(code, 7, 0, 63),
			aucResamples(code, 7, 63, 150),
			aucResamples(code, 7, 150, 200)
		];
		const joined = new Float64Array(200);
		joined.set(parts[0]!, 0);
		joined.set(parts[1]!, 63);
		joined.set(parts[2]!, 150);
		expect(Array.from(joined)).toEqual(Array.from(whole));
		// the interval does not depend on the order the parts come back in
		const shuffled = new Float64Array(200);
		shuffled.set(parts[2]!, 0);
		shuffled.set(parts[0]!, 50);
		shuffled.set(parts[1]!, 113);
		expect(intervalFromResamples(0.5, shuffled, 7)).toEqual(intervalFromResamples(0.5, whole, 7));
	});
});

describe('bootstrapAucDifference', () => {
	it('same score twice → difference exactly 0', () => {
		const r = bootstrapAucDifference(data.score, data.score, data.labels, {
			seed: 5,
			resamples: 100
		});
		expect([r.difference.estimate, r.difference.lo, r.difference.hi]).toEqual([0, 0, 0]);
	});

	it('point estimates match rocAuc on the paired rows; deterministic', () => {
		const opts = { seed: 9, resamples: 200 };
		const r = bootstrapAucDifference(data.score, data.challenger, data.labels, opts);
		expect(r.champion).toBeCloseTo(rocAuc(data.score, data.labels), 14);
		expect(r.challenger).toBeCloseTo(rocAuc(data.challenger, data.labels), 14);
		expect(r.difference.estimate).toBeCloseTo(r.challenger - r.champion, 14);
		expect(bootstrapAucDifference(data.score, data.challenger, data.labels, opts)).toEqual(r);
		// pairing: the ΔAUC interval is much narrower than either AUC's own interval
		const single = bootstrapAuc(data.score, data.labels, opts);
		expect(r.difference.hi - r.difference.lo).toBeLessThan((single.hi - single.lo) / 2);
	});
});

describe('quantileSorted (type 7)', () => {
	it.each([
		[[1, 2, 3, 4], 0.5, 2.5],
		[[1, 2, 3, 4], 0.25, 1.75],
		[[10], 0.975, 10]
	])('%j q=%f → %f', (a, q, want) => {
		expect(quantileSorted(Float64Array.from(a), q)).toBeCloseTo(want, 14);
	});
});

import { describe, expect, it } from 'vitest';
import { benchBacktest } from './testing/fixture';
import { bootstrapAuc, bootstrapAucDifference, quantileSorted } from './bootstrap';
import { rocAuc } from './metrics';

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

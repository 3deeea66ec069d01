import { readFileSync } from 'node:fs';
import { sharedDataPath } from '../../../tests/shared-data';
import { describe, expect, it } from 'vitest';
import { groupByScore } from './groups';
import { aucFromGroups, rocAnalysis, rocAuc, rocAucBySort } from './metrics';
import { mulberry32, uniform } from './rng';

const f = (a: number[]) => Float64Array.from(a);
const u = (a: number[]) => Uint8Array.from(a);

/**
 * Independent reference: O(n²) pair counting. A churner is riskier than a non-churner when its
 * risk 100 − score is higher, i.e. its score is lower. The comparison is made on the scores: the
 * floating-point subtraction 100 − s can round two distinct scores below 50 onto one risk value
 * (here it merges ~11 pairs of scores 1 ulp apart and moves the AUC by 6e-7), which is why the
 * implementation never subtracts (see metrics.ts).
 */
function bruteAuc(score: Float64Array, y: Uint8Array): number {
	let num = 0;
	let P = 0;
	let N = 0;
	for (let i = 0; i < score.length; i++) {
		if (y[i] === 1) P++;
		else N++;
	}
	for (let i = 0; i < score.length; i++) {
		if (y[i] !== 1) continue;
		const si = score[i]!;
		for (let j = 0; j < score.length; j++) {
			if (y[j] !== 0) continue;
			const sj = score[j]!;
			if (si < sj) num += 1;
			else if (si === sj) num += 0.5;
		}
	}
	return num / (P * N);
}

describe('rocAuc (hand-computed)', () => {
	it.each([
		['churners lowest → 1', [10, 20, 30, 40], [1, 1, 0, 0], 1],
		['churners highest → 0', [40, 30, 20, 10], [1, 1, 0, 0], 0],
		// pairs (pos, neg): (10,10) ½, (10,30) 1, (20,10) 0, (20,30) 1 → 2.5 / 4
		['ties count ½', [10, 10, 20, 30], [1, 0, 1, 0], 0.625],
		['all tied → ½', [50, 50, 50, 50, 50], [1, 0, 0, 1, 0], 0.5],
		// NaN score and label 7 are skipped: same as the 'ties' case
		['NaN and bad labels skipped', [10, 10, 20, 30, NaN, 5], [1, 0, 1, 0, 1, 7], 0.625],
		// 3 pos {1,2,3}, 2 neg {2,4}: (1,2)1 (1,4)1 (2,2)½ (2,4)1 (3,2)0 (3,4)1 → 4.5/6
		['mixed', [1, 2, 3, 2, 4], [1, 1, 1, 0, 0], 0.75]
	])('%s', (_name, s, y, want) => {
		expect(rocAuc(f(s), u(y))).toBeCloseTo(want, 14);
	});

	it('is NaN when a class is empty', () => {
		expect(rocAuc(f([1, 2]), u([0, 0]))).toBeNaN();
		expect(rocAuc(f([NaN, 2]), u([1, 0]))).toBeNaN();
	});

	it('treats −0 and +0 as a tie', () => {
		expect(rocAuc(f([-0, 0]), u([1, 0]))).toBe(0.5);
		expect(groupByScore(f([-0, 0, 0]), u([1, 0, 1])).count).toBe(1);
	});
});

describe('rocAnalysis: KS and curve', () => {
	it('KS on a hand case', () => {
		// groups: 10 (1 pos, 1 neg) → TPR .5 FPR .5; 20 (1 pos) → TPR 1, FPR .5; 30 → (1, 1)
		const r = rocAnalysis(f([10, 10, 20, 30]), u([1, 0, 1, 0]));
		expect(r.ks).toBeCloseTo(0.5, 15);
		expect(r.ksThreshold).toBe(20);
		expect(r.points).toEqual([
			{ fpr: 0, tpr: 0, threshold: -Infinity },
			{ fpr: 0.5, tpr: 0.5, threshold: 10 },
			{ fpr: 0.5, tpr: 1, threshold: 20 },
			{ fpr: 1, tpr: 1, threshold: 30 }
		]);
	});

	it('downsamples to ≤ maxPoints + 2, monotone, ending at (1, 1)', () => {
		const n = 20_000;
		const s = new Float64Array(n);
		const y = new Uint8Array(n);
		for (let i = 0; i < n; i++) {
			s[i] = (i * 7919) % n;
			y[i] = (i * 31) % 7 < 2 ? 1 : 0;
		}
		const r = rocAnalysis(s, y, 200);
		expect(r.points.length).toBeLessThanOrEqual(202);
		expect(r.points.length).toBeGreaterThan(150);
		for (let k = 1; k < r.points.length; k++) {
			expect(r.points[k]!.fpr).toBeGreaterThanOrEqual(r.points[k - 1]!.fpr);
			expect(r.points[k]!.tpr).toBeGreaterThanOrEqual(r.points[k - 1]!.tpr);
		}
		expect(r.points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
		// trapezoid area under the downsampled curve stays near the exact AUC
		let area = 0;
		for (let k = 1; k < r.points.length; k++) {
			const a = r.points[k - 1]!;
			const b = r.points[k]!;
			area += ((b.fpr - a.fpr) * (a.tpr + b.tpr)) / 2;
		}
		expect(Math.abs(area - r.auc)).toBeLessThan(0.01);
	});
});

describe('sort-based AUC = brute force on telco-churn.csv', () => {
	const text = readFileSync(sharedDataPath('telco-churn.csv'), 'utf8').trim().split(/\r?\n/);
	const head = text[0]!.split(',');
	const col = (name: string) => head.indexOf(name);
	const rows = text.slice(1).map((l) => l.split(','));
	const y = Uint8Array.from(rows, (r) => (r[col('Churn')] === 'Yes' ? 1 : 0));
	const bonus: Record<string, number> = { 'Two year': 30, 'One year': 15 };

	it.each([
		[
			'tenure + contract bonus (heavy ties)',
			(r: string[]) => Number(r[col('tenure')]) + (bonus[r[col('Contract')]!] ?? 0)
		],
		[
			'tenure − charges / 10 + security (few ties)',
			(r: string[]) =>
				Number(r[col('tenure')]) -
				Number(r[col('MonthlyCharges')]) / 10 +
				(r[col('OnlineSecurity')] === 'Yes' ? 7.5 : 0)
		]
	])('%s', (_name, scoreOf) => {
		expect(rows.length).toBe(7043);
		const s = Float64Array.from(rows, scoreOf);
		const fast = rocAuc(s, y);
		expect(Math.abs(fast - bruteAuc(s, y))).toBeLessThan(1e-12);
		expect(fast).toBeGreaterThan(0.7);
	});
});

/**
 * Scores drawn from `levels` distinct values (ties), ±0, some NaN and unlabelled rows; with
 * `outlier`, one far score that crowds every other into one bucket of the bucket AUC.
 */
function data(n: number, levels: number, seed: number, outlier = false) {
	const rng = mulberry32(seed);
	const s = new Float64Array(n);
	const y = new Uint8Array(n);
	for (let i = 0; i < n; i++) {
		const h = uniform(rng);
		const r = uniform(rng);
		s[i] = r < 0.02 ? NaN : r < 0.04 ? -0 : r < 0.06 ? 0 : Math.floor(h * levels) / 7 - 3;
		y[i] = uniform(rng) < 0.01 ? 9 : uniform(rng) < 0.7 - 0.5 * h ? 1 : 0;
	}
	if (outlier) s[n >> 1] = 1e12;
	return { s, y };
}

describe('rocAuc without groups = the grouped path, to the last bit', () => {
	it.each([
		['heavy ties', 5_000, 40],
		['few ties', 5_000, 1e9],
		['one value', 300, 1]
	])('%s', (_name, n, levels) => {
		for (const seed of [1, 2, 3]) {
			const { s, y } = data(n, levels, seed);
			expect(rocAuc(s, y)).toBe(aucFromGroups(groupByScore(s, y)));
			const sub = Int32Array.from({ length: n >> 1 }, (_, k) => (k * 7) % n);
			expect(rocAuc(s, y, sub)).toBe(aucFromGroups(groupByScore(s, y, sub)));
		}
		const small = data(400, levels, 4);
		expect(rocAuc(small.s, small.y)).toBeCloseTo(bruteAucLabelled(small.s, small.y), 12);
	});
});

describe('rocAuc by buckets = the split sort, to the last bit', () => {
	it.each([
		['heavy ties', 40, false],
		['few ties', 1e9, false],
		['few ties, one outlier (every score in one bucket)', 1e9, true],
		['two values', 2, false]
	])('%s', (_name, levels, outlier) => {
		for (const seed of [1, 2, 3]) {
			const { s, y } = data(20_000, levels, seed, outlier);
			const want = rocAucBySort(s, y);
			expect(rocAuc(s, y)).toBe(want);
			// The bucket path forced on small inputs too (minRows 0), and on resampled rows.
			const small = data(60, levels, seed, outlier);
			expect(rocAuc(small.s, small.y, undefined, 0)).toBe(rocAucBySort(small.s, small.y));
			const rows = Int32Array.from({ length: 20_000 }, (_, k) => (k * 7919 + seed) % 20_000);
			expect(rocAuc(s, y, rows)).toBe(rocAucBySort(s, y, rows));
		}
	});
	it('a class missing, infinite scores and one distinct score fall back or give NaN', () => {
		const y = Uint8Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? 1 : 0));
		const s = Float64Array.from({ length: 5000 }, (_, i) => (i * 37) % 101);
		s[10] = Infinity;
		s[11] = -Infinity;
		expect(rocAuc(s, y)).toBe(rocAucBySort(s, y));
		expect(rocAuc(new Float64Array(5000).fill(3), y)).toBe(0.5);
		expect(rocAuc(s, new Uint8Array(5000))).toBeNaN();
	});
});

/** {@link bruteAuc} over rows with a score and a 0/1 label only. */
function bruteAucLabelled(score: Float64Array, y: Uint8Array): number {
	const keep = Array.from(score.keys()).filter(
		(i) => !Number.isNaN(score[i]!) && (y[i] === 0 || y[i] === 1)
	);
	return bruteAuc(
		Float64Array.from(keep, (i) => score[i]!),
		Uint8Array.from(keep, (i) => y[i]!)
	);
}

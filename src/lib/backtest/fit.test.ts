import { describe, expect, it } from 'vitest';
import type { Dimension } from '$lib/model/types';
import { benchBacktest } from './testing/fixture';
import { applySuggestedWeights, assignFolds, fitWeights } from './fit';
import { fitLogistic, sigmoid } from './logistic';

/** Grouped binary data: feature 0 in n0 rows (a churners), 1 in n1 rows (c churners). */
function grouped(n0: number, a: number, n1: number, c: number) {
	const m = n0 + n1;
	const x = new Float64Array(m);
	const y = new Uint8Array(m);
	for (let i = 0; i < m; i++) {
		const g1 = i >= n0;
		x[i] = g1 ? 1 : 0;
		y[i] = g1 ? (i - n0 < c ? 1 : 0) : i < a ? 1 : 0;
	}
	return { x, y, m };
}

/** Root of a decreasing-or-increasing continuous f on [lo, hi] by bisection. */
function bisect(f: (t: number) => number, lo: number, hi: number): number {
	const flo = f(lo);
	for (let k = 0; k < 200; k++) {
		const mid = (lo + hi) / 2;
		if (f(mid) * flo > 0) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

describe('fitLogistic', () => {
	it.each([
		[100, 20, 50, 30],
		[400, 37, 250, 121],
		[10, 9, 30, 2]
	])('λ = 0, one binary feature: MLE = log odds ratio (n0=%i a=%i n1=%i c=%i)', (n0, a, n1, c) => {
		const { x, y, m } = grouped(n0, a, n1, c);
		const fit = fitLogistic(x, y, m, 1, { lambda: 0 });
		const b0 = Math.log(a / (n0 - a));
		const b1 = Math.log(c / (n1 - c)) - b0;
		expect(fit.converged).toBe(true);
		expect(Math.abs(fit.intercept - b0)).toBeLessThan(1e-6);
		expect(Math.abs(fit.coef[0]! - b1)).toBeLessThan(1e-6);
	});

	it('λ > 0, one continuous feature: matches a nested-bisection solve of the penalised optimum', () => {
		const m = 300;
		const x = Float64Array.from({ length: m }, (_, i) => (i % 37) / 36);
		const y = Uint8Array.from({ length: m }, (_, i) =>
			(i * 13) % 10 < 10 * (0.6 - 0.4 * x[i]!) ? 1 : 0
		);
		const lambda = 0.05;
		// For a slope b, the best intercept solves Σ(p − y) = 0 (monotone in the intercept); the
		// profile objective's derivative Σ(p − y)x/m + λb is then increasing in b (envelope theorem).
		const interceptFor = (b: number) =>
			bisect(
				(b0) => {
					let s = 0;
					for (let i = 0; i < m; i++) s += sigmoid(b0 + b * x[i]!) - y[i]!;
					return s;
				},
				-50,
				50
			);
		const slope = bisect(
			(b) => {
				const b0 = interceptFor(b);
				let s = 0;
				for (let i = 0; i < m; i++) s += (sigmoid(b0 + b * x[i]!) - y[i]!) * x[i]!;
				return s / m + lambda * b;
			},
			-50,
			50
		);
		const fit = fitLogistic(x, y, m, 1, { lambda });
		expect(Math.abs(fit.coef[0]! - slope)).toBeLessThan(1e-6);
		expect(Math.abs(fit.intercept - interceptFor(slope))).toBeLessThan(1e-6);
	});

	it('perfectly separable data stays bounded under L2: ‖β‖ ≤ √(2 log 2 / λ)', () => {
		const m = 200;
		const d = 3;
		const x = new Float64Array(m * d);
		const y = new Uint8Array(m);
		for (let i = 0; i < m; i++) {
			y[i] = i < 100 ? 1 : 0;
			x[i * d] = i < 100 ? 0.1 + (i % 10) / 100 : 0.6 + (i % 10) / 100; // separates
			x[i * d + 1] = (i % 7) / 7;
			x[i * d + 2] = (i % 3) / 3;
		}
		for (const lambda of [1e-2, 1e-3, 1e-4]) {
			const fit = fitLogistic(x, y, m, d, { lambda });
			const norm = Math.hypot(...fit.coef);
			expect(fit.converged).toBe(true);
			expect(Number.isFinite(norm)).toBe(true);
			expect(norm).toBeLessThanOrEqual(Math.sqrt((2 * Math.log(2)) / lambda));
			expect(fit.coef[0]!).toBeLessThan(0);
		}
	});
});

describe('fitWeights', () => {
	const data = benchBacktest(6000, 21, 5);
	const metrics = data.metricIds.map((id, j) => ({ id, points: data.metricPoints[j]! }));

	it('weights are ≥ 0, sum to 100, favour signal over noise; CV is deterministic', () => {
		const r = fitWeights(metrics, data.labels, { seed: 4, handScores: data.score });
		const w = r.weights.map((x) => x.weight);
		expect(w.every((v) => v >= 0)).toBe(true);
		expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
		// m4 has the strongest signal in the fixture, m5 is pure noise
		expect(w[3]!).toBeGreaterThan(w[4]!);
		expect(r.cv.folds.length).toBe(5);
		expect(r.cv.folds.reduce((a, f) => a + f.test, 0)).toBe(r.n);
		expect(r.cv.mean.fitted).toBeGreaterThan(0.6);
		expect(r.cv.mean.hand).toBeGreaterThan(0.6);
		expect(fitWeights(metrics, data.labels, { seed: 4, handScores: data.score })).toEqual(r);
	});

	it('time split trains on earlier rows only', () => {
		const day = Float64Array.from({ length: data.n }, (_, i) => i % 365);
		const r = fitWeights(metrics, data.labels, {
			seed: 1,
			split: { kind: 'time', day, trainUntilDay: 249 }
		});
		expect(r.cv.kind).toBe('time');
		expect(r.cv.folds.length).toBe(1);
		const f = r.cv.folds[0]!;
		expect(f.train + f.test).toBe(data.n);
		expect(f.train).toBeGreaterThan(f.test);
		expect(f.handAuc).toBeNaN();
	});

	it('stratified folds: every fold gets its share of churners', () => {
		const labels = Uint8Array.from({ length: 1000 }, (_, i) => (i % 10 === 0 ? 1 : 0));
		const fold = assignFolds(labels, 5, 8);
		for (let f = 0; f < 5; f++) {
			let pos = 0;
			let all = 0;
			for (let i = 0; i < 1000; i++) {
				if (fold[i] === f) {
					all++;
					pos += labels[i]!;
				}
			}
			expect([all, pos]).toEqual([200, 20]);
		}
	});

	it('applySuggestedWeights maps flat weights onto dimensions', () => {
		const metric = (id: string) => ({
			id,
			name: id,
			column: id,
			direction: 'higher' as const,
			scheme: { kind: 'linear' as const, worst: 0, best: 1 },
			weight: 1,
			missing: 'exclude' as const,
			timing: 'leading' as const
		});
		const dims: Dimension[] = [
			{ id: 'u', name: 'Usage', weight: 50, metrics: [metric('a'), metric('b')] },
			{ id: 's', name: 'Support', weight: 50, metrics: [metric('c')] }
		];
		const out = applySuggestedWeights(dims, [
			{ id: 'a', weight: 60 },
			{ id: 'b', weight: 10 },
			{ id: 'c', weight: 30 }
		]);
		expect(out.map((d) => d.weight)).toEqual([70, 30]);
		expect(out[0]!.metrics.map((m) => m.weight)).toEqual([60, 10]);
		expect(dims[0]!.weight).toBe(50); // input untouched
	});
});

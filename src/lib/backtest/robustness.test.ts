import { describe, expect, it } from 'vitest';
import { computeMetricPoints } from '$lib/model/score';
import { dimension, metric, model, numberTable } from '$lib/model/test-utils';
import { averageRanks, perturbWeights, spearman, weightRobustness } from './robustness';
import { rocAuc } from './metrics';
import { mulberry32, uniform } from './rng';

describe('spearman', () => {
	it('matches scipy with ties', () => {
		// python3 -c "from scipy.stats import spearmanr;
		//   print(spearmanr([1,2,2,3,5,8,13,4],[2,1,4,4,6,9,7,3]).correlation)" → 0.8373493975903614
		expect(spearman([1, 2, 2, 3, 5, 8, 13, 4], [2, 1, 4, 4, 6, 9, 7, 3])).toBeCloseTo(
			0.8373493975903614,
			12
		);
		expect(Array.from(averageRanks([10, 20, 20, 5]))).toEqual([2, 3.5, 3.5, 1]);
		expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
		expect(spearman([1, NaN, 2], [1, 5, 2])).toBeCloseTo(1, 12);
		expect(spearman([1], [1])).toBeNaN();
	});
});

describe('weightRobustness', () => {
	const r32 = mulberry32(9);
	const n = 400;
	const a = Array.from({ length: n }, () => uniform(r32) * 100);
	const b = Array.from({ length: n }, () => uniform(r32) * 100);
	const labels = Uint8Array.from(a, (v, i) => (v + b[i]! < 80 + uniform(r32) * 40 ? 1 : 0));
	const table = numberTable({ a, b });
	const m = model([dimension('x', [metric('a')]), dimension('y', [metric('b')], { weight: 3 })]);
	const pts = computeMetricPoints(m, table);
	it('spread 0 changes nothing', () => {
		const r = weightRobustness(m, pts, table, labels, { spread: 0, draws: 3, seed: 1 });
		expect(r.flipMax).toBe(0);
		expect(r.spearmanMin).toBeCloseTo(1, 12);
		expect(r.aucMin).toBe(r.baseAuc);
	});
	it('a wider spread moves more accounts; seeded draws repeat', () => {
		const small = weightRobustness(m, pts, table, labels, { spread: 0.05, draws: 20, seed: 4 });
		const big = weightRobustness(m, pts, table, labels, { spread: 0.6, draws: 20, seed: 4 });
		expect(big.flipMean).toBeGreaterThan(small.flipMean);
		expect(big.spearmanMin).toBeLessThan(small.spearmanMin);
		expect(weightRobustness(m, pts, table, labels, { spread: 0.6, draws: 20, seed: 4 })).toEqual(
			big
		);
		// Each draw's AUC equals a fresh AUC of the perturbed model's scores (same rng sequence).
		const rng = mulberry32(4);
		const first = perturbWeights(m, 0.6, () => uniform(rng));
		const sa = first.dimensions[0]!.weight;
		const sb = first.dimensions[1]!.weight;
		const score = Float64Array.from(a, (v, i) => (v * sa + b[i]! * sb) / (sa + sb));
		expect(big.draws[0]!.auc).toBeCloseTo(rocAuc(score, labels), 12);
	});
});

import { describe, expect, it } from 'vitest';
import { combineScores, computeMetricPoints } from '$lib/model/score';
import { segmentedSynthetic } from '$lib/model/engine/testing/synthetic';
import { denseRanks } from './groups';
import { dimension, metric, model, numberTable } from '$lib/model/testing/models';
import { RADIX_FROM } from './order';
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

/** The first implementation (every draw ranked and AUC'd on its own): the oracle of the shared-rank path. */
function robustnessOldPath(
	m: Parameters<typeof weightRobustness>[0],
	pts: Parameters<typeof weightRobustness>[1],
	table: Parameters<typeof weightRobustness>[2],
	labels: Uint8Array,
	opts: { spread: number; draws: number; seed: number }
) {
	const base = combineScores(m, pts, table);
	const rng = mulberry32(opts.seed);
	return Array.from({ length: opts.draws }, () => {
		const r = combineScores(
			perturbWeights(m, opts.spread, () => uniform(rng)),
			pts,
			table
		);
		let both = 0;
		let flips = 0;
		for (let i = 0; i < r.n; i++) {
			if (base.tier[i]! < 0 || r.tier[i]! < 0) continue;
			both++;
			if (base.tier[i] !== r.tier[i]) flips++;
		}
		return {
			flipRate: both ? flips / both : NaN,
			spearman: spearman(base.score, r.score),
			auc: rocAuc(r.score, labels)
		};
	});
}

/** The first averageRanks (dense ranks, then the mean rank of each group). */
function averageRanksOld(x: ArrayLike<number>): Float64Array {
	const { groupOf, values } = denseRanks(Float64Array.from(x));
	const count = new Float64Array(values.length);
	for (let i = 0; i < groupOf.length; i++) count[groupOf[i]!]!++;
	const mean = new Float64Array(values.length);
	let before = 0;
	for (let g = 0; g < values.length; g++) {
		mean[g] = before + (count[g]! + 1) / 2;
		before += count[g]!;
	}
	return Float64Array.from(groupOf, (g) => mean[g]!);
}

describe('the shared-rank path gives the first path’s numbers exactly', () => {
	const rng = mulberry32(77);
	const n = 3000;
	// Coarse values (many ties), some missing; a third metric missing often so coverage varies.
	const a = Array.from({ length: n }, () =>
		uniform(rng) < 0.05 ? NaN : Math.round(uniform(rng) * 20)
	);
	const b = Array.from({ length: n }, () => Math.round(uniform(rng) * 50) / 2);
	const c = Array.from({ length: n }, () => (uniform(rng) < 0.4 ? NaN : uniform(rng) * 100));
	const table = numberTable({ a, b, c });
	const m = model(
		[dimension('x', [metric('a'), metric('c')]), dimension('y', [metric('b')], { weight: 2 })],
		{ minCoverage: 0.7 }
	);
	const pts = computeMetricPoints(m, table);
	const labels = Uint8Array.from({ length: n }, () => (uniform(rng) < 0.2 ? 1 : 0));

	it('average ranks match the dense-rank version (ties, −0, NaN)', () => {
		const x = [3, -0, 0, NaN, 3, 1e9, -Infinity, 3, 0.5, Infinity];
		expect(Array.from(averageRanks(x))).toEqual(Array.from(averageRanksOld(x)));
		expect(Array.from(averageRanks(a))).toEqual(Array.from(averageRanksOld(a)));
	});

	it('average ranks by radix sort (≥ RADIX_FROM values) match: signs, infinities, ties, tiny', () => {
		const r = mulberry32(5);
		const special = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 1e308, -1e308];
		const x = Array.from({ length: 3 * RADIX_FROM + 17 }, () => {
			const u = uniform(r);
			if (u < 0.05) return special[Math.floor(uniform(r) * special.length)]!;
			if (u < 0.4) return Math.round(uniform(r) * 40) - 20; // ties
			return (uniform(r) - 0.5) * 10 ** Math.floor(uniform(r) * 12 - 6);
		});
		expect(Array.from(averageRanks(x))).toEqual(Array.from(averageRanksOld(x)));
		// Scores 0–100 (the draws' case) and exactly RADIX_FROM values.
		const scores = Array.from({ length: RADIX_FROM }, () => uniform(r) * 100);
		expect(Array.from(averageRanks(scores))).toEqual(Array.from(averageRanksOld(scores)));
	});

	it('flip rate, Spearman and AUC per draw are identical', () => {
		for (const spread of [0.2, 0.9]) {
			const opts = { spread, draws: 12, seed: 5 };
			const now = weightRobustness(m, pts, table, labels, opts);
			expect(now.draws).toEqual(robustnessOldPath(m, pts, table, labels, opts));
		}
	});

	it('segments with overrides and every missing policy: identical per draw', () => {
		const { table: t, model: sm } = segmentedSynthetic();
		const p = computeMetricPoints(sm, t);
		const y = Uint8Array.from({ length: t.n }, () => (uniform(rng) < 0.3 ? 1 : 0));
		const opts = { spread: 0.5, draws: 6, seed: 3 };
		expect(weightRobustness(sm, p, t, y, opts).draws).toEqual(robustnessOldPath(sm, p, t, y, opts));
	});

	it('labels other than 0/1 take the general AUC path, still identical', () => {
		const odd = labels.slice();
		odd[7] = 2;
		const opts = { spread: 0.3, draws: 5, seed: 8 };
		expect(weightRobustness(m, pts, table, odd, opts).draws).toEqual(
			robustnessOldPath(m, pts, table, odd, opts)
		);
	});
});

import { describe, expect, it } from 'vitest';
import { combineScores, computeMetricPoints, scoreTable, showScore, tierIndexFor } from './score';
import { DEFAULT_TIERS } from './templates';
import { dimension, metric, model, numberTable, tableOf } from './testing/models';
import type { MissingPolicy, Model } from './types';

const arr = (a: Float64Array | Int8Array) => Array.from(a);

describe('showScore and tierIndexFor', () => {
	it.each([
		[79.4, 79],
		[79.5, 80],
		[79.49999999999999, 80],
		[79.4999999, 79],
		[0, 0],
		[100, 100],
		[49.5, 50],
		[NaN, NaN],
		[Infinity, NaN]
	])('showScore(%d) = %d', (s, shown) => expect(showScore(s)).toEqual(shown));

	it.each([
		[80, 0],
		[100, 0],
		[79, 1],
		[50, 1],
		[49, 2],
		[0, 2],
		[NaN, -1],
		[-1, -1]
	])('tier of shown %d is %d', (shown, t) => expect(tierIndexFor(DEFAULT_TIERS, shown)).toBe(t));
});

/** Two dimensions: a (weight 3: x weight 1, y weight 3), b (weight 1: z). */
function twoDims(policy: MissingPolicy = 'exclude', minCoverage = 0): Model {
	return model(
		[
			dimension(
				'a',
				[metric('x', { missing: policy }), metric('y', { weight: 3, missing: policy })],
				{ weight: 3 }
			),
			dimension('b', [metric('z', { missing: policy })])
		],
		{ minCoverage }
	);
}

describe('scoreTable', () => {
	it('weighted means of dimensions and metrics (hand-computed)', () => {
		const r = scoreTable(twoDims(), numberTable({ x: [100, 0], y: [60, 20], z: [0, 80] }));
		// row 0: a = (100 + 3·60)/4 = 70; b = 0; score = (3·70 + 0)/4 = 52.5 → shown 53 Yellow
		// row 1: a = (0 + 60)/4 = 15; b = 80; score = (45 + 80)/4 = 31.25 → 31 Red
		expect(arr(r.dimensions[0]!)).toEqual([70, 15]);
		expect(arr(r.dimensions[1]!)).toEqual([0, 80]);
		expect(arr(r.score)).toEqual([52.5, 31.25]);
		expect(arr(r.shown)).toEqual([53, 31]);
		expect(arr(r.tier)).toEqual([1, 2]);
		expect(arr(r.coverage)).toEqual([1, 1]);
		expect(r.metricPoints.map(arr)).toEqual([
			[100, 0],
			[60, 20],
			[0, 80]
		]);
	});

	it.each<[MissingPolicy, number, number, number]>([
		// x missing, y = 60, z = 40. Coverage = ¾ · ¾ + ¼ · 1 = 0.8125 under every policy.
		['exclude', 60, (3 * 60 + 40) / 4, 0.8125],
		['zero', 45, (3 * 45 + 40) / 4, 0.8125],
		['neutral', (50 + 180) / 4, (3 * 57.5 + 40) / 4, 0.8125]
	])('missing policy %s', (policy, a, score, coverage) => {
		const r = scoreTable(twoDims(policy), numberTable({ x: [NaN], y: [60], z: [40] }));
		expect(r.dimensions[0]![0]).toBeCloseTo(a, 12);
		expect(r.score[0]).toBeCloseTo(score, 12);
		expect(r.coverage[0]).toBeCloseTo(coverage, 12);
	});

	it('a dimension with no available metric is NaN and the rest re-weight', () => {
		const r = scoreTable(twoDims(), numberTable({ x: [NaN], y: [NaN], z: [40] }));
		expect(r.dimensions[0]![0]).toBeNaN();
		expect(r.score[0]).toBe(40);
		expect(r.coverage[0]).toBe(0.25);
	});

	it('below minimum coverage → not scored (NaN, tier −1), never red', () => {
		const r = scoreTable(
			twoDims('zero', 0.5),
			numberTable({ x: [NaN, 10], y: [NaN, 10], z: [0, NaN] })
		);
		// row 0: coverage ¼ < ½ even though zero-imputed points give a score: not scored
		expect(r.score[0]).toBeNaN();
		expect(r.shown[0]).toBeNaN();
		expect(r.tier[0]).toBe(-1);
		expect(r.coverage[0]).toBe(0.25);
		// row 1: coverage ¾ ≥ ½, scored (z imputed 0): (3·10 + 0)/4 = 7.5 → 8 → Red
		expect(r.score[1]).toBe(7.5);
		expect(r.tier[1]).toBe(2);
	});

	it('coverage exactly at the minimum is scored (float noise tolerated)', () => {
		const m = model(
			[
				dimension('a', [metric('x'), metric('y'), metric('z')], { weight: 0.1 }),
				dimension('b', [metric('w')], { weight: 0.2 })
			],
			{ minCoverage: 0.1 / 0.3 / 3 + 0.2 / 0.3 }
		);
		const r = scoreTable(m, numberTable({ x: [50], y: [NaN], z: [NaN], w: [50] }));
		expect(r.score[0]).toBeCloseTo(50, 9);
		expect(r.shown[0]).toBe(50);
	});

	it('all missing → not scored even with minCoverage 0', () => {
		const r = scoreTable(twoDims(), numberTable({ x: [NaN], y: [NaN], z: [NaN] }));
		expect(r.score[0]).toBeNaN();
		expect(r.tier[0]).toBe(-1);
		expect(r.coverage[0]).toBe(0);
	});

	it('empty table (n = 0)', () => {
		const r = scoreTable(twoDims(), numberTable({ x: [], y: [], z: [] }));
		expect(r.n).toBe(0);
		expect(r.score.length).toBe(0);
		expect(r.dimensions.length).toBe(2);
	});

	it('missing columns are missing values', () => {
		const r = scoreTable(twoDims(), { n: 2, columns: new Map() });
		expect(arr(r.tier)).toEqual([-1, -1]);
	});

	it('a weight-0 dimension does not count but still gets a dimension score', () => {
		const m = twoDims();
		m.dimensions[1]!.weight = 0;
		const r = scoreTable(m, numberTable({ x: [100], y: [100], z: [0] }));
		expect(r.score[0]).toBe(100);
		expect(r.dimensions[1]![0]).toBe(0);
		expect(r.coverage[0]).toBe(1);
	});

	it.each([
		[79.4, 'yellow'],
		[79.5, 'green'],
		[49.5, 'yellow'],
		[49.4, 'red']
	])('half-up tiers: %d is %s', (x, tier) => {
		const m = model([dimension('d', [metric('m')])]);
		const r = scoreTable(m, numberTable({ m: [x] }));
		expect(m.tiers[r.tier[0]!]!.id).toBe(tier);
	});

	it('percentile metrics rank the portfolio, descending for lower', () => {
		const m = model([
			dimension('d', [
				metric('p', { scheme: { kind: 'percentile', within: 'portfolio' } }),
				metric('q', { direction: 'lower', scheme: { kind: 'percentile', within: 'portfolio' } })
			])
		]);
		const r = scoreTable(m, numberTable({ p: [1, 2, 2, 3, NaN], q: [1, 2, 2, 3, 4] }));
		expect(arr(r.metricPoints[0]!)).toEqual([0, 100 / 3, 100 / 3, 100, NaN]);
		expect(arr(r.metricPoints[1]!)).toEqual([100, 50, 50, 25, 0]);
	});

	it('percentile within segment ranks per segment value (missing segment is its own group)', () => {
		const m = model(
			[dimension('d', [metric('p', { scheme: { kind: 'percentile', within: 'segment' } })])],
			{
				segments: { column: 'seg', overrides: [] }
			}
		);
		const t = tableOf([
			{ p: 1, seg: 'smb' },
			{ p: 5, seg: 'ent' },
			{ p: 2, seg: 'smb' },
			{ p: 9, seg: 'ent' },
			{ p: 3, seg: null },
			{ p: 4, seg: null }
		]);
		expect(arr(scoreTable(m, t).metricPoints[0]!)).toEqual([0, 0, 100, 100, 0, 100]);
		const numeric = tableOf(
			t.n ? [1, 5, 2, 9, 3, 4].map((p, i) => ({ p, seg: [1, 2, 1, 2, null, null][i] })) : []
		);
		expect(arr(scoreTable(m, numeric).metricPoints[0]!)).toEqual([0, 0, 100, 100, 0, 100]);
		// without a segment column in the table it falls back to the portfolio
		expect(arr(scoreTable(m, numberTable({ p: [1, 2, 3] })).metricPoints[0]!)).toEqual([
			0, 50, 100
		]);
	});
});

describe('segments', () => {
	const seg = (): Model => {
		const m = twoDims();
		m.segments = {
			column: 'seg',
			overrides: [
				{
					value: 'ent',
					weights: [
						{ id: 'a', weight: 1 },
						{ id: 'y', weight: 1 }
					]
				},
				{
					value: 'smb',
					tiers: [
						{ id: 'ok', name: 'OK', min: 30, color: '#00ff00', action: '' },
						{ id: 'bad', name: 'Bad', min: 0, color: '#ff0000', action: '' }
					]
				}
			]
		};
		return m;
	};
	const rows = [
		{ x: 100, y: 60, z: 0, seg: 'ent' },
		{ x: 100, y: 60, z: 0, seg: 'smb' },
		{ x: 100, y: 60, z: 0, seg: 'mid' },
		{ x: 100, y: 60, z: 0, seg: null }
	];

	it('override weights and tiers apply to matching rows only (category column)', () => {
		const r = scoreTable(seg(), tableOf(rows));
		// ent: a = (100 + 60)/2 = 80, score = (80 + 0)/2 = 40 → Red (default tiers)
		// base: a = 70, score = 52.5 → 53; smb keeps base weights but its tiers → OK (index 0)
		expect(arr(r.score)).toEqual([40, 52.5, 52.5, 52.5]);
		expect(arr(r.dimensions[0]!)).toEqual([80, 70, 70, 70]);
		expect(arr(r.tier)).toEqual([2, 0, 1, 1]);
	});

	it('override values match String(value) of a number column', () => {
		const m = seg();
		m.segments!.overrides[0]!.value = '2';
		const r = scoreTable(m, tableOf(rows.map((row, i) => ({ ...row, seg: [2, 1, NaN, null][i] }))));
		expect(arr(r.score)).toEqual([40, 52.5, 52.5, 52.5]);
	});
});

describe('two stages', () => {
	it('combineScores reuses arrays and reflects new weights', () => {
		const m = twoDims();
		const t = numberTable({ x: [100, 0], y: [60, 20], z: [0, 80] });
		const points = computeMetricPoints(m, t);
		const first = combineScores(m, points, t);
		const scoreArray = first.score;
		m.dimensions[1]!.weight = 3;
		const second = combineScores(m, points, t, first);
		expect(second.score).toBe(scoreArray);
		// row 0: (3·70 + 3·0)/6 = 35
		expect(second.score[0]).toBe(35);
		expect(second.metricPoints).toBe(points.points);
	});

	it('dimension-weight-only changes (fast path) equal a fresh combine; metric changes too', () => {
		const m = twoDims('neutral', 0.3);
		m.segments = { column: 'seg', overrides: [{ value: 's', weights: [{ id: 'b', weight: 5 }] }] };
		const t = tableOf([
			{ x: 100, y: 60, z: null, seg: 's' },
			{ x: null, y: 20, z: 80, seg: 'o' },
			{ x: null, y: null, z: 10, seg: null }
		]);
		const points = computeMetricPoints(m, t);
		let r = combineScores(m, points, t);
		const steps: ((x: Model) => void)[] = [
			(x) => (x.dimensions[0]!.weight = 1),
			(x) => (x.segments!.overrides[0]!.weights![0]!.weight = 0.5),
			(x) => (x.tiers[1]!.min = 20),
			(x) => (x.minCoverage = 0.9),
			(x) => (x.dimensions[0]!.metrics[1]!.weight = 1),
			(x) => (x.dimensions[1]!.metrics[0]!.missing = 'exclude'),
			(x) => (x.segments!.overrides[0]!.value = 'o')
		];
		for (const step of steps) {
			step(m);
			r = combineScores(m, points, t, r);
			const fresh = combineScores(m, points, t);
			expect(arr(r.score)).toEqual(arr(fresh.score));
			expect(arr(r.coverage)).toEqual(arr(fresh.coverage));
			expect(arr(r.tier)).toEqual(arr(fresh.tier));
			expect(r.dimensions.map(arr)).toEqual(fresh.dimensions.map(arr));
		}
	});

	it('does not reuse arrays of another shape', () => {
		const m = twoDims();
		const t = numberTable({ x: [1], y: [1], z: [1] });
		const other = scoreTable(m, numberTable({ x: [1, 2], y: [1, 2], z: [1, 2] }));
		expect(combineScores(m, computeMetricPoints(m, t), t, other).score).not.toBe(other.score);
	});

	it('throws on points that do not match the model (programming error)', () => {
		const m = twoDims();
		const t = numberTable({ x: [1] });
		expect(() => combineScores(m, { n: 1, points: [] }, t)).toThrow();
	});
});

describe('scale smoke test', () => {
	it('scores 100k rows × 12 metrics in linear time (generous bound; a busy CI box)', () => {
		const n = 100_000;
		const metrics = Array.from({ length: 12 }, (_, k) => metric(`m${k}`));
		const m = model([dimension('a', metrics.slice(0, 6)), dimension('b', metrics.slice(6))]);
		const cols: Record<string, number[]> = {};
		for (let k = 0; k < 12; k++)
			cols[`m${k}`] = Array.from({ length: n }, (_, i) => (i * (k + 7)) % 101);
		const t = numberTable(cols);
		const t0 = performance.now();
		const r = scoreTable(m, t);
		expect(performance.now() - t0).toBeLessThan(3000);
		expect(r.n).toBe(n);
	});
});

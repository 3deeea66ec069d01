/**
 * The fast path (ScoreCore) on the rows where rounding and coverage decide: the SQL proof's edge
 * rows (exact and float-noisy .5 scores, coverage exactly at the minimum) and coverage a hair
 * under the minimum. The synthetic tables of cache.test.ts never land within 1e-8 of x.5 or on
 * the coverage minimum, so without these a broken near-half path or tolerance passes.
 */
import { describe, expect, it } from 'vitest';
import { scoreTable } from '../score';
import type { ColumnTable, Metric, Model } from '../types';
import { ScoreCore } from './cache';
import { HIST_BINS } from './constants';
import { EDGE_MODEL, edgeCells, edgeTable, metric, TIERS } from './testing/edges';

/** The three ways ScoreCore counts rows: per-row arrays, a summary of every row, of some rows. */
function allPaths(model: Model, table: ColumnTable) {
	const ref = scoreTable(model, table);
	const core = new ScoreCore();
	core.setTable(table, null);
	const full = core.score(model, { withDimensions: true });
	const drag = core.score(model, { arrays: false });
	const some = Int32Array.from({ length: table.n }, (_, i) => i).filter((i) => i % 2 === 0);
	const part = new ScoreCore();
	part.setTable(table, some);
	const partial = part.score(model, { arrays: false });
	return { ref, got: full.result!, summaries: [full.summary, drag.summary], partial, some };
}

/** Histogram and unscored count of `rows` from the reference engine's shown scores. */
function histogramOf(shown: Float64Array, rows: Iterable<number>) {
	const hist = new Array<number>(HIST_BINS).fill(0);
	let not = 0;
	for (const i of rows) {
		const s = shown[i]!;
		if (Number.isNaN(s)) not++;
		else if (s >= 0 && s < HIST_BINS) hist[s]!++;
	}
	return { hist, not };
}

describe('ScoreCore on the SQL proof edge rows', () => {
	const table = edgeTable();
	const { ref, got, summaries, partial, some } = allPaths(EDGE_MODEL, table);

	it('is bit-identical to the reference engine on every edge row and summary path', () => {
		expect(Array.from(got.score)).toEqual(Array.from(ref.score));
		expect(Array.from(got.shown)).toEqual(Array.from(ref.shown));
		expect(Array.from(got.tier)).toEqual(Array.from(ref.tier));
		expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
		got.dimensions.forEach((d, i) => expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!)));
		const all = histogramOf(
			ref.shown,
			Array.from({ length: table.n }, (_, i) => i)
		);
		for (const s of summaries) {
			expect(Array.from(s.histogram)).toEqual(all.hist);
			expect(s.notScored).toBe(all.not);
		}
		const half = histogramOf(ref.shown, some);
		expect(Array.from(partial.summary.histogram)).toEqual(half.hist);
		expect(partial.summary.notScored).toBe(half.not);
	});

	it('shows the hand-derived numbers on the rows with only v (coverage exactly the minimum)', () => {
		// Block 1: score = linear points of v (0–100, clamped); only v is real, so coverage is the
		// main dimension's share, 1 / (1 + 2 + 7) = 0.1 = minCoverage (segment B: 1 / 8).
		const ids = edgeCells().rows.map((r) => r[0]);
		const want: Record<string, number> = {
			v0: 80, // 79.5
			v1: 80, // 79.49999999999999: 1e-9 rounding gives 79.5
			v2: 80, // 79.50000000000001
			v3: 50, // 49.5
			v4: 1, // 0.5
			v5: 100, // 100.5 clamps to 100
			v6: 0, // -3 clamps to 0
			v7: NaN, // blank: no real value, not scored
			v8: 1, // 0.795
			v10: 49, // 49.4999999994
			v12: 1, // 0.49999999999999994
			v13: 3, // 2.675
			v14: 1 // 1.005
		};
		for (const [id, shown] of Object.entries(want)) {
			const i = ids.indexOf(id);
			expect(got.shown[i], id).toBe(shown);
		}
		const v1 = ids.indexOf('v1');
		expect(got.coverage[v1]).toBe(0.1);
		expect(EDGE_MODEL.minCoverage).toBe(0.1);
	});
});

/**
 * One dimension, metrics x (present) and y (missing on every row): coverage is x's share,
 * wx / (wx + wy), against a minimum of 0.5. `pad` adds zero-weight dimensions (dimension share 0:
 * coverage unchanged) to take the blocked pass (> 4 dimensions) instead of the row loop.
 */
function coverageCase(wx: number, wy: number, pad: number): { model: Model; table: ColumnTable } {
	const m = (id: string, column: string, weight: number): Metric =>
		metric({ id, column, weight, scheme: { kind: 'linear', worst: 0, best: 100 } });
	const model: Model = {
		schemaVersion: 1,
		id: 'cov',
		name: 'Coverage edge',
		minCoverage: 0.5,
		tiers: TIERS,
		dimensions: [
			{ id: 'd', name: 'D', weight: 1, metrics: [m('x', 'x', wx), m('y', 'y', wy)] },
			...Array.from({ length: pad }, (_, k) => ({
				id: `z${k}`,
				name: `Z${k}`,
				weight: 0,
				metrics: [m(`z${k}m`, 'x', 1)]
			}))
		]
	};
	const n = 6;
	const table: ColumnTable = {
		n,
		columns: new Map([
			['x', { kind: 'number', values: Float64Array.from({ length: n }, (_, i) => 40 + i) }],
			['y', { kind: 'number', values: new Float64Array(n).fill(NaN) }]
		])
	};
	return { model, table };
}

describe('coverage tolerance (COVERAGE_EPSILON = 1e-9) in every fast-path loop', () => {
	it.each([0, 4])(
		'1e-7 under the minimum is not scored, 1e-10 under is (%i padding dims)',
		(pad) => {
			// 0.5 − 1e-7: (1 − 2e-7) / 2. Beyond the tolerance: no row is scored.
			const far = coverageCase(1 - 2e-7, 1 + 2e-7, pad);
			const a = allPaths(far.model, far.table);
			expect(Math.abs(a.got.coverage[0]! - (0.5 - 1e-7))).toBeLessThan(1e-15);
			expect(Array.from(a.got.shown).every(Number.isNaN)).toBe(true);
			for (const s of a.summaries) expect(s.notScored).toBe(6);
			expect(a.partial.summary.notScored).toBe(3);
			// 0.5 − 1e-10: within the tolerance, every row is scored (score = x's points, 40 … 45).
			const near = coverageCase(1 - 2e-10, 1 + 2e-10, pad);
			const b = allPaths(near.model, near.table);
			expect(b.got.coverage[0]!).toBeLessThan(0.5);
			expect(Array.from(b.got.shown)).toEqual([40, 41, 42, 43, 44, 45]);
			for (const s of b.summaries) expect(s.notScored).toBe(0);
			expect(b.partial.summary.notScored).toBe(0);
			// And the reference engine agrees on both.
			expect(Array.from(a.ref.shown).every(Number.isNaN)).toBe(true);
			expect(Array.from(b.ref.shown)).toEqual([40, 41, 42, 43, 44, 45]);
		}
	);
});

import { describe, expect, it } from 'vitest';
import { gatherTable } from '$lib/backtest/asof';
import { mulberry32, uniform } from '$lib/backtest/rng';
import { segmentedSynthetic } from './engine/testing/synthetic';
import { computeMetricPoints } from './score';
import { MAX_CODES, SubsetPoints } from './subset-points';
import type { ColumnTable, Metric, Model } from './types';

/** Bit patterns, so that −0 vs 0 and NaN count as differences too. */
const bits = (x: Float64Array) => Array.from(new BigUint64Array(x.buffer, x.byteOffset, x.length));

/** Random subsets of the table's rows (ascending, as the history passes them), incl. edge sizes. */
function subsets(n: number, seed: number): Int32Array[] {
	const rnd = mulberry32(seed);
	const out: Int32Array[] = [new Int32Array(0), Int32Array.of(0), Int32Array.of(n - 1, n - 1)];
	for (const share of [0.02, 0.3, 0.8, 1]) {
		const rows: number[] = [];
		for (let i = 0; i < n; i++) if (uniform(rnd) < share) rows.push(i);
		out.push(Int32Array.from(rows));
	}
	return out;
}

function expectSame(model: Model, table: ColumnTable, seed: number) {
	const sp = new SubsetPoints(model, table);
	const all = subsets(table.n, seed);
	const wants = all.map((rows) => computeMetricPoints(model, gatherTable(table, rows)));
	all.forEach((rows, k) => {
		const got = sp.at(rows);
		expect(got.n).toBe(wants[k]!.n);
		got.points.forEach((p, m) => expect(bits(p)).toEqual(bits(wants[k]!.points[m]!)));
	});
	// All subsets at once (`grouped`): their rows interleaved at random (each subset's in its
	// order), read back in slices of uneven sizes; each entry's points are its subset's.
	const rnd = mulberry32(seed + 100);
	const next = all.map(() => 0);
	const entryRow: number[] = [];
	const entryGroup: number[] = [];
	const place: [number, number][] = [];
	for (let left = all.reduce((k, r) => k + r.length, 0); left > 0; left--) {
		let g = Math.floor(uniform(rnd) * all.length);
		while (next[g]! >= all[g]!.length) g = (g + 1) % all.length;
		place.push([g, next[g]!]);
		entryRow.push(all[g]![next[g]!++]!);
		entryGroup.push(g);
	}
	const read = sp.grouped(Int32Array.from(entryRow), Int32Array.from(entryGroup), all.length);
	const M = wants[0]!.points.length;
	const got = Array.from({ length: M }, () => new Float64Array(entryRow.length));
	for (let from = 0; from < entryRow.length;) {
		const to = Math.min(entryRow.length, from + 1 + Math.floor(uniform(rnd) * 700));
		const part = read(from, to);
		expect(part.n).toBe(to - from);
		part.points.forEach((p, m) => got[m]!.set(p, from));
		from = to;
	}
	for (let m = 0; m < M; m++) {
		const want = new Float64Array(place.map(([g, j]) => wants[g]!.points[m]![j]!));
		expect(bits(got[m]!)).toEqual(bits(want));
	}
}

const metric = (id: string, column: string, over: Partial<Metric>): Metric => ({
	id,
	name: id,
	column,
	direction: 'higher',
	scheme: { kind: 'percentile', within: 'portfolio' },
	weight: 1,
	missing: 'exclude',
	timing: 'leading',
	...over
});

/** Ties, −0, ±Infinity, NaN, a text column read as numbers, and a category column. */
function edgeTable(n: number): ColumnTable {
	const rnd = mulberry32(9);
	const u = () => uniform(rnd);
	const special = [0, -0, Infinity, -Infinity, NaN, 1e-300, -1e-300];
	const tied = Float64Array.from({ length: n }, () =>
		u() < 0.2 ? special[Math.floor(u() * special.length)]! : Math.floor(u() * 12) - 3
	);
	const wide = Float64Array.from({ length: n }, () => (u() < 0.1 ? NaN : u() * 1e6 - 5e5));
	const dict = ['10', '2', 'x', '-0', '2.0', 'Ent', 'SMB'];
	const codes = Int32Array.from({ length: n }, () =>
		u() < 0.1 ? -1 : Math.floor(u() * dict.length)
	);
	const seg = Float64Array.from({ length: n }, () => (u() < 0.1 ? NaN : Math.floor(u() * 4)));
	return {
		n,
		columns: new Map([
			['tied', { kind: 'number', values: tied }],
			['wide', { kind: 'number', values: wide }],
			['text', { kind: 'category', codes, dictionary: dict }],
			['seg', { kind: 'number', values: seg }]
		])
	};
}

function edgeModel(within: 'portfolio' | 'segment'): Model {
	const { model } = segmentedSynthetic();
	const pct = (direction: 'higher' | 'lower') =>
		({ direction, scheme: { kind: 'percentile', within } }) as const;
	const metrics: Metric[] = [
		metric('a', 'tied', pct('higher')),
		metric('b', 'tied', pct('lower')),
		metric('c', 'wide', pct('higher')),
		metric('d', 'wide', pct('lower')),
		metric('e', 'text', pct('higher')),
		metric('f', 'absent', pct('lower')),
		metric('g', 'wide', { scheme: { kind: 'linear', worst: -4e5, best: 4e5 } }),
		metric('h', 'tied', {
			scheme: {
				kind: 'bands',
				bands: [
					{ upTo: 0, points: 10 },
					{ upTo: null, points: 90 }
				]
			}
		}),
		metric('i', 'text', {
			scheme: {
				kind: 'category',
				map: [
					{ value: 'Ent', points: 100 },
					{ value: 'x', points: 0 }
				],
				otherPoints: 50
			}
		})
	];
	return {
		...model,
		dimensions: [{ id: 'all', name: 'All', weight: 1, metrics }],
		segments: { column: 'seg', overrides: [] }
	};
}

describe('SubsetPoints (at, and grouped: many subsets at once) = computeMetricPoints on the gathered rows, bit for bit', () => {
	it('percentile (both directions; ties, −0, infinities, text read as numbers), rows, bands, category', () => {
		expectSame(edgeModel('portfolio'), edgeTable(3000), 1);
	});

	it('whole numbers (ranked by counting): negative, −0, a range of exactly MAX_CODES', () => {
		const n = 4000;
		const rnd = mulberry32(12);
		const v = Float64Array.from({ length: n }, (_, i) =>
			i === 0 ? -7 : i === 1 ? MAX_CODES - 8 : i % 9 === 0 ? -0 : Math.floor(uniform(rnd) * 30) - 7
		);
		const table: ColumnTable = { n, columns: new Map([['tied', { kind: 'number', values: v }]]) };
		const m = edgeModel('portfolio');
		const model: Model = {
			...m,
			segments: null,
			dimensions: [{ id: 'x', name: 'x', weight: 1, metrics: m.dimensions[0]!.metrics.slice(0, 2) }]
		};
		expectSame(model, table, 6);
	});

	it('percentile within segments (number segment column with missing values)', () => {
		expectSame(edgeModel('segment'), edgeTable(3000), 2);
	});

	it('segmented synthetic model (category segment, overrides, every missing policy)', () => {
		const { table, model } = segmentedSynthetic();
		expectSame(model, table, 3);
		const pct: Model = {
			...model,
			dimensions: model.dimensions.map((d, k) => ({
				...d,
				metrics: d.metrics.map((m) =>
					k % 2
						? { ...m, scheme: { kind: 'percentile', within: k === 1 ? 'portfolio' : 'segment' } }
						: m
				)
			}))
		};
		expectSame(pct, table, 4);
	});

	it('whole numbers over a range wider than MAX_CODES: ranks by sorting each subset', () => {
		const n = 5000;
		const rnd = mulberry32(11);
		const v = Float64Array.from({ length: n }, (_, i) =>
			i % 50 === 0 ? NaN : i === 1 ? MAX_CODES : Math.floor(uniform(rnd) * 40) - 20
		);
		const table: ColumnTable = { n, columns: new Map([['wide', { kind: 'number', values: v }]]) };
		const m = edgeModel('portfolio');
		const model: Model = {
			...m,
			segments: null,
			dimensions: [{ id: 'x', name: 'x', weight: 1, metrics: m.dimensions[0]!.metrics.slice(2, 4) }]
		};
		expectSame(model, table, 5);
	});

	it('a percentile rank is its count of smaller values over (n − 1) (hand example)', () => {
		const table: ColumnTable = {
			n: 6,
			columns: new Map([['v', { kind: 'number', values: Float64Array.of(5, 1, 5, NaN, 3, 9) }]])
		};
		const model = edgeModel('portfolio');
		const m: Model = {
			...model,
			segments: null,
			dimensions: [{ id: 'x', name: 'x', weight: 1, metrics: [metric('v', 'v', {})] }]
		};
		// Rows 0, 1, 2, 3, 5 → values 5, 1, 5, NaN, 9: four finite; smaller than 5: one.
		const got = new SubsetPoints(m, table).at(Int32Array.of(0, 1, 2, 3, 5)).points[0]!;
		expect(Array.from(got)).toEqual([100 / 3, 0, 100 / 3, NaN, 100]);
	});
});

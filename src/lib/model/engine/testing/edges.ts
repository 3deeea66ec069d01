/**
 * Edge rows aimed at rounding, coverage and percentile-tie boundaries, shared by the engine's
 * edge tests (edges.test.ts: fast path against the reference) and the SQL export's proof in
 * PGlite and DuckDB (data/export/sql/fixtures.ts). Test support: never imported by the product.
 */
import type { ColumnTable, Column, Metric, Model, Tier } from '../../types';

/** Green ≥ 80, Yellow ≥ 50, Red ≥ 0 (the proofs' tiers). */
export const TIERS: Tier[] = [
	{ id: 'green', name: 'Green', min: 80, color: '#2e7d32', action: 'Expand' },
	{ id: 'yellow', name: 'Yellow', min: 50, color: '#f9a825', action: 'Check in' },
	{ id: 'red', name: 'Red', min: 0, color: '#c62828', action: 'Save plan' }
];

/** A metric with the defaults the proofs start from (higher is better, weight 1, exclude). */
export function metric(m: Partial<Metric> & Pick<Metric, 'id' | 'column' | 'scheme'>): Metric {
	return {
		name: m.id,
		direction: 'higher',
		weight: 1,
		missing: 'exclude',
		timing: 'leading',
		...m
	};
}

/**
 * Edge rows: exact and float-noisy .5 scores, coverage right at the minimum (0.1 + 0.2 share
 * sums), percentile ties and a single-row segment, a tier below every min in a segment.
 */
export const EDGE_MODEL: Model = {
	schemaVersion: 1,
	id: 'edges',
	name: 'Edges',
	minCoverage: 0.1,
	tiers: TIERS,
	segments: {
		column: 'seg',
		overrides: [{ value: 'B', weights: [{ id: 'a', weight: 0 }] }]
	},
	dimensions: [
		{
			id: 'main',
			name: 'Main',
			weight: 1,
			metrics: [
				metric({ id: 'lin', column: 'v', scheme: { kind: 'linear', worst: 0, best: 100 } }),
				metric({ id: 'man', column: 'v', weight: 0, scheme: { kind: 'manual', max: 100 } })
			]
		},
		{
			id: 'a',
			name: 'A',
			weight: 2,
			metrics: [
				metric({ id: 'pa', column: 'p', scheme: { kind: 'percentile', within: 'segment' } })
			]
		},
		{
			id: 'b',
			name: 'B',
			weight: 7,
			metrics: [
				metric({
					id: 'c',
					column: 'c',
					scheme: {
						kind: 'category',
						map: [
							{ value: 'x', points: 100 },
							{ value: 'X', points: 0 }
						],
						otherPoints: null
					}
				})
			]
		}
	]
};

/**
 * Cells for EDGE_MODEL: id, seg, v, p, c. The first block has only `v` (score = linear points
 * of v, coverage exactly the minimum), so the shown-score rounding is tested on x.5 and on
 * float noise either side of it; the second block mixes in percentile ties and categories.
 */
export function edgeCells(): { header: string[]; rows: (string | null)[][] } {
	const vs = [
		'79.5',
		'79.49999999999999',
		'79.50000000000001',
		'49.5',
		'0.5',
		'100.5',
		'-3',
		'',
		'0.795',
		'49.4999999995',
		'49.4999999994',
		'79.4999999995',
		'0.49999999999999994',
		'2.675',
		'1.005'
	];
	const rows: (string | null)[][] = [];
	vs.forEach((v, i) => rows.push([`v${i}`, i % 3 === 0 ? 'B' : 'A', v, null, null]));
	vs.forEach((v, i) => {
		rows.push([`e${i}`, i % 3 === 0 ? 'B' : 'A', v, String(i % 4), i % 2 ? 'x' : 'y']);
	});
	rows.push(['solo', 'C', '10', '5', 'x']);
	rows.push(['noseg', null, '10', '5', null]);
	return { header: ['id', 'seg', 'v', 'p', 'c'], rows };
}

/**
 * The engine's table of `edgeCells()`: v and p numbers (blank → NaN, as the import reads them),
 * seg and c categories (blank or null → missing).
 */
export function edgeTable(): ColumnTable {
	const { header, rows } = edgeCells();
	const at = (name: string) => header.indexOf(name);
	const num = (name: string): Column => ({
		kind: 'number',
		values: Float64Array.from(rows, (r) => {
			const s = r[at(name)]?.trim() ?? '';
			return s === '' ? NaN : Number(s);
		})
	});
	const cat = (name: string): Column => {
		const dictionary: string[] = [];
		const codes = Int32Array.from(rows, (r) => {
			const s = r[at(name)] ?? '';
			if (s === '') return -1;
			const c = dictionary.indexOf(s);
			return c >= 0 ? c : dictionary.push(s) - 1;
		});
		return { kind: 'category', codes, dictionary };
	};
	const columns = new Map<string, Column>([
		['seg', cat('seg')],
		['v', num('v')],
		['p', num('p')],
		['c', cat('c')]
	]);
	return { n: rows.length, columns };
}

/**
 * Seeded synthetic tables and models for the engine's tests and the bench page (never imported by
 * the product): n accounts × k metric columns.
 */
import type { ColumnTable, Model } from '../../types';

/** n rows × k metric columns of seeded pseudo-random values 0–100 (some missing). */
export function syntheticTable(n: number, k: number, seed = 7): ColumnTable {
	const columns = new Map<string, { kind: 'number'; values: Float64Array }>();
	let s = seed;
	for (let m = 0; m < k; m++) {
		const values = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			s = (s * 1103515245 + 12345) >>> 0;
			values[i] = s % 97 === 0 ? NaN : (s >>> 8) / 167772.16;
		}
		columns.set(`m${m}`, { kind: 'number', values });
	}
	return { n, columns };
}

export function syntheticModel(k: number): Model {
	const dims = 4;
	return {
		schemaVersion: 1,
		id: 'synthetic',
		name: 'Synthetic',
		minCoverage: 0.5,
		tiers: [
			{ id: 'green', name: 'Green', min: 80, color: '#1a7f4b', action: '' },
			{ id: 'yellow', name: 'Yellow', min: 50, color: '#8a6100', action: '' },
			{ id: 'red', name: 'Red', min: 0, color: '#b42318', action: '' }
		],
		dimensions: Array.from({ length: dims }, (_, d) => ({
			id: `d${d}`,
			name: `D${d}`,
			weight: d + 1,
			metrics: Array.from({ length: k / dims }, (_, j) => {
				const m = d * (k / dims) + j;
				return {
					id: `m${m}`,
					name: `M${m}`,
					column: `m${m}`,
					direction: m % 3 === 0 ? ('lower' as const) : ('higher' as const),
					scheme:
						m % 4 === 1
							? {
									kind: 'bands' as const,
									bands: [
										{ upTo: 30, points: 20 },
										{ upTo: 70, points: 60 },
										{ upTo: null, points: 100 }
									]
								}
							: { kind: 'linear' as const, worst: 0, best: 100 },
					weight: 1,
					missing: 'exclude' as const,
					timing: 'leading' as const
				};
			})
		}))
	};
}

/** 4000 rows with a segment column, two overrides (weights; own tiers), every missing policy. */
export function segmentedSynthetic(): { table: ColumnTable; model: Model } {
	const table = syntheticTable(4000, 12, 3);
	const seg = new Int32Array(4000);
	for (let i = 0; i < 4000; i++) seg[i] = i % 7 === 0 ? -1 : i % 3;
	table.columns.set('segment', {
		kind: 'category',
		codes: seg,
		dictionary: ['SMB', 'Mid', 'Ent']
	});
	const base = syntheticModel(12);
	const model: Model = {
		...base,
		minCoverage: 0.6,
		dimensions: base.dimensions.map((d, di) => ({
			...d,
			weight: di === 3 ? 0 : d.weight,
			metrics: d.metrics.map((m, j) => ({
				...m,
				missing: (['exclude', 'zero', 'neutral'] as const)[(di + j) % 3]!
			}))
		})),
		segments: {
			column: 'segment',
			overrides: [
				{
					value: 'SMB',
					weights: [
						{ id: 'd0', weight: 7 },
						{ id: 'm4', weight: 3 }
					]
				},
				{
					value: 'Ent',
					tiers: [
						{ id: 'g', name: 'G', min: 70, color: '#000000', action: '' },
						{ id: 'r', name: 'R', min: 0, color: '#000000', action: '' }
					]
				}
			]
		}
	};
	return { table, model };
}

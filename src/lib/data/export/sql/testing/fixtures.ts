/**
 * Test models and data for the SQL export proofs (imported only by `*.test.ts`): a telco model
 * that uses every scheme, policy and a segment override, with deterministic synthetic columns,
 * and an "edges" table aimed at rounding, coverage and percentile-tie boundaries.
 */
import type { Model } from '$lib/model/types';
import { EDGE_MODEL, edgeCells, metric, TIERS } from '$lib/model/engine/testing/edges';
import type { Cells, ColumnSpec } from './harness';

/** Every scheme, every missing policy, percentile by portfolio and by segment, two overrides. */
export const TELCO_MODEL: Model = {
	schemaVersion: 1,
	id: 'telco-proof',
	name: "Telco proof (every scheme) — O'Brien \\ test",
	minCoverage: 0.75,
	tiers: TIERS,
	segments: {
		column: 'Contract',
		overrides: [
			{
				value: 'Two year',
				weights: [
					{ id: 'tenure_value', weight: 1 },
					{ id: 'csm', weight: 4 },
					{ id: 'tenure', weight: 5 }
				],
				tiers: [
					{ id: 'gold', name: 'Gold', min: 70, color: '#ffd700', action: 'Reference' },
					{ id: 'silver', name: 'Silver', min: 40, color: '#c0c0c0', action: 'Nurture' },
					{ id: 'bronze', name: "Bronze 'at risk'", min: 0, color: '#cd7f32', action: 'Call' }
				]
			},
			{
				value: 'One year',
				tiers: [
					{ id: 'g1', name: 'Green', min: 75, color: '#2e7d32', action: 'Expand' },
					{ id: 'y1', name: 'Yellow', min: 45, color: '#f9a825', action: 'Check in' },
					{ id: 'r1', name: 'Red', min: 0, color: '#c62828', action: 'Save plan' }
				]
			}
		]
	},
	dimensions: [
		{
			id: 'tenure_value',
			name: 'Tenure & value',
			weight: 3,
			metrics: [
				metric({
					id: 'tenure',
					column: 'tenure',
					weight: 2,
					scheme: { kind: 'linear', worst: 0, best: 60 }
				}),
				metric({
					id: 'monthly_band',
					column: 'MonthlyCharges',
					missing: 'zero',
					scheme: {
						kind: 'bands',
						bands: [
							{ upTo: 30, points: 90 },
							{ upTo: 70.35, points: 60 },
							{ upTo: 100, points: 40 },
							{ upTo: null, points: 20 }
						]
					}
				}),
				metric({
					id: 'monthly_cost',
					column: 'MonthlyCharges',
					direction: 'lower',
					weight: 0.7,
					scheme: { kind: 'linear', worst: 118.75, best: 18.25 }
				})
			]
		},
		{
			id: 'spend',
			name: 'Spend',
			weight: 2,
			metrics: [
				metric({
					id: 'total_pct',
					column: 'TotalCharges',
					missing: 'neutral',
					scheme: { kind: 'percentile', within: 'portfolio' }
				}),
				metric({
					id: 'total_seg_pct',
					column: 'TotalCharges',
					direction: 'lower',
					weight: 1.5,
					scheme: { kind: 'percentile', within: 'segment' }
				}),
				metric({
					id: 'monthly_seg_pct',
					column: 'MonthlyCharges',
					weight: 0.3,
					scheme: { kind: 'percentile', within: 'segment' }
				})
			]
		},
		{
			id: 'profile',
			name: 'Profile',
			weight: 1,
			metrics: [
				metric({
					id: 'senior',
					column: 'SeniorCitizen',
					scheme: { kind: 'boolean', truePoints: 30, falsePoints: 80 }
				}),
				metric({
					id: 'active',
					column: 'Active',
					missing: 'zero',
					scheme: { kind: 'boolean', truePoints: 100, falsePoints: 10 }
				}),
				metric({
					id: 'contract',
					column: 'Contract',
					scheme: {
						kind: 'category',
						map: [
							{ value: 'Month-to-month', points: 20 },
							{ value: 'One year', points: 70 }
						],
						otherPoints: null
					}
				}),
				metric({
					id: 'payment',
					column: 'PaymentMethod',
					scheme: {
						kind: 'category',
						map: [
							{ value: 'Electronic check', points: 30 },
							{ value: 'Mailed check', points: 60 }
						],
						otherPoints: 80
					}
				})
			]
		},
		{
			id: 'csm',
			name: 'CSM view',
			weight: 2.5,
			metrics: [
				metric({ id: 'csm_rating', column: 'CsmRating', scheme: { kind: 'manual', max: 25 } })
			]
		}
	]
};

const ACTIVE_WORDS = ['yes', 'No', ' TRUE ', 'f', '1', '0', '', 'maybe', 'Y', 'n', 'False'];

/** Deterministic synthetic cells added to each telco row: CsmRating and Active. */
function synthetic(i: number): [string, string] {
	let rating: string;
	if (i % 9 === 4) rating = '';
	else if (i % 53 === 7) rating = 'NaN';
	else if (i % 59 === 3) rating = i % 2 ? 'Infinity' : '-Infinity';
	else rating = String(((i * 37) % 61) / 2 - (i % 17 === 0 ? 1.25 : 0));
	return [rating, ACTIVE_WORDS[i % ACTIVE_WORDS.length]!];
}

/** The telco cells with the synthetic columns appended. */
export function telcoCells(cells: Cells): Cells {
	return {
		header: [...cells.header, 'CsmRating', 'Active'],
		rows: cells.rows.map((r, i) => [...r, ...synthetic(i)])
	};
}

/** Columns the telco model reads: engine kind and database type. */
export const TELCO_SPECS: Record<string, ColumnSpec> = {
	tenure: { engine: 'number', sql: 'double' },
	MonthlyCharges: { engine: 'number', sql: 'double' },
	TotalCharges: { engine: 'number', sql: 'text' },
	SeniorCitizen: { engine: 'number', sql: 'double' },
	Active: { engine: 'text', sql: 'text' },
	Contract: { engine: 'text', sql: 'text' },
	PaymentMethod: { engine: 'text', sql: 'text' },
	CsmRating: { engine: 'number', sql: 'double' }
};

export { EDGE_MODEL, edgeCells };

export const EDGE_SPECS: Record<string, ColumnSpec> = {
	seg: { engine: 'text', sql: 'text' },
	v: { engine: 'number', sql: 'double' },
	p: { engine: 'number', sql: 'double' },
	c: { engine: 'text', sql: 'text' }
};

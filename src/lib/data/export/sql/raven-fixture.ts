/**
 * Test support (imported only by `*.test.ts`): the ravenstack proof model used by the pipeline,
 * backfill, parser and dbt tests, and the five raw tables typed as a warehouse holds them.
 */
import type { Model } from '$lib/model';
import { RAVENSTACK, ravenRaw } from '$lib/sources/test-data';
import type { PipelineColumnType } from './pipeline';

const metric = (
	id: string,
	column: string,
	scheme: Model['dimensions'][number]['metrics'][number]['scheme'],
	direction: 'higher' | 'lower' = 'higher',
	weight = 1
) => ({
	id,
	name: id,
	column,
	direction,
	scheme,
	weight,
	missing: 'exclude' as const,
	timing: 'leading' as const
});

export const RAVEN_MODEL: Model = {
	schemaVersion: 1,
	id: 'ravenstack_pipeline',
	name: 'Ravenstack pipeline proof',
	minCoverage: 0.3,
	dimensions: [
		{
			id: 'usage',
			name: 'Usage',
			weight: 40,
			metrics: [
				metric('usage_30d', 'usage_30d', { kind: 'linear', worst: 0, best: 60 }, 'higher', 2),
				metric('days_since_use', 'days_since_use', { kind: 'linear', worst: 90, best: 0 }, 'lower'),
				metric('features_used', 'features_used_90d', { kind: 'percentile', within: 'portfolio' }),
				metric('errors', 'errors_mean_90d', { kind: 'linear', worst: 2, best: 0 }, 'lower')
			]
		},
		{
			id: 'support',
			name: 'Support',
			weight: 30,
			metrics: [
				metric(
					'tickets',
					'tickets_90d',
					{
						kind: 'bands',
						bands: [
							{ upTo: 0, points: 100 },
							{ upTo: 2, points: 60 },
							{ upTo: null, points: 20 }
						]
					},
					'lower'
				),
				metric(
					'urgent',
					'urgent_tickets_180d',
					{
						kind: 'bands',
						bands: [
							{ upTo: 0, points: 100 },
							{ upTo: null, points: 30 }
						]
					},
					'lower'
				),
				metric('csat', 'satisfaction_last', { kind: 'linear', worst: 3, best: 5 }),
				metric(
					'resolution',
					'resolution_max_180d',
					{ kind: 'percentile', within: 'segment' },
					'lower'
				)
			]
		},
		{
			id: 'billing',
			name: 'Billing',
			weight: 30,
			metrics: [
				metric('mrr', 'mrr', { kind: 'percentile', within: 'segment' }),
				metric('plan', 'plan_now', {
					kind: 'category',
					map: [
						{ value: 'Enterprise', points: 100 },
						{ value: 'Pro', points: 70 },
						{ value: 'Basic', points: 40 }
					],
					otherPoints: null
				}),
				metric('active', 'active_sub', { kind: 'boolean', truePoints: 100, falsePoints: 0 }),
				metric('tenure', 'tenure', { kind: 'linear', worst: 0, best: 720 }),
				metric('ups', 'seat_upgrades_365d', {
					kind: 'bands',
					bands: [
						{ upTo: 0, points: 50 },
						{ upTo: null, points: 100 }
					]
				})
			]
		}
	],
	tiers: [
		{ id: 'green', name: 'Green', min: 70, color: '#2e7d32', action: 'Grow' },
		{ id: 'yellow', name: 'Yellow', min: 45, color: '#f9a825', action: 'Watch' },
		{ id: 'red', name: 'Red', min: 0, color: '#c62828', action: 'Call' }
	],
	segments: {
		column: 'industry',
		overrides: [
			{
				value: 'FinTech',
				weights: [{ id: 'billing', weight: 60 }],
				tiers: [
					{ id: 'green', name: 'Green', min: 65, color: '#2e7d32', action: 'Grow' },
					{ id: 'red', name: 'Red', min: 0, color: '#c62828', action: 'Call' }
				]
			}
		]
	}
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const STAMP_RE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;
const KEYS = new Set(['account_id', 'subscription_id', 'usage_id', 'ticket_id', 'churn_event_id']);

/** Warehouse types of one raw table, and the same as the pipeline's column types. */
export function typesOf(header: string[], rows: string[][]) {
	return header.map((h, k) => {
		const filled = rows.map((r) => r[k] ?? '').filter((s) => s !== '');
		if (KEYS.has(h) || !filled.length) return 'text';
		if (filled.every((s) => DATE_RE.test(s))) return 'date';
		if (filled.every((s) => STAMP_RE.test(s))) return 'timestamp';
		if (filled.every((s) => /^-?\d+(\.\d+)?$/.test(s))) return 'number';
		return 'text';
	});
}

export function loads(doubleType: string) {
	return RAVENSTACK.map((name) => {
		const { header, rows } = ravenRaw(name);
		const types = typesOf(header, rows);
		const sqlType = {
			text: 'VARCHAR',
			date: 'DATE',
			timestamp: 'TIMESTAMP',
			number: doubleType
		} as const;
		const ddl = `CREATE TABLE "rs_${name.replace('-', '_')}" (${header.map((h, k) => `"${h}" ${sqlType[types[k] as keyof typeof sqlType]}`).join(', ')})`;
		const csv = [header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
		const colTypes: Record<string, PipelineColumnType> = {};
		header.forEach(
			(h, k) => (colTypes[h] = types[k] === 'timestamp' ? 'date' : (types[k] as PipelineColumnType))
		);
		return { name, table: `rs_${name.replace('-', '_')}`, ddl, csv, colTypes };
	});
}

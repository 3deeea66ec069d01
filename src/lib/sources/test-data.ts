/**
 * Test helper: ravenstack's five tables (../shared/data) read into SourceTables with a small
 * independent reader (the files are unquoted, comma-separated, CRLF): `YYYY-MM-DD…` cells →
 * epoch days (time dropped), `True`/`False` → 1/0, numbers → numbers, the rest text (dictionary-
 * coded). Also the ravenstack recipe used by the build, SQL and bench tests.
 */
import { readFileSync } from 'node:fs';
import type { Column, ColumnTable } from '$lib/model/types';
import { sharedDataPath } from '../../../tests/shared-data';
import type { Recipe, SourceTable } from './types';

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Parse one unquoted CSV into raw cells (header, rows). */
export function readPlainCsv(text: string): { header: string[]; rows: string[][] } {
	const lines = text.split(/\r?\n/).filter((l) => l !== '');
	return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

/** Type raw columns: date, boolean, number, else text. `keys` are always text. */
export function typedTable(
	header: string[],
	rows: string[][],
	keys: ReadonlySet<string>
): ColumnTable {
	const n = rows.length;
	const columns = new Map<string, Column>();
	header.forEach((name, c) => {
		const cells = rows.map((r) => r[c] ?? '');
		const filled = cells.filter((s) => s !== '');
		if (!keys.has(name) && filled.length && filled.every((s) => DATE.test(s))) {
			const values = new Float64Array(n);
			cells.forEach((s, i) => {
				const m = DATE.exec(s);
				values[i] = m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!) / 86_400_000 : NaN;
			});
			columns.set(name, { kind: 'number', values });
		} else if (
			!keys.has(name) &&
			filled.length &&
			filled.every((s) => s === 'True' || s === 'False')
		) {
			columns.set(name, {
				kind: 'number',
				values: Float64Array.from(cells, (s) => (s === 'True' ? 1 : s === 'False' ? 0 : NaN))
			});
		} else if (!keys.has(name) && filled.length && filled.every((s) => /^-?\d+(\.\d+)?$/.test(s))) {
			columns.set(name, {
				kind: 'number',
				values: Float64Array.from(cells, (s) => (s === '' ? NaN : Number(s)))
			});
		} else {
			const dict = new Map<string, number>();
			const codes = new Int32Array(n);
			cells.forEach((s, i) => {
				if (s === '') {
					codes[i] = -1;
					return;
				}
				let k = dict.get(s);
				if (k === undefined) {
					k = dict.size;
					dict.set(s, k);
				}
				codes[i] = k;
			});
			columns.set(name, { kind: 'category', codes, dictionary: [...dict.keys()] });
		}
	});
	return { n, columns };
}

export const RAVENSTACK = [
	'accounts',
	'subscriptions',
	'feature-usage',
	'support-tickets',
	'churn-events'
] as const;
export type RavenTable = (typeof RAVENSTACK)[number];

/** Raw cells of one ravenstack table. */
export function ravenRaw(name: RavenTable): { header: string[]; rows: string[][] } {
	return readPlainCsv(readFileSync(sharedDataPath(`ravenstack-${name}.csv`), 'utf8'));
}

const KEYS = new Set(['account_id', 'subscription_id', 'usage_id', 'ticket_id', 'churn_event_id']);

/** The five tables as SourceTables (account_id of accounts as the id column). */
export function ravenSources(): SourceTable[] {
	return RAVENSTACK.map((name) => {
		const { header, rows } = ravenRaw(name);
		const table = typedTable(header, rows, KEYS);
		if (name === 'accounts') {
			const k = header.indexOf('account_id');
			table.columns.delete('account_id');
			return { name, ids: rows.map((r) => r[k]!), idColumn: 'account_id', table };
		}
		return { name, ids: null, idColumn: null, table };
	});
}

/** The ravenstack recipe: usage, support, billing features; churn log with new lives. */
export function ravenRecipe(overrides: Partial<Recipe> = {}): Recipe {
	return {
		schemaVersion: 1,
		sources: [
			{ name: 'accounts', grain: 'account', key: 'account_id', time: 'signup_date' },
			{
				name: 'subscriptions',
				grain: 'period',
				key: 'account_id',
				start: 'start_date',
				end: 'end_date'
			},
			{
				name: 'feature-usage',
				grain: 'event',
				key: 'subscription_id',
				link: { via: 'subscriptions', column: 'subscription_id' },
				time: 'usage_date'
			},
			{ name: 'support-tickets', grain: 'event', key: 'account_id', time: 'submitted_at' },
			{ name: 'churn-events', grain: 'event', key: 'account_id', time: 'churn_date' }
		],
		accounts: 'accounts',
		grid: { kind: 'monthly', from: '2023-06-01', to: '2024-12-31', anchor: 'month-end' },
		features: [
			{
				id: 'usage_30d',
				name: 'Usage, last 30 days',
				source: 'feature-usage',
				kind: 'event',
				agg: 'sum',
				column: 'usage_count',
				days: 30
			},
			{
				id: 'usage_rows_90d',
				name: 'Usage rows, last 90 days',
				source: 'feature-usage',
				kind: 'event',
				agg: 'count',
				days: 90
			},
			{
				id: 'errors_mean_90d',
				name: 'Errors per use, 90 days',
				source: 'feature-usage',
				kind: 'event',
				agg: 'mean',
				column: 'error_count',
				days: 90
			},
			{
				id: 'features_used_90d',
				name: 'Distinct features, 90 days',
				source: 'feature-usage',
				kind: 'event',
				agg: 'distinct',
				column: 'feature_name',
				days: 90
			},
			{
				id: 'days_since_use',
				name: 'Days since last use',
				source: 'feature-usage',
				kind: 'event',
				agg: 'days-since-last',
				days: null
			},
			{
				id: 'tickets_90d',
				name: 'Tickets, last 90 days',
				source: 'support-tickets',
				kind: 'event',
				agg: 'count',
				days: 90
			},
			{
				id: 'urgent_tickets_180d',
				name: 'Urgent or high tickets, 180 days',
				source: 'support-tickets',
				kind: 'event',
				agg: 'count',
				days: 180,
				filter: { column: 'priority', values: ['urgent', 'high'] }
			},
			{
				id: 'satisfaction_last',
				name: 'Last satisfaction',
				source: 'support-tickets',
				kind: 'event',
				agg: 'last',
				column: 'satisfaction_score',
				days: null
			},
			{
				id: 'resolution_max_180d',
				name: 'Slowest resolution, 180 days',
				source: 'support-tickets',
				kind: 'event',
				agg: 'max',
				column: 'resolution_time_hours',
				days: 180
			},
			{
				id: 'first_response_min_365d',
				name: 'Fastest first response, 365 days',
				source: 'support-tickets',
				kind: 'event',
				agg: 'min',
				column: 'first_response_time_minutes',
				days: 365
			},
			{
				id: 'days_since_first_ticket',
				name: 'Days since first ticket',
				source: 'support-tickets',
				kind: 'event',
				agg: 'days-since-first',
				days: null
			},
			{
				id: 'mrr',
				name: 'MRR',
				source: 'subscriptions',
				kind: 'period',
				measure: 'value',
				column: 'mrr_amount',
				combine: 'sum'
			},
			{
				id: 'plan_now',
				name: 'Plan (latest subscription)',
				source: 'subscriptions',
				kind: 'period',
				measure: 'value',
				column: 'plan_tier',
				combine: 'latest'
			},
			{
				id: 'active_sub',
				name: 'Has an active subscription',
				source: 'subscriptions',
				kind: 'period',
				measure: 'active'
			},
			{ id: 'tenure', name: 'Tenure', source: 'subscriptions', kind: 'period', measure: 'tenure' },
			{
				id: 'seat_upgrades_365d',
				name: 'Seat increases, 365 days',
				source: 'subscriptions',
				kind: 'period',
				measure: 'changes',
				column: 'seats',
				days: 365,
				direction: 'up'
			},
			{ id: 'industry', name: 'Industry', source: 'accounts', kind: 'account', column: 'industry' }
		],
		outcome: {
			kind: 'churn-log',
			source: 'churn-events',
			column: 'churn_date',
			reactivation: 'new-life'
		},
		segment: 'industry',
		contractValue: 'mrr',
		...overrides
	};
}

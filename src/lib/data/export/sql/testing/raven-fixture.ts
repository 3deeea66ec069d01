/**
 * Test support (imported only by `*.test.ts`): the ravenstack proof model used by the pipeline,
 * backfill, parser and dbt tests, and the five raw tables typed as a warehouse holds them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { DuckDBConnection } from '@duckdb/node-api';
import { effectiveModels, scoreTable, type Model } from '$lib/model';
import { segmentGroups } from '$lib/model/segments';
import { gatherTable } from '$lib/backtest/asof';
import { isoDay } from '$lib/sources/grid';
import { RAVENSTACK, ravenRaw } from '$lib/sources/test-data';
import type { BuiltTable } from '$lib/sources/types';
import type { PipelineColumnType } from '../pipeline';
import type { DerivedColumnSql } from '../derived';
import { deriveColumn } from '$lib/data/derive';
import type { ColumnInfo, Dataset } from '$lib/data/dataset';

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

/** Each kind, with its edge cases; `ups_per_tickets` reads an earlier derived column. */
export const DERIVED: DerivedColumnSql[] = [
	{
		name: 'tickets_per_use',
		spec: { kind: 'ratio', numerator: 'tickets_90d', denominator: 'usage_30d', scale: 100 }
	},
	{
		name: 'csat_per_errors',
		spec: { kind: 'ratio', numerator: 'satisfaction_last', denominator: 'errors_mean_90d' }
	},
	{ name: 'mrr_pct_change_90d', spec: { kind: 'change', column: 'mrr', days: 90, mode: 'pct' } },
	{
		name: 'usage_change_60d',
		spec: { kind: 'change', column: 'usage_30d', days: 60, mode: 'abs' }
	},
	{
		name: 'errors_pct_change_31d',
		spec: { kind: 'change', column: 'errors_mean_90d', days: 31, mode: 'pct' }
	},
	{ name: 'days_since_churn', spec: { kind: 'days-since', column: 'churn_date' } },
	{ name: 'days_since_as_of', spec: { kind: 'days-since', column: 'as_of_date' } },
	{
		name: 'errors_sum_100d',
		spec: { kind: 'window', column: 'errors_mean_90d', days: 100, agg: 'sum' }
	},
	{
		name: 'csat_mean_95d',
		spec: { kind: 'window', column: 'satisfaction_last', days: 95, agg: 'mean' }
	},
	{
		name: 'months_used_120d',
		spec: { kind: 'window', column: 'usage_30d', days: 120, agg: 'count' }
	},
	{
		name: 'errors_per_tenure',
		spec: { kind: 'ratio', numerator: 'errors_sum_100d', denominator: 'tenure', scale: 365.25 }
	}
];

/** The built table as the browser's dataset, each derived column added in turn. */
export function withDerived(built: BuiltTable, derived: DerivedColumnSql[]): BuiltTable {
	const columns: ColumnInfo[] = [
		{
			name: 'account_id',
			originalName: 'account_id',
			role: 'account-id',
			type: 'text',
			missingShare: 0
		},
		...built.columns.map((c): ColumnInfo => ({
			name: c.name,
			originalName: c.name,
			role: c.role === 'as-of' ? 'snapshot-date' : 'metric',
			type: c.type === 'category' ? 'category' : c.type === 'date' ? 'date' : 'number',
			missingShare: 0
		}))
	];
	let ds = { meta: { columns }, ids: built.ids, table: built.table } as unknown as Dataset;
	for (const { name, spec } of derived) {
		const r = deriveColumn(ds, spec);
		if (r.issues.length) throw new Error(`${name}: ${r.issues[0]!.message}`);
		const cols = new Map(ds.table.columns);
		cols.set(name, r.column);
		ds = {
			...ds,
			meta: {
				...ds.meta,
				columns: [
					...ds.meta.columns,
					{
						name,
						originalName: name,
						role: 'metric',
						type: 'number',
						missingShare: 0,
						derived: spec
					}
				]
			},
			table: { n: ds.table.n, columns: cols }
		};
	}
	return { ...built, table: ds.table };
}

const linear = (id: string, worst: number, best: number) => ({
	id,
	name: id,
	column: id,
	direction: best > worst ? ('higher' as const) : ('lower' as const),
	scheme: { kind: 'linear' as const, worst, best },
	weight: 1,
	missing: 'exclude' as const,
	timing: 'leading' as const
});

/** The proof model plus a dimension of derived metrics (the score depends on them). */
export const DERIVED_MODEL: Model = {
	...RAVEN_MODEL,
	dimensions: [
		...RAVEN_MODEL.dimensions,
		{
			id: 'trend',
			name: 'Trend',
			weight: 25,
			metrics: [
				linear('mrr_pct_change_90d', -50, 50),
				linear('usage_change_60d', -20, 20),
				linear('errors_sum_100d', 6, 0),
				linear('csat_mean_95d', 3, 5),
				linear('months_used_120d', 0, 4),
				linear('tickets_per_use', 50, 0),
				linear('errors_per_tenure', 5, 0)
			]
		}
	]
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

/** One row the browser computes: features, churn columns, score, shown, tier, coverage, dims. */
export type EngineRow = Record<string, number | string | null>;

/**
 * The browser's rows for a built feature table and a model, keyed `<account id>|<as-of day>`:
 * `buildFeatureTable` + `scoreTable` on the rows of each as-of date (each date its own
 * population, as the Backtest scores them). NaN and missing text are `null`.
 */
export function engineRows(model: Model, built: BuiltTable): Map<string, EngineRow> {
	const asOf = built.table.columns.get('as_of_date');
	if (asOf?.kind !== 'number') throw new Error('as_of_date');
	const tiersByGroup = effectiveModels(model).map((m) => m.tiers.map((t) => t.name));
	const out = new Map<string, EngineRow>();
	for (const T of built.asOfDays) {
		const idx: number[] = [];
		for (let i = 0; i < built.table.n; i++) if (asOf.values[i] === T) idx.push(i);
		const sub = gatherTable(built.table, Int32Array.from(idx));
		const result = scoreTable(model, sub);
		const groups = segmentGroups(model, sub);
		idx.forEach((i, j) => {
			const row: EngineRow = { account_id: built.ids[i]!, as_of_day: T };
			for (const [name, col] of sub.columns) {
				if (name === 'as_of_date') continue;
				row[name] =
					col.kind === 'number'
						? Number.isNaN(col.values[j]!)
							? null
							: col.values[j]!
						: col.codes[j]! < 0
							? null
							: col.dictionary[col.codes[j]!]!;
			}
			const nn = (x: number) => (Number.isNaN(x) ? null : x);
			row.score = nn(result.score[j]!);
			row.shown = nn(result.shown[j]!);
			const t = result.tier[j]!;
			row.tier = t < 0 ? null : tiersByGroup[groups ? groups[j]! : 0]![t]!;
			row.coverage = result.coverage[j]!;
			model.dimensions.forEach((dim, k) => (row[`dim_${dim.id}`] = nn(result.dimensions[k]![j]!)));
			out.set(`${row.account_id}|${T}`, row);
		});
	}
	return out;
}

/** ISO day of a returned date (a JS Date from PGlite, a DuckDB date value, or text). */
export function dayOf(v: unknown): number {
	if (v instanceof Date) return Math.round(v.getTime() / 86_400_000);
	return isoDay(String(v).slice(0, 10));
}

/** A database value as the browser holds it: numbers as numbers (BIGINT too), text as text. */
function asEngine(v: unknown, like: number | string | null): number | string | null {
	if (v === null || v === undefined) return null;
	if (typeof like === 'number') return Number(v);
	return typeof v === 'bigint' ? Number(v) : (v as number | string);
}

/**
 * Differences between warehouse rows and the browser's (exact: Object.is on numbers), over the
 * given columns; a row missing on either side is a difference too.
 */
export function diffRows(
	rows: Record<string, unknown>[],
	want: Map<string, EngineRow>,
	columns: string[],
	dateColumn = 'as_of_date'
): unknown[] {
	const diffs: unknown[] = [];
	const seen = new Set<string>();
	for (const r of rows) {
		const key = `${String(r.account_id)}|${dayOf(r[dateColumn])}`;
		seen.add(key);
		const w = want.get(key);
		if (!w) {
			diffs.push({ key, extra: true });
			continue;
		}
		for (const c of columns) {
			const got = asEngine(r[c], w[c] ?? null);
			if (!Object.is(got, w[c] ?? null)) diffs.push({ key, c, got, want: w[c] });
		}
	}
	for (const key of want.keys()) if (!seen.has(key)) diffs.push({ key, missing: true });
	return diffs;
}

/** Load the raw tables (and extra statements) into PGlite. */
export async function loadPg(pg: PGlite, l: ReturnType<typeof loads>): Promise<void> {
	for (const x of l) {
		await pg.exec(x.ddl);
		await pg.query(`COPY "${x.table}" FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
			blob: new Blob([x.csv])
		});
	}
}

/** Load the raw tables into DuckDB (through CSV files in a temporary folder). */
export async function loadDuck(duck: DuckDBConnection, l: ReturnType<typeof loads>): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'hsw-raw-'));
	for (const x of l) {
		const file = join(dir, `${x.table}.csv`);
		writeFileSync(file, x.csv);
		await duck.run(x.ddl);
		await duck.run(`COPY "${x.table}" FROM '${file}' (FORMAT csv, HEADER true)`);
	}
}

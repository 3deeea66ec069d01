/**
 * Proof that the pipeline SQL gives the browser's features, score and tier: ravenstack's five
 * raw tables are loaded into PGlite (PostgreSQL) and DuckDB with warehouse types (dates as DATE,
 * timestamps as TIMESTAMP, numbers as DOUBLE, ids and text as VARCHAR), the exported query runs
 * there, and every account's features, churn columns, score, shown score, tier and coverage at
 * four as-of dates equal `buildFeatureTable` + `scoreTable` on the same files (tolerance 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { effectiveModels, scoreTable, validateModel, type Model } from '$lib/model';
import { segmentGroups } from '$lib/model/segments';
import { gatherTable } from '$lib/backtest/asof';
import { buildFeatureTable } from '$lib/sources/build';
import { isoDay } from '$lib/sources/grid';
import { RAVENSTACK, ravenRaw, ravenRecipe, ravenSources } from '$lib/sources/test-data';
import type { BuiltTable, Recipe } from '$lib/sources/types';
import { toPipelineSql, type PipelineColumnType } from './pipeline';
import { compareWithEngine, type SqlRow } from './test-harness';

const DATES = ['2023-09-30', '2024-01-31', '2024-06-30', '2024-12-31'];
const recipe = ravenRecipe({ grid: { kind: 'dates', dates: DATES } });

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

const MODEL: Model = {
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
function typesOf(header: string[], rows: string[][]) {
	return header.map((h, k) => {
		const filled = rows.map((r) => r[k] ?? '').filter((s) => s !== '');
		if (KEYS.has(h) || !filled.length) return 'text';
		if (filled.every((s) => DATE_RE.test(s))) return 'date';
		if (filled.every((s) => STAMP_RE.test(s))) return 'timestamp';
		if (filled.every((s) => /^-?\d+(\.\d+)?$/.test(s))) return 'number';
		return 'text';
	});
}

function loads(doubleType: string) {
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

function sqlFor(dialect: 'postgres' | 'duckdb', l: ReturnType<typeof loads>, rec: Recipe = recipe) {
	return toPipelineSql(rec, MODEL, {
		dialect,
		tables: Object.fromEntries(l.map((x) => [x.name, x.table])),
		columnTypes: Object.fromEntries(l.map((x) => [x.name, x.colTypes]))
	});
}

let pg: PGlite | null = null;
let duck: DuckDBConnection | null = null;
afterAll(async () => {
	await pg?.close();
	duck?.closeSync();
});

const builtChurnLog: BuiltTable = buildFeatureTable(recipe, ravenSources());
const periodRecipe = ravenRecipe({
	grid: { kind: 'dates', dates: DATES },
	outcome: { kind: 'period-end', source: 'subscriptions', graceDays: 0, reactivation: 'new-life' }
});
const builtPeriods: BuiltTable = buildFeatureTable(periodRecipe, ravenSources());

type Row = SqlRow & Record<string, unknown>;

/** ISO day of a returned as_of_date (a JS Date from PGlite, a DuckDB date value). */
function dayOf(v: unknown): number {
	if (v instanceof Date) return Math.round(v.getTime() / 86_400_000);
	return isoDay(String(v));
}

function proveAgainstEngine(rows: Row[], built: BuiltTable = builtChurnLog, rec: Recipe = recipe) {
	expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
	const asOf = built.table.columns.get('as_of_date')!;
	if (asOf.kind !== 'number') throw new Error('as_of_date');
	let compared = 0;
	for (const T of built.asOfDays) {
		const idx: number[] = [];
		for (let i = 0; i < built.table.n; i++) if (asOf.values[i] === T) idx.push(i);
		const sub = gatherTable(built.table, Int32Array.from(idx));
		const ids = idx.map((i) => built.ids[i]!);
		const atT = rows.filter((r) => dayOf(r.as_of_date) === T);
		// Scores, shown scores, tiers, coverage, dimension scores.
		const result = scoreTable(MODEL, sub);
		const groups = segmentGroups(MODEL, sub);
		const tiersByGroup = effectiveModels(MODEL).map((m) => m.tiers.map((t) => t.name));
		const bad = compareWithEngine(atT, ids, result, (i) => tiersByGroup[groups ? groups[i]! : 0]!, {
			...MODEL,
			dimensions: []
		});
		expect(bad.slice(0, 5), `as of ${T}`).toEqual([]);
		// Every feature and the outcome columns.
		const byId = new Map(atT.map((r) => [String(r.account_id), r]));
		const cols = [...rec.features.map((f) => f.id), 'churn_date', 'churned'];
		const diffs: unknown[] = [];
		ids.forEach((id, j) => {
			const r = byId.get(id)!;
			for (const c of cols) {
				const col = sub.columns.get(c)!;
				const want =
					col.kind === 'number'
						? Number.isNaN(col.values[j]!)
							? null
							: col.values[j]!
						: col.codes[j]! < 0
							? null
							: col.dictionary[col.codes[j]!]!;
				const raw = r[c];
				const got =
					raw === null || raw === undefined
						? null
						: typeof want === 'number'
							? Number(raw)
							: String(raw);
				if (got !== want) diffs.push({ id, T, c, got, want });
			}
		});
		expect(diffs.slice(0, 5)).toEqual([]);
		compared += ids.length;
	}
	expect(compared).toBe(rows.length);
	return compared;
}

describe('pipeline SQL matches the browser on ravenstack (5 raw tables, 4 as-of dates)', () => {
	it('the proof model is valid and scores most rows', () => {
		expect(validateModel(MODEL)).toMatchObject({ ok: true });
		expect(builtChurnLog.table.n).toBeGreaterThan(1000);
		// The period-end outcome really has churns and returns on this data.
		expect(builtPeriods.lives).toBeGreaterThan(builtPeriods.accounts);
	});

	it('PostgreSQL (PGlite): every feature, churn column, score, shown score and tier equal', async () => {
		pg ??= new PGlite();
		const l = loads('DOUBLE PRECISION');
		for (const x of l) {
			await pg.exec(x.ddl);
			await pg.query(`COPY "${x.table}" FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
				blob: new Blob([x.csv])
			});
		}
		const res = await pg.query<Row>(sqlFor('postgres', l));
		expect(proveAgainstEngine(res.rows)).toBe(builtChurnLog.table.n);
	}, 120_000);

	it('DuckDB: every feature, churn column, score, shown score and tier equal', async () => {
		duck ??= await (await DuckDBInstance.create(':memory:')).connect();
		const l = loads('DOUBLE');
		const dir = mkdtempSync(join(tmpdir(), 'hsw-pipe-'));
		for (const x of l) {
			const file = join(dir, `${x.table}.csv`);
			writeFileSync(file, x.csv);
			await duck.run(x.ddl);
			await duck.run(`COPY "${x.table}" FROM '${file}' (FORMAT csv, HEADER true)`);
		}
		const reader = await duck.runAndReadAll(sqlFor('duckdb', l));
		expect(proveAgainstEngine(reader.getRowObjectsJS() as unknown as Row[])).toBe(
			builtChurnLog.table.n
		);
		// Churn from the end of the last subscription, with new lives after a gap.
		const periods = await duck.runAndReadAll(sqlFor('duckdb', l, periodRecipe));
		expect(
			proveAgainstEngine(periods.getRowObjectsJS() as unknown as Row[], builtPeriods, periodRecipe)
		).toBe(builtPeriods.table.n);
	}, 120_000);

	it('BigQuery and Snowflake spell the same pipeline in their dialects', () => {
		const l = loads('DOUBLE');
		const tables = Object.fromEntries(l.map((x) => [x.name, x.table]));
		const bq = toPipelineSql(recipe, MODEL, { dialect: 'bigquery', tables });
		expect(bq).toContain('UNIX_DATE(CAST(`start_date` AS DATE))');
		const sf = toPipelineSql(recipe, MODEL, { dialect: 'snowflake', tables });
		expect(sf).toContain(`DATEDIFF(day, DATE '1970-01-01', CAST("start_date" AS DATE))`);
		expect(sf).toContain('"features" AS (');
	});
});

/**
 * Feature build (issue 9): 10,000 accounts × 24 monthly as-of dates from 2,000,000 synthetic
 * event rows, 12 features (counts, sums, mean, min, max, distinct, days since last, a filtered
 * count over 30/90/365-day and all-history windows), built by the workbench's typed-array core
 * (`buildFeatureTable`, in the page) beside DuckDB-wasm running the same joins and windowed
 * aggregations as one SQL query on the same rows (instantiate and load not timed).
 * Both produce 240,000 (account, date) rows; a checksum over three features must agree.
 */
import type { BenchGroup } from './types';
import { duckdbLoadColumns, duckdbOpen, duckdbScores } from './peer';
import { prepareImport, productImport } from './product';
import { buildFeatureTable } from '../src/lib/sources/build';
import { isoDay } from '../src/lib/sources/grid';
import type { EventFeature, FeatureSpec, Recipe, SourceTable } from '../src/lib/sources/types';

const ACCOUNTS = 10_000;
const EVENTS = 2_000_000;
const KINDS = 10;
const FROM = isoDay('2023-01-01');
const SPAN = 731;

let sources: SourceTable[] = [];
let checksum = '';

const ev = (
	id: string,
	rest: Omit<EventFeature, 'id' | 'name' | 'source' | 'kind'>
): FeatureSpec => ({
	id,
	name: id,
	source: 'events',
	kind: 'event',
	...rest
});

const FEATURES: FeatureSpec[] = [
	ev('n30', { agg: 'count', days: 30 }),
	ev('n90', { agg: 'count', days: 90 }),
	ev('n365', { agg: 'count', days: 365 }),
	ev('nall', { agg: 'count', days: null }),
	ev('sum30', { agg: 'sum', column: 'v', days: 30 }),
	ev('sum90', { agg: 'sum', column: 'v', days: 90 }),
	ev('mean90', { agg: 'mean', column: 'v', days: 90 }),
	ev('min90', { agg: 'min', column: 'v', days: 90 }),
	ev('max90', { agg: 'max', column: 'v', days: 90 }),
	ev('kinds90', { agg: 'distinct', column: 'kind', days: 90 }),
	ev('since', { agg: 'days-since-last', days: null }),
	ev('k1_30', {
		agg: 'count',
		days: 30,
		filter: { column: 'kind', values: ['k1'] }
	})
];

const RECIPE: Recipe = {
	schemaVersion: 1,
	sources: [
		{ name: 'accounts', grain: 'account', key: 'account_id' },
		{ name: 'events', grain: 'event', key: 'account_id', time: 'day' }
	],
	accounts: 'accounts',
	grid: { kind: 'monthly', from: '2023-01-01', to: '2024-12-31', anchor: 'month-end' },
	features: FEATURES,
	outcome: { kind: 'none' }
};

function makeData(): {
	acct: Float64Array;
	day: Float64Array;
	v: Float64Array;
	kind: Float64Array;
} {
	let s = 7;
	const rnd = () => {
		s = (Math.imul(s, 1103515245) + 12345) >>> 0;
		return s / 4294967296;
	};
	const acct = new Float64Array(EVENTS);
	const day = new Float64Array(EVENTS);
	const v = new Float64Array(EVENTS);
	const kind = new Float64Array(EVENTS);
	for (let i = 0; i < EVENTS; i++) {
		// Skewed activity: some accounts far busier than others.
		acct[i] = Math.floor(ACCOUNTS * rnd() * rnd() * 0.999 + ACCOUNTS * 0.001 * rnd());
		day[i] = FROM + Math.floor(rnd() * SPAN);
		v[i] = rnd() < 0.05 ? NaN : Math.floor(rnd() * 50);
		kind[i] = Math.floor(rnd() * KINDS);
	}
	return { acct, day, v, kind };
}

function sum3(b: {
	table: { n: number; columns: Map<string, { kind: string; values?: Float64Array }> };
}): number {
	let t = 0;
	for (const c of ['n90', 'sum30', 'kinds90']) {
		const col = b.table.columns.get(c)!;
		for (let i = 0; i < b.table.n; i++) t += col.values![i]!;
	}
	return t;
}

export function sourcesGroup(): BenchGroup {
	let productSum = NaN;
	return {
		id: 'sources',
		title: 'Feature build: 10,000 accounts × 24 month ends, 2,000,000 events, 12 features',
		async setup() {
			const d = makeData();
			const dict = Array.from({ length: ACCOUNTS }, (_, a) => `A${String(a).padStart(5, '0')}`);
			const kinds = Array.from({ length: KINDS }, (_, k) => `k${k}`);
			sources = [
				{
					name: 'accounts',
					ids: dict,
					idColumn: 'account_id',
					table: { n: ACCOUNTS, columns: new Map() }
				},
				{
					name: 'events',
					ids: null,
					idColumn: null,
					table: {
						n: EVENTS,
						columns: new Map([
							[
								'account_id',
								{ kind: 'category', codes: Int32Array.from(d.acct), dictionary: dict }
							],
							['day', { kind: 'number', values: d.day }],
							['v', { kind: 'number', values: d.v }],
							['kind', { kind: 'category', codes: Int32Array.from(d.kind), dictionary: kinds }]
						])
					}
				}
			];
			await duckdbOpen();
			await duckdbLoadColumns('events', { k: d.acct, d: d.day, v: d.v, kind: d.kind }, EVENTS);
			const accts = new Float64Array(ACCOUNTS).map((_, i) => i);
			await duckdbLoadColumns('accts', { k: accts }, ACCOUNTS);
		},
		steps: [
			{
				info: {
					id: 'duckdb',
					label: 'DuckDB-wasm: one SQL query, grid × accounts ⋈ events, 12 aggregates (peer)',
					runs: 3
				},
				async run() {
					const months = Array.from(
						{ length: 24 },
						(_, m) => `(${Date.UTC(2023, m + 1, 0) / 86_400_000})`
					).join(',');
					const sql = `
WITH grid(t) AS (VALUES ${months}),
f AS (
	SELECT a.k, g.t,
		count(e.d) FILTER (WHERE e.d > g.t - 30) AS n30,
		count(e.d) FILTER (WHERE e.d > g.t - 90) AS n90,
		count(e.d) FILTER (WHERE e.d > g.t - 365) AS n365,
		count(e.d) AS nall,
		coalesce(sum(e.v) FILTER (WHERE e.d > g.t - 30), 0) AS sum30,
		coalesce(sum(e.v) FILTER (WHERE e.d > g.t - 90), 0) AS sum90,
		avg(e.v) FILTER (WHERE e.d > g.t - 90) AS mean90,
		min(e.v) FILTER (WHERE e.d > g.t - 90) AS min90,
		max(e.v) FILTER (WHERE e.d > g.t - 90) AS max90,
		count(DISTINCT e.kind) FILTER (WHERE e.d > g.t - 90) AS kinds90,
		g.t - max(e.d) AS since,
		count(e.d) FILTER (WHERE e.d > g.t - 30 AND e.kind = 1) AS k1_30
	FROM grid g CROSS JOIN accts a LEFT JOIN events e ON e.k = a.k AND e.d <= g.t
	GROUP BY a.k, g.t
)
SELECT CAST(sum(n90) + sum(sum30) + sum(kinds90) AS DOUBLE) AS s, CAST(count(*) AS DOUBLE) FROM f`;
					const r = await duckdbScores(sql);
					checksum = `checksum ${r[0]}`;
					return checksum;
				}
			},
			{
				info: {
					id: 'product',
					label: 'Workbench buildFeatureTable (typed arrays, page thread)',
					runs: 3,
					baseline: 'duckdb',
					targetRatio: 1
				},
				run() {
					const b = buildFeatureTable(RECIPE, sources);
					productSum = sum3(b as never);
					return `${b.table.n.toLocaleString('en-US')} rows, checksum ${productSum} (${`checksum ${productSum}` === checksum ? 'equals DuckDB' : 'DIFFERS from DuckDB'})`;
				}
			}
		]
	};
}

/**
 * A usage-event export as a team has it (issue 9: "a 5,000,000-row event file imports without the
 * tab running out of memory"): account_id repeats, each row dated by an ISO timestamp with a time,
 * an event type and a value. Seeded; built in 50k-row parts so generating it stays flat.
 */
export function eventCsvParts(rows: number, accounts = 10_000, seed = 11): string[] {
	let s = seed;
	const rnd = () => {
		s = (Math.imul(s, 1103515245) + 12345) >>> 0;
		return s / 4294967296;
	};
	const parts = ['account_id,occurred_at,event_type,value\n'];
	let buf: string[] = [];
	const t0 = Date.UTC(2023, 0, 1);
	for (let i = 0; i < rows; i++) {
		const a = Math.floor(accounts * rnd() * rnd());
		const at = new Date(t0 + Math.floor(rnd() * 731 * 86_400) * 1000).toISOString();
		buf.push(
			`A${String(a).padStart(5, '0')},${at},k${Math.floor(rnd() * KINDS)},${Math.floor(rnd() * 50)}\n`
		);
		if (buf.length === 50_000) {
			parts.push(buf.join(''));
			buf = [];
		}
	}
	if (buf.length) parts.push(buf.join(''));
	return parts;
}

/** Import of a big event file through the app's own pipeline; scripts/bench.mjs prints the peak. */
export function eventImportGroup(rows: number): BenchGroup {
	const label = rows >= 1e6 ? `${rows / 1e6}M` : `${rows / 1e3}k`;
	let file: File | null = null;
	return {
		id: `sources-events-${label}`,
		title: `Import a ${label}-row usage-event CSV (repeated ids, timestamps): time and peak memory`,
		async setup() {
			file = new File(eventCsvParts(rows), 'events.csv', { type: 'text/csv' });
		},
		steps: [
			{
				info: {
					id: 'product',
					label: 'Workbench import of the event file (worker → typed columns → IndexedDB)',
					runs: 1
				},
				prepare: prepareImport,
				async run() {
					return `${(file!.size / 1e6).toFixed(0)} MB file; ${await productImport(file!)}`;
				}
			}
		]
	};
}

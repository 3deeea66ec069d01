/**
 * "Open the sample as raw exports" in Node: the five shipped exports (public/sample/exports/)
 * imported through the wizard's pipeline, the shipped recipe adopted and built by the Sources
 * workspace — the code path the Data screen's button runs. Checked against the files themselves
 * (accounts alive at each as-of date), point in time (rows after T changed → features at T equal),
 * and the backtest core: the model drafted from the features ranks churners clearly above 0.5.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbenchDb } from '$lib/data/db';
import { grainOf, type Dataset } from '$lib/data/dataset';
import { TEMPLATES } from '$lib/model/templates';
import { scoreTable } from '$lib/model';
import { rocAuc, selectPointInTime } from '$lib/backtest';
import { buildFeatureTable, fromDataset } from '$lib/sources/build';
import { parseRecipe } from '$lib/sources/recipe-schema';
import type { Column, ColumnTable } from '$lib/model/types';
import type { Recipe, SourceTable } from '$lib/sources/types';
import { DatasetsState } from './datasets.svelte';
import {
	namedInUiLanguage,
	SAMPLE_EXPORTS,
	SAMPLE_EXPORTS_URL,
	SampleExportsState
} from './sample-exports.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { ja } from '$lib/i18n/ja';
import { runInProcess, SourcesState } from './sources.svelte';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';

const DIR = resolve(__dirname, '../../../public/sample/exports');
const read = (file: string) => readFileSync(resolve(DIR, file));
const day = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;
/** Data lines of a shipped CSV as records (plain files: no quoting). */
function records(file: string): Record<string, string>[] {
	const [head, ...lines] = read(file).toString('utf8').trimEnd().split('\n');
	const h = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}

let wb: Workbench;
let ds: DatasetsState;
let src: SourcesState;
let opened: boolean;
let openMs = 0;
const fetched: string[] = [];

beforeAll(async () => {
	wb = new Workbench();
	wb.loadModel(structuredClone(TEMPLATES[0]!.model));
	ds = new DatasetsState(wb);
	await ds.attach(await openWorkbenchDb({ factory: new IDBFactory(), channel: false }));
	src = new SourcesState({ workbench: wb, datasets: ds, run: runInProcess });
	const action = new SampleExportsState({
		workbench: wb,
		datasets: ds,
		sources: src,
		importDeps: { worker: inProcessWorker },
		fetch: async (url) => {
			fetched.push(url);
			return new Response(read(url.slice(SAMPLE_EXPORTS_URL.length)));
		}
	});
	const t0 = performance.now();
	opened = await action.open();
	openMs = performance.now() - t0;
	if (!opened) throw new Error(action.error ?? src.issues.map((i) => i.message).join('; '));
}, 300_000);

/** The stored source datasets, as the build reads them. */
async function sourceTables(recipe: Recipe): Promise<SourceTable[]> {
	const loaded: Dataset[] = await Promise.all(
		recipe.sources.map((s) => ds.store!.loadDataset(s.datasetId!))
	);
	return recipe.sources.map((s, i) => fromDataset(s.name, loaded[i]!));
}

describe('the sample as raw exports', () => {
	it('fetches the recipe and the five files, each read as its grain, and builds 3,000 accounts × 16 as-of dates', () => {
		expect(opened).toBe(true);
		expect(fetched).toEqual([
			`${SAMPLE_EXPORTS_URL}recipe.json`,
			...SAMPLE_EXPORTS.map((e) => `${SAMPLE_EXPORTS_URL}${e.file}`)
		]);
		const recipe = wb.model!.recipe!;
		const grains = recipe.sources.map((s) => {
			const meta = ds.list.find((m) => m.id === s.datasetId)!;
			return [s.name, grainOf(meta), meta.rows];
		});
		// Row counts from the files themselves (every row imported, none skipped).
		expect(grains).toEqual(
			SAMPLE_EXPORTS.map((e, i) => [
				e.source,
				['account', 'period', 'event', 'event', 'event'][i],
				records(e.file).length
			])
		);
		const accounts = records('accounts.csv');
		const built = wb.dataset!;
		expect(built.meta.builtFromRecipe).toBe(true);
		expect(accounts.length).toBe(3000);
		expect(src.summary?.accounts).toBe(3000);
		const asOf = built.table.columns.get('as_of_date')!;
		if (asOf.kind !== 'number') throw new Error('as_of_date');
		const dates = [...new Set(asOf.values)].sort((a, b) => a - b);
		// The recipe's grid: the 1st of each month from 2024-09-01 to 2025-12-01.
		expect(dates).toHaveLength(16);
		expect(dates[0]).toBe(day('2024-09-01'));
		expect(dates.at(-1)).toBe(day('2025-12-01'));
		// Each as-of date has the accounts signed up by then and not yet churned (from the files).
		const churnAt = new Map(
			records('churn_log.csv').map((r) => [r.account_id!, day(r.churned_at!)])
		);
		const seen = new Set<string>();
		for (const T of dates) {
			const alive = accounts
				.filter((a) => day(a.signup_date!) <= T && !((churnAt.get(a.account_id!) ?? Infinity) <= T))
				.map((a) => a.account_id!);
			for (const id of alive) seen.add(id);
			const rows = built.ids.filter((_, i) => asOf.values[i] === T);
			expect(rows.length, `T = ${T}`).toBe(alive.length);
			expect(new Set(rows), `T = ${T}`).toEqual(new Set(alive));
		}
		// Accounts that churned before the first as-of date have no row.
		expect(new Set(built.ids)).toEqual(seen);
		expect(src.orphans.every((o) => o.rows === 0)).toBe(true);
		// Every feature varies (a filter or a column the import read otherwise would give one value).
		for (const f of recipe.features) {
			const c = built.table.columns.get(f.id)!;
			const values = c.kind === 'number' ? [...c.values] : [...c.codes];
			expect(new Set(values).size, f.id).toBeGreaterThan(1);
		}
		const esc = built.table.columns.get('escalated_tickets_90d')!;
		const tickets = built.table.columns.get('support_tickets_60d')!;
		if (esc.kind !== 'number' || tickets.kind !== 'number') throw new Error('ticket features');
		expect(esc.values.reduce((s, x) => s + x, 0)).toBeGreaterThan(1000);
		console.info(
			`sample exports: opened in ${Math.round(openMs)} ms (fetch + import + build), ` +
				`${built.table.n} rows, build ${Math.round(src.summary!.ms)} ms`
		);
	});

	it('nothing dated after T reaches a feature: change every later row, same features at T', async () => {
		const recipe = wb.model!.recipe!;
		const T = day('2025-03-01');
		const at = { ...recipe, grid: { kind: 'dates' as const, dates: ['2025-03-01'] } };
		const tables = await sourceTables(recipe);
		const before = buildFeatureTable(at, tables);
		// Every row dated after T: numbers × 3 + 7, text replaced; dates left as they are.
		const changed = tables.map((t, s): SourceTable => {
			const spec = recipe.sources[s]!;
			const dateCol = spec.grain === 'period' ? spec.start! : spec.time!;
			const dates = t.table.columns.get(dateCol)!;
			if (dates.kind !== 'number') throw new Error(dateCol);
			const later = (i: number) => dates.values[i]! > T;
			const columns = new Map<string, Column>();
			let touched = 0;
			for (const [name, col] of t.table.columns) {
				if (name === dateCol || name === spec.end || name === spec.key) {
					columns.set(name, col);
					continue;
				}
				if (col.kind === 'number') {
					const values = Float64Array.from(col.values, (x, i) => (later(i) ? x * 3 + 7 : x));
					columns.set(name, { kind: 'number', values });
				} else {
					const dictionary = [...col.dictionary, 'changed after T'];
					const codes = Int32Array.from(col.codes, (c, i) =>
						later(i) ? dictionary.length - 1 : c
					);
					columns.set(name, { kind: 'category', codes, dictionary });
				}
			}
			for (let i = 0; i < t.table.n; i++) if (later(i)) touched++;
			if (spec.grain !== 'account') expect(touched, spec.name).toBeGreaterThan(0);
			const table: ColumnTable = { n: t.table.n, columns };
			return { ...t, table };
		});
		const after = buildFeatureTable(at, changed);
		expect(after.ids).toEqual(before.ids);
		const cells = (c: Column) =>
			c.kind === 'number'
				? Array.from(c.values)
				: Array.from(c.codes, (k) => (k < 0 ? null : c.dictionary[k]));
		for (const f of recipe.features)
			expect(cells(after.table.columns.get(f.id)!), f.id).toEqual(
				cells(before.table.columns.get(f.id)!)
			);
	});

	it('the model drafted from the features ranks churners: rolling backtest AUC clearly above 0.5', () => {
		const built = wb.dataset!;
		const model = wb.model!;
		// The features became the model's metrics, each dimension named after its source.
		expect(model.dimensions.map((d) => d.name)).toEqual([
			'From subscriptions',
			'From usage',
			'From tickets'
		]);
		const { score } = scoreTable(model, built.table);
		const col = (name: string) => {
			const c = built.table.columns.get(name)!;
			if (c.kind !== 'number') throw new Error(name);
			return c.values;
		};
		const dataEnd = day('2025-12-31');
		const H = 180;
		const asOf = col('as_of_date');
		const days = [...new Set(asOf)].filter((T) => T + H <= dataEnd).sort((a, b) => a - b);
		const pooledScores: number[] = [];
		const pooledLabels: number[] = [];
		const perDate: number[] = [];
		for (const T of days) {
			const sel = selectPointInTime(
				{ account: built.ids, snapshotDay: asOf, churnDay: col('churn_date') },
				{ asOfDay: T, horizonDays: H, dataEndDay: dataEnd }
			);
			perDate.push(
				rocAuc(
					Float64Array.from(sel.rows, (r) => score[r]!),
					sel.labels
				)
			);
			expect(sel.counts.positives, `T = ${T}`).toBeGreaterThan(20);
			sel.rows.forEach((r, k) => {
				pooledScores.push(score[r]!);
				pooledLabels.push(sel.labels[k]!);
			});
		}
		const pooled = rocAuc(Float64Array.from(pooledScores), Uint8Array.from(pooledLabels));
		console.info(
			`sample exports backtest (H = ${H} d, ${days.length} as-of dates): pooled AUC ${pooled.toFixed(3)}, ` +
				`per date ${Math.min(...perDate).toFixed(3)}–${Math.max(...perDate).toFixed(3)}`
		);
		expect(days.length).toBeGreaterThanOrEqual(8);
		expect(pooled).toBeGreaterThan(0.65);
		for (const a of perDate) expect(a).toBeGreaterThan(0.55);
	});

	it('the shipped recipe parses as it is', () => {
		const r = parseRecipe(JSON.parse(read('recipe.json').toString('utf8')));
		expect(r.ok ? [] : r.issues).toEqual([]);
	});
});

describe('the shipped recipe in the UI language', () => {
	const shipped = () => {
		const r = parseRecipe(JSON.parse(read('recipe.json').toString('utf8')));
		if (!r.ok) throw new Error('the shipped recipe is refused');
		return r.recipe;
	};

	it('every shipped feature has a catalog name; English as shipped, Japanese in Japanese', () => {
		const recipe = shipped();
		try {
			i18n.set('en');
			expect(namedInUiLanguage(recipe)).toEqual(recipe);
			i18n.set('ja');
			const named = namedInUiLanguage(recipe);
			for (const [k, f] of named.features.entries()) {
				expect(f.name, f.id).toBe(ja[`src.sample.${f.id}` as keyof typeof ja]);
				expect({ ...f, name: recipe.features[k]!.name }).toEqual(recipe.features[k]);
			}
		} finally {
			i18n.set('en');
		}
	});
});

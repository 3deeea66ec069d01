import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n, tIn } from '$lib/i18n/i18n.svelte';
import { ja } from '$lib/i18n/ja';
import { sourceIssueText } from '$lib/i18n/source-issue-text';
import { openWorkbenchDb } from '$lib/data/db';
import { isoToEpochDay } from '$lib/data/dataset';
import { TEMPLATES } from '$lib/model/templates';
import { LIFE_SEPARATOR } from '$lib/sources/types';
import { DatasetsState } from './datasets.svelte';
import { ImportState } from './import.svelte';
import { runInProcess, SourcesState } from './sources.svelte';
import { ENGLISH_WORDS } from './sources-propose';
import { inProcessWorker } from './testing/worker';
import { Workbench } from './workbench.svelte';

const DATA = resolve(__dirname, '../../../../shared/data');
const has = existsSync(resolve(DATA, 'ravenstack-accounts.csv'));
const TABLES = ['accounts', 'subscriptions', 'feature-usage', 'support-tickets', 'churn-events'];
const cleanups: (() => void)[] = [];
afterEach(() => {
	for (const c of cleanups.splice(0)) c();
	i18n.set('en');
});

const text = (t: string) => readFileSync(resolve(DATA, `ravenstack-${t}.csv`), 'utf8');
function rows(t: string): Record<string, string>[] {
	const [head, ...lines] = text(t)
		.split(/\r?\n/)
		.filter((l) => l !== '');
	const h = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}

async function ravenstack() {
	const wb = new Workbench();
	wb.loadModel(TEMPLATES[0]!.model);
	const ds = new DatasetsState(wb);
	const store = await openWorkbenchDb({ factory: new IDBFactory(), channel: false });
	await ds.attach(store);
	const holder: { src?: SourcesState } = {};
	const imp = new ImportState({
		workbench: wb,
		datasets: ds,
		worker: inProcessWorker,
		onReplaced: (old, meta) => holder.src?.reimported(old, meta)
	});
	cleanups.push(() => {
		imp.dispose();
		store.close();
	});
	for (const t of TABLES) {
		await imp.chooseFile(new File([text(t)], `ravenstack-${t}.csv`));
		await imp.review();
		await imp.commit();
		expect(imp.step, t).toBe('done');
	}
	const src = new SourcesState({ workbench: wb, datasets: ds, run: runInProcess });
	holder.src = src;
	return { wb, ds, src, imp };
}

describe.skipIf(!has)('Sources workspace on ravenstack', () => {
	it('proposes a recipe from the five imports, builds it and makes it the active dataset', async () => {
		const { wb, ds, src } = await ravenstack();
		expect(await src.start()).toBe(true);
		const r = src.recipe!;
		expect(r.sources.map((s) => [s.name, s.grain, s.key, s.link?.via ?? null])).toEqual([
			['accounts', 'account', 'account_id', null],
			['subscriptions', 'period', 'account_id', null],
			['feature-usage', 'event', 'subscription_id', 'subscriptions'],
			['support-tickets', 'event', 'account_id', null],
			['churn-events', 'event', 'account_id', null]
		]);
		expect(r.accounts).toBe('accounts');
		expect(r.outcome).toEqual({
			kind: 'churn-log',
			source: 'churn-events',
			column: 'churn_date',
			reactivation: 'new-life'
		});
		expect(r.grid).toMatchObject({ kind: 'monthly', to: '2024-12-31', anchor: 'month-end' });
		// One undoable step.
		expect(wb.canUndo).toBe(true);

		expect(await src.build()).toBe(true);
		expect(src.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const built = wb.dataset!;
		expect(built.meta.builtFromRecipe).toBe(true);
		expect(ds.list.filter((m) => m.builtFromRecipe)).toHaveLength(1);
		expect(ds.activeId).toBe(built.meta.id);
		expect(src.orphans.every((o) => o.rows === 0)).toBe(true);
		const col = (name: string) => {
			const c = built.table.columns.get(name);
			if (c?.kind !== 'number') throw new Error(`${name} is not a number column`);
			return c.values;
		};
		const asOf = col('as_of_date');
		const T = isoToEpochDay('2024-06-30');

		// Independent reference from the CSV text: tickets with submitted_at in (T − 90, T].
		const tickets = new Map<string, number>();
		for (const t of rows('support-tickets')) {
			const d = isoToEpochDay(t.submitted_at!);
			if (d > T - 90 && d <= T) tickets.set(t.account_id!, (tickets.get(t.account_id!) ?? 0) + 1);
		}
		// usage_count summed over (T − 30, T], reaching accounts through subscription_id.
		const subAccount = new Map(
			rows('subscriptions').map((s) => [s.subscription_id!, s.account_id!])
		);
		const usage = new Map<string, number>();
		for (const u of rows('feature-usage')) {
			const d = isoToEpochDay(u.usage_date!);
			const a = subAccount.get(u.subscription_id!)!;
			if (d > T - 30 && d <= T) usage.set(a, (usage.get(a) ?? 0) + Number(u.usage_count));
		}
		const ticketCol = col('support_tickets_90d');
		const usageCol = col('usage_count_30d');
		let checked = 0;
		let nonzero = 0;
		for (let i = 0; i < built.table.n; i++) {
			if (asOf[i] !== T) continue;
			const account = built.ids[i]!.split(LIFE_SEPARATOR)[0]!;
			expect(ticketCol[i], account).toBe(tickets.get(account) ?? 0);
			expect(usageCol[i], account).toBe(usage.get(account) ?? 0);
			checked++;
			if ((tickets.get(account) ?? 0) > 0) nonzero++;
		}
		expect(checked).toBeGreaterThan(100);
		expect(nonzero).toBeGreaterThan(50);
		// Columns say where they come from.
		expect(built.meta.columns.find((c) => c.name === 'support_tickets_90d')).toMatchObject({
			role: 'metric',
			source: 'support-tickets'
		});
	});

	it('feature edits are undoable; a bad recipe names the problem and stores nothing', async () => {
		const { wb, ds, src } = await ravenstack();
		await src.start();
		const before = src.recipe!.features.length;
		src.removeFeature('support_tickets_90d');
		expect(src.recipe!.features).toHaveLength(before - 1);
		wb.undo();
		expect(src.recipe!.features).toHaveLength(before);
		const listed = ds.list.length;
		src.addFeature({
			id: 'bad_priority',
			name: 'Urgent tickets',
			source: 'support-tickets',
			kind: 'event',
			agg: 'count',
			days: 30,
			filter: { column: 'severity', values: ['urgent'] }
		});
		expect(await src.build()).toBe(false);
		expect(src.issues.map((i) => i.message).join('\n')).toMatch(/severity/);
		expect(ds.list).toHaveLength(listed);
		expect(ds.list.some((m) => m.builtFromRecipe)).toBe(false);
	});

	it('re-importing a source re-runs the recipe; a lost column names the feature and keeps the table', async () => {
		const { wb, ds, src, imp } = await ravenstack();
		await src.start();
		expect(await src.build()).toBe(true);
		const builtId = wb.dataset!.meta.id;
		const tickets = () => ds.list.find((m) => m.name === 'ravenstack-support-tickets')!;
		// The tickets export again, without resolution_time_hours.
		const lines = text('support-tickets').split('\r\n');
		const drop = lines[0]!.split(',').indexOf('resolution_time_hours');
		const without = lines
			.map((l) =>
				l
					.split(',')
					.filter((_, i) => i !== drop)
					.join(',')
			)
			.join('\r\n');
		imp.startRemap(tickets());
		await imp.chooseFile(new File([without], 'ravenstack-support-tickets.csv'));
		await imp.review();
		await imp.commit();
		expect(imp.step).toBe('done');
		const errors = src.issues.filter((i) => i.severity === 'error');
		expect(errors.map((i) => i.column)).toContain('resolution_time_hours');
		expect(errors.map((i) => i.message).join(' ')).toMatch(
			/resolution time hours, sum last 30 days|resolution_time_hours/
		);
		// The built table is still there and active; the recipe kept its features.
		expect(ds.list.find((m) => m.builtFromRecipe)?.id).toBe(builtId);
		expect(src.recipe!.features.some((f) => f.id === 'resolution_time_hours_30d')).toBe(true);
		// The full export again: the recipe re-runs and replaces the built table.
		imp.startRemap(tickets());
		await imp.chooseFile(new File([text('support-tickets')], 'ravenstack-support-tickets.csv'));
		// The re-map applies the stored mapping, which no longer names the column: keep it again.
		const back = imp.columns.find((c) => c.name === 'resolution_time_hours')!;
		expect(back.role).toBe('ignore');
		imp.setRole(back.index, 'metric');
		await imp.review();
		await imp.commit();
		expect(src.issues.filter((i) => i.severity === 'error')).toEqual([]);
		const rebuilt = ds.list.filter((m) => m.builtFromRecipe);
		expect(rebuilt).toHaveLength(1);
		expect(rebuilt[0]!.id).not.toBe(builtId);
		expect(wb.dataset?.meta.id).toBe(rebuilt[0]!.id);
	});

	it('the recipe’s time zone is used: a source re-imported in another zone is refused by name, nothing changes', async () => {
		const { wb, ds, src, imp } = await ravenstack();
		await src.start();
		expect(await src.build()).toBe(true);
		const builtId = wb.dataset!.meta.id;
		const tickets = ds.list.find((m) => m.name === 'ravenstack-support-tickets')!;
		imp.startRemap(tickets);
		await imp.chooseFile(new File([text('support-tickets')], 'ravenstack-support-tickets.csv'));
		imp.setTimeZone('Asia/Tokyo');
		await imp.review();
		await imp.commit();
		expect(imp.step).toBe('done');
		const errors = src.issues.filter((i) => i.severity === 'error');
		expect(errors).toHaveLength(1);
		expect(errors[0]!.source).toBe('support-tickets');
		expect(errors[0]!.message).toMatch(
			/was read in Asia\/Tokyo, but the recipe counts its dates in UTC/
		);
		// The built table is still the stored one (the re-import itself is stored, as any import).
		expect(ds.list.filter((m) => m.builtFromRecipe).map((m) => m.id)).toEqual([builtId]);
	});

	it('in Japanese: the build line, the built table’s name, the edit notes and a lost dataset', async () => {
		const { wb, ds, src } = await ravenstack();
		i18n.set('ja');
		await src.start();
		expect(wb.changeLog.at(-1)).toBe('5 件のソースからレシピを作成');
		// The proposed features are named in the UI language (the user's names from then on).
		const names = src.recipe!.features.map((f) => f.name);
		expect(names).toContain('support-tickets：直近 90 日の件数');
		expect(names).toContain('継続日数');
		src.setKey('accounts', 'account_id');
		src.removeFeature(src.recipe!.features[0]!.id);
		expect(wb.changeLog.at(-1)).toMatch(/^特徴量「.+」を削除$/);
		expect(await src.build()).toBe(true);
		expect(src.notice).toMatch(/^[\d,]+ 行を作成しました（500 アカウント × 基準日 \d+ 日）。/);
		expect(ds.list.find((m) => m.builtFromRecipe)?.name).toBe(ja['src.builtName']);
		// A source whose dataset is gone: refused by name, in Japanese.
		src.setSource('accounts', { datasetId: 'gone' }, 'x');
		expect(await src.build()).toBe(false);
		expect(src.issues.map(sourceIssueText)).toEqual([
			'ソース「accounts」：データセットがもう保存されていません。ファイルを取り込み直すか、このソースを削除してください。'
		]);
		i18n.set('en');
		expect(src.issues.map(sourceIssueText)).toEqual(src.issues.map((i) => i.message));
		// A grid before any account signed up: no rows, said in each language.
		wb.undo();
		src.setGrid({ kind: 'monthly', from: '2001-01-01', to: '2001-03-31', anchor: 'month-end' });
		expect(await src.build()).toBe(false);
		const noRows = src.issues.find((i) => i.code === 'no-rows')!;
		expect(sourceIssueText(noRows)).toBe(noRows.message);
		i18n.set('ja');
		expect(sourceIssueText(noRows)).toBe(ja['src.iss.no-rows']);
	});

	it('the proposal’s English names are the catalog’s', () => {
		const en = {
			count: tIn('en', 'src.prop.count', { source: 'tickets' }),
			daysSince: tIn('en', 'src.prop.daysSince', { source: 'tickets' }),
			sum30: tIn('en', 'src.prop.sum30', { column: 'seats' }),
			active: tIn('en', 'src.prop.active', { source: 'subs' }),
			tenure: tIn('en', 'src.prop.tenure'),
			now: tIn('en', 'src.prop.now', { column: 'mrr' }),
			renewal: tIn('en', 'src.prop.renewal'),
			dimension: tIn('en', 'src.prop.dimension', { source: 'tickets' })
		};
		const w = ENGLISH_WORDS;
		expect({
			count: w.count('tickets'),
			daysSince: w.daysSince('tickets'),
			sum30: w.sum30('seats'),
			active: w.active('subs'),
			tenure: w.tenure(),
			now: w.now('mrr'),
			renewal: w.renewal(),
			dimension: w.dimension('tickets')
		}).toEqual(en);
	});
});

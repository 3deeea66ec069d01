import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import type { ColumnRole, ColumnType, Dataset } from '$lib/data/dataset';
import { scoreTable, templateById } from '$lib/model';
import { tableOf } from '$lib/model/testing/models';
import type { Model } from '$lib/model/types';
import {
	ActionsState,
	defaultExpansionColumns,
	loadCardMeta,
	type CardMeta,
	type ScoredSource
} from './actions.svelte';
import { buildModelCard } from '$lib/data/export/model-card';
import { groupSnapshots } from '$lib/portfolio/snapshots';
import { FLAG_BITS, FLAG_LABELS } from '$lib/portfolio/view';

const four = templateById('four-dimensions')!.model;

/** Five accounts, one row each: manual points per dimension, contract value, renewal day. */
const ROWS = [
	{ id: 'A', u: 25, s: 25, o: 25, e: 25, value: 1000, renewal: 100, util: 95, trend: 30 }, // 100 green, growing, room
	{ id: 'B', u: 5, s: 5, o: 5, e: 5, value: 500, renewal: 40, util: 50, trend: 0 }, // 20 red
	{ id: 'C', u: 5, s: 5, o: 5, e: 6, value: 9000, renewal: 10, util: 50, trend: 0 }, // 21 red, sooner renewal
	{ id: 'D', u: 15, s: 15, o: 15, e: 15, value: 100, renewal: 300, util: 50, trend: 0 }, // 60 yellow
	{ id: 'E', u: 25, s: 25, o: 25, e: 2, value: 2000, renewal: 50, util: 60, trend: 20 } // 77 green (from 75), growing 20 %, no room
];

function source(model: Model = four): ScoredSource {
	const table = tableOf(
		ROWS.map((r) => ({
			usage_points: r.u,
			support_points: r.s,
			onboarding_points: r.o,
			engagement_points: r.e,
			contract_value: r.value,
			renewal_date: r.renewal,
			seat_utilisation_pct: r.util,
			login_trend_pct: r.trend
		}))
	);
	const col = (name: string, role: ColumnRole, type: ColumnType = 'number') => ({
		name,
		originalName: name,
		role,
		type,
		missingShare: 0
	});
	const ds: Dataset = {
		meta: {
			id: 'ds',
			name: 'T',
			fileName: 't.csv',
			fileHash: '',
			createdAt: 0,
			rows: ROWS.length,
			columns: [
				...['usage_points', 'support_points', 'onboarding_points', 'engagement_points'].map((n) =>
					col(n, 'metric')
				),
				col('contract_value', 'contract-value'),
				col('renewal_date', 'renewal-date', 'date'),
				col('seat_utilisation_pct', 'metric'),
				col('login_trend_pct', 'metric')
			],
			dateRange: null,
			bytes: 0
		},
		ids: ROWS.map((r) => r.id),
		table
	};
	const r = scoreTable(model, table);
	const flags = new Uint8Array(ROWS.length);
	flags[3] = FLAG_BITS.drop; // D: score dropped
	return {
		dataset: ds,
		rows: { model, arrays: r },
		dimensions: () => Promise.resolve({ model, dimensions: r.dimensions }),
		snapshots: groupSnapshots(ds.ids, null),
		flags,
		trends: { drop: Float64Array.from([0, 0, 0, 12, 0]) }
	};
}

describe('ActionsState', () => {
	it('groups the worklist by action, worst tier first, most urgent account first', () => {
		const st = new ActionsState(source(), () => 0);
		flushSync();
		const groups = st.groups.map((g) => [g.playbook.id, g.items.map((i) => i.accountId)]);
		// Red: C before B (same tier, no drops; C renews sooner). Then the score-drop flag on D
		// (yellow, 12-point drop) ahead of the yellow tier group whose first item is D too (tie →
		// shorter due time: 5 days vs 14). Greens growing ≥ 10 % get the expansion line, sooner renewal first; only A has room (95 % ≥ 80).
		expect(groups).toEqual([
			['tier_red', ['C', 'B']],
			['flag_drop', ['D']],
			['tier_yellow', ['D']],
			['tier_green', ['E', 'A']]
		]);
		expect(st.groups[0]!.items[0]).toMatchObject({ tierName: 'Red', daysToRenewal: 10 });
		expect(st.candidates.map((c) => c.accountId)).toEqual(['A']);
	});

	it('filters by owner and action, and pages groups', () => {
		const st = new ActionsState(source(), () => 0);
		st.setFilter({ owner: 'CSM' });
		expect(st.visibleGroups.map((g) => g.playbook.id)).toEqual(['flag_drop', 'tier_yellow']);
		st.setFilter({ owner: '', action: 'tier_red' });
		expect(st.visibleGroups.map((g) => g.playbook.id)).toEqual(['tier_red']);
		expect(st.limit('tier_red')).toBe(10);
		st.showMore('tier_red');
		expect(st.limit('tier_red')).toBe(60);
		expect(st.owners).toEqual(['Account executive', 'CSM', 'CSM + CS manager']);
	});

	it('gives the driver line and the CSV rows', async () => {
		const st = new ActionsState(source(), () => 0);
		// E: engagement 2 of 25 → 92 points → loses 0.25 × 92 = 23 of 25.
		expect(st.driverText('E')).toBe('Engagement & relationship: 23 of 25 points lost');
		st.setFilter({ action: 'tier_red' });
		const w = await st.worklistRows();
		expect(w.header[0]).toBe('action');
		expect(w.rows.map((r) => r[3])).toEqual(['C', 'B']);
		expect(w.rows[0]!.slice(0, 3)).toEqual([
			'Escalation call with the sponsor',
			'CSM + CS manager',
			2
		]);
		const scored = (await st.scoredRows())!;
		expect(scored.rows).toHaveLength(5);
		expect(scored.rows[3]).toEqual([
			'D',
			60,
			60,
			'Yellow',
			60,
			60,
			60,
			60,
			FLAG_LABELS.drop,
			'Product usage: 10 of 25 points lost'
		]);
	});

	it('gives the same drivers and rows when the arrays came without dimension scores', async () => {
		const full = source();
		let asked = 0;
		const lean: ScoredSource = {
			...full,
			rows: { model: full.rows!.model, arrays: { ...full.rows!.arrays, dimensions: [] } },
			dimensions: () => (asked++, full.dimensions())
		};
		const a = new ActionsState(full, () => 0);
		const b = new ActionsState(lean, () => 0);
		for (const id of ['A', 'B', 'C', 'D', 'E']) expect(b.driverText(id)).toBe(a.driverText(id));
		expect(asked).toBe(0); // per-row drivers of a model without percentiles need no columns
		expect(await b.scoredRows()).toEqual(await a.scoredRows());
		expect(await b.worklistRows()).toEqual(await a.worklistRows());
		expect((await b.worklistRows()).rows[0]!.at(-1)).toMatch(/points lost$/);
		expect(asked).toBeGreaterThan(0); // the exports asked the worker for the columns
	});

	it('uses the model’s own playbooks', () => {
		const model: Model = {
			...four,
			playbooks: [
				{ id: 'mine', trigger: { tier: 'red' }, action: 'Exec call', owner: 'VP', dueDays: 1 }
			]
		};
		const st = new ActionsState(source(model), () => 0);
		expect(st.groups[0]!.playbook).toMatchObject({ id: 'mine', owner: 'VP' });
	});
});

describe('defaultExpansionColumns', () => {
	it('prefers user growth between snapshots, else a trend %, and a utilisation column for room', () => {
		const cols = ['seats', 'active_users', 'seat_utilisation_pct', 'login_trend_pct'];
		expect(defaultExpansionColumns(cols, true)).toEqual({
			growth: 'active_users',
			mode: 'change',
			room: 'seat_utilisation_pct'
		});
		expect(defaultExpansionColumns(cols, false)).toEqual({
			growth: 'login_trend_pct',
			mode: 'value',
			room: 'seat_utilisation_pct'
		});
	});
});

describe('loadCardMeta', () => {
	const report = { auc: { estimate: 0.8, lo: 0.7, hi: 0.9 }, n: 10, positives: 2 };
	it('reads the latest named version and the newest saved backtest of this model', async () => {
		const { openMemoryStore } = await import('$lib/data/db');
		const store = await openMemoryStore();
		await store.saveModelVersion(four.id, 'first', four);
		await store.saveBacktest({
			id: 'old',
			name: 'x',
			datasetId: null,
			modelId: four.id,
			createdAt: 1,
			report: { report: { ...report, auc: { estimate: 0.6, lo: 0.5, hi: 0.7 } } }
		});
		await store.saveBacktest({
			id: 'new',
			name: 'x',
			datasetId: null,
			modelId: four.id,
			createdAt: 2,
			report: { report }
		});
		// The version line as the card words it (English).
		const line = (m: CardMeta) => buildModelCard(four, { version: m.version, date: '' }).version;
		const meta = await loadCardMeta(store, four, null);
		expect(line(meta)).toBe('Version 1');
		expect(meta.backtest?.auc).toBe(0.8);
		const edited = await loadCardMeta(store, { ...four, name: 'Changed' }, null);
		expect(line(edited)).toBe('Version 1 with unsaved edits');
		const live = await loadCardMeta(null, four, {
			doc: { report: { ...report, auc: { estimate: 0.71, lo: 0.6, hi: 0.8 } } },
			modelId: four.id
		});
		expect(live).toEqual({
			version: { saved: null, edited: false },
			backtest: expect.objectContaining({ auc: 0.71 })
		});
		expect(line(live)).toBe('Working copy (no saved version yet)');
	});
});

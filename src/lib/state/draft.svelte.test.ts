import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { mulberry32, uniform } from '$lib/backtest/rng';
import type { ColumnInfo, Dataset } from '$lib/data/dataset';
import { draftModel, validateDraft } from '$lib/draft';
import { dimension, metric, model } from '$lib/model/testing/models';
import type { Column } from '$lib/model/types';
import { handleDraftRequest } from '$lib/workers/draft-core';
import type { DraftReply, DraftRequest } from '$lib/workers/draft-protocol';
import { DraftState, type DraftWorkerLike } from './draft.svelte';
import { i18n } from '$lib/i18n/i18n.svelte';
import { Workbench } from './workbench.svelte';

/**
 * The real draft logic in-process; replies arrive asynchronously like a worker's. `hold` keeps
 * the replies until `release()` (to supersede a draft while it runs); `fail` answers an error.
 */
function inProcess(opts: { fail?: boolean } = {}) {
	const log: DraftRequest[] = [];
	const held: (() => void)[] = [];
	let hold = false;
	const make = (): DraftWorkerLike => {
		const w: DraftWorkerLike = {
			onmessage: null,
			terminate() {},
			postMessage(msg) {
				log.push(msg);
				const replies: DraftReply[] = [];
				if (opts.fail)
					replies.push({
						type: 'draft/error',
						id: msg.id,
						message: 'The draft failed: boom',
						detail: 'boom'
					});
				else handleDraftRequest(msg, (r) => replies.push(r));
				const send = () =>
					replies.forEach((r) =>
						setTimeout(() => w.onmessage?.({ data: r } as MessageEvent<DraftReply>), 0)
					);
				if (hold) held.push(send);
				else send();
			}
		};
		return w;
	};
	return {
		make,
		log,
		hold: () => (hold = true),
		release: () => {
			hold = false;
			held.splice(0).forEach((f) => f());
		}
	};
}

const info = (name: string, role: ColumnInfo['role'], type: ColumnInfo['type']): ColumnInfo => ({
	name,
	originalName: name,
	role,
	type,
	missingShare: 0
});

/** 600 accounts: churn falls with usage and rises with tickets; `noise` carries nothing. */
function dataset(): Dataset {
	const rng = mulberry32(3);
	const n = 600;
	const usage: number[] = [];
	const tickets: number[] = [];
	const noise: number[] = [];
	const churned: number[] = [];
	for (let i = 0; i < n; i++) {
		const u = uniform(rng) * 100;
		const t = Math.floor(uniform(rng) * 10);
		usage.push(u);
		tickets.push(t);
		noise.push(uniform(rng));
		churned.push(uniform(rng) < 0.05 + 0.4 * (1 - u / 100) * (t / 10) ? 1 : 0);
	}
	const num = (v: number[]): Column => ({ kind: 'number', values: Float64Array.from(v) });
	return {
		meta: {
			id: 'ds-draft',
			name: 'draft-test',
			fileName: 'draft-test.csv',
			fileHash: 'h',
			createdAt: 0,
			rows: n,
			columns: [
				info('usage', 'metric', 'number'),
				info('tickets', 'metric', 'number'),
				info('noise', 'metric', 'number'),
				info('churned', 'churned', 'boolean')
			],
			dateRange: null,
			bytes: 0
		},
		ids: Array.from({ length: n }, (_, i) => `A${i}`),
		table: {
			n,
			columns: new Map([
				['usage', num(usage)],
				['tickets', num(tickets)],
				['noise', num(noise)],
				['churned', num(churned)]
			])
		}
	};
}

function setup(opts: { fail?: boolean } = {}) {
	const wb = new Workbench();
	wb.loadModel(model([dimension('use', [metric('usage')])]));
	wb.setDataset(dataset());
	const w = inProcess(opts);
	return { wb, w, d: new DraftState(wb, w.make) };
}

describe('DraftState in the draft worker', () => {
	it('gives what the draft core gives on the page, with progress, and sends only the used columns', async () => {
		const { wb, w, d } = setup();
		const done = d.draft();
		expect(d.busy).toBe('Drafting…');
		await done;
		flushSync();
		expect(d.busy).toBeNull();
		expect(d.error).toBeNull();
		const input = d.inputFor(wb.dataset, wb.model);
		if (typeof input === 'string') throw new Error(input);
		expect(d.result).toEqual(draftModel(input));
		expect(d.validation).toEqual(validateDraft(input));
		expect(d.diff.length).toBeGreaterThan(0);
		expect([...w.log[0]!.input.table.columns.keys()].sort()).toEqual(['noise', 'tickets', 'usage']);
		const drafted = d.result!.model;
		const before = wb.model;
		d.apply();
		expect(wb.model).toEqual(drafted);
		wb.undo();
		expect(wb.model).toBe(before);
		d.dispose();
	});

	it('drops the replies of a superseded draft', async () => {
		const { w, d } = setup();
		w.hold();
		d.redShare = 0.3;
		const first = d.draft();
		d.redShare = 0.1;
		const second = d.draft();
		await first; // ended by the newer draft, without a result
		expect(d.result).toBeNull();
		w.release();
		await second;
		expect(w.log.map((m) => m.input.rule)).toEqual([
			{ kind: 'share', red: 0.3 },
			{ kind: 'share', red: 0.1 }
		]);
		expect(d.result!.tiers.share.at(-1)).toBeCloseTo(0.1, 1);
		d.dispose();
	});

	it('shows an error reply as a message and ends the busy state', async () => {
		const { d } = setup({ fail: true });
		await d.draft();
		expect(d.busy).toBeNull();
		expect(d.error).toBe('The draft failed: boom');
		expect(d.result).toBeNull();
		d.dispose();
	});

	it('says an error reply in the UI language, with the raw detail after its lead', async () => {
		i18n.set('ja');
		const { d } = setup({ fail: true });
		await d.draft();
		expect(d.error).toBe('下書きを作成できませんでした：boom');
		d.dispose();
		i18n.set('en');
	});

	it('a worker the browser refuses ends in a plain message, not a spinner', async () => {
		const wb = new Workbench();
		wb.loadModel(model([dimension('use', [metric('usage')])]));
		wb.setDataset(dataset());
		const d = new DraftState(wb, () => {
			throw new Error('blocked by CSP');
		});
		await d.draft();
		expect(d.busy).toBeNull();
		expect(d.error).toMatch(/blocked a background task/);
	});

	it('without a dataset says what to do and posts nothing', async () => {
		const wb = new Workbench();
		const w = inProcess();
		const d = new DraftState(wb, w.make);
		await d.draft();
		expect(d.message).toBe('Load a dataset on the Data screen first.');
		expect(w.log).toHaveLength(0);
	});
});

import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { scoreTable } from '$lib/model/score';
import type { Dataset } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import { ScoreCore } from '$lib/model/engine/cache';
import { handleScoreRequest } from '$lib/workers/score-core';
import type { ScoreReply, ScoreRequest } from '$lib/workers/score-protocol';
import { syntheticModel, syntheticTable } from '$lib/model/engine/testing/synthetic';
import { PortfolioState, type WorkerLike } from './portfolio.svelte';

/** An in-process worker: replies in posting order when `flush()` is called. */
class FakeWorker implements WorkerLike {
	onmessage: ((e: MessageEvent<ScoreReply>) => void) | null = null;
	core = new ScoreCore();
	queue: ScoreRequest[] = [];
	postMessage(msg: ScoreRequest): void {
		this.queue.push(msg);
	}
	/** Reply to the messages posted so far (not to those the replies make the state post). */
	flush(): void {
		for (const msg of this.queue.splice(0)) {
			const { reply } = handleScoreRequest(this.core, msg);
			this.onmessage?.({ data: reply } as MessageEvent<ScoreReply>);
		}
	}
	/** Reply until nothing is left to answer (a summary's follow-up request for the arrays). */
	settle(): void {
		while (this.queue.length) this.flush();
	}
	terminate(): void {}
}

function dataset(n: number): Dataset {
	const table = syntheticTable(n, 12);
	return {
		meta: {
			id: 'ds',
			name: 'Synthetic',
			fileName: 'x.csv',
			fileHash: '',
			createdAt: 0,
			rows: n,
			columns: [...table.columns.keys()].map((name) => ({
				name,
				originalName: name,
				role: 'metric' as const,
				type: 'number' as const,
				missingShare: 0
			})),
			dateRange: null,
			bytes: 0
		},
		ids: Array.from({ length: n }, (_, i) => `A${i}`),
		table
	};
}

function setup() {
	const fake = new FakeWorker();
	const state = new PortfolioState(() => fake);
	const ds = dataset(2000);
	const model = syntheticModel(12);
	state.setDataset(ds);
	return { fake, state, ds, model };
}

function engineTierCounts(model: Model, ds: Dataset, mins?: number[]): number[] {
	const m = mins
		? { ...model, tiers: model.tiers.map((t, i) => ({ ...t, min: mins[i]! })) }
		: model;
	const r = scoreTable(m, ds.table);
	const counts = m.tiers.map(() => 0);
	for (const t of r.tier) if (t >= 0) counts[t]!++;
	return counts;
}

describe('PortfolioState', () => {
	it('scores in the worker and shows the engine tier counts', () => {
		const { fake, state, ds, model } = setup();
		state.rescore(model);
		fake.flush();
		flushSync();
		expect(state.tierCounts).toEqual(engineTierCounts(model, ds));
		expect(state.view.length).toBe(2000);
	});

	it('keeps one request in flight and sends only the newest waiting model', () => {
		const { fake, state, ds, model } = setup();
		const withMin = (min: number) => ({
			...model,
			tiers: model.tiers.map((t, i) => (i === 0 ? { ...t, min } : t))
		});
		state.rescore(model);
		state.rescore(withMin(70));
		state.rescore(withMin(60));
		expect(fake.queue.filter((m) => m.type === 'score/model')).toHaveLength(1);
		fake.flush(); // the table and the first model; the newest waiting model goes out
		expect(state.resultModel).toBe(model);
		expect(state.isScoring).toBe(true);
		const last = fake.queue.at(-1);
		expect(last?.type === 'score/model' && last.model.tiers[0]?.min).toBe(60);
		fake.flush(); // a summary only (a drag needs no more); the settled model's arrays follow
		flushSync();
		expect(state.resultModel?.tiers[0]?.min).toBe(60);
		expect(state.isScoring).toBe(true);
		const follow = fake.queue.at(-1);
		expect(follow?.type === 'score/model' && follow.arrays && follow.model.tiers[0]?.min).toBe(60);
		fake.flush();
		flushSync();
		expect(state.isScoring).toBe(false);
		expect(state.tierCounts).toEqual(engineTierCounts(withMin(60), ds));
		expect(state.view.length).toBe(2000);
	});

	it('keeps handles on the newest model when a reply for an older one arrives', () => {
		const { fake, state, model } = setup();
		const withMin = (min: number) => ({
			...model,
			tiers: model.tiers.map((t, i) => (i === 0 ? { ...t, min } : t))
		});
		state.rescore(model);
		// A key press commits 79 while the request for the old model is still in flight.
		state.rescore(withMin(79));
		state.drag.sync(withMin(79).tiers.map((t) => t.min));
		fake.flush();
		flushSync();
		expect(state.drag.mins[0]).toBe(79);
		// The next key press steps from 79, not from the stale 80.
		expect(state.drag.key(0, 'ArrowDown')?.[0]).toBe(78);
	});

	it('keeps the last per-row arrays while only summaries arrive, then fetches the settled ones', () => {
		const { fake, state, ds, model } = setup();
		state.rescore(model);
		fake.settle();
		flushSync();
		const first = state.arrays;
		expect(first?.score.length).toBe(2000);
		const heavier = {
			...model,
			dimensions: model.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 9 } : d))
		};
		state.rescore(heavier);
		const sent = fake.queue.at(-1);
		expect(sent?.type === 'score/model' && sent.arrays).toBe(false);
		fake.flush();
		flushSync();
		expect(state.arrays).toBe(first);
		expect(state.tierCounts).toEqual(engineTierCounts(heavier, ds));
		fake.flush();
		flushSync();
		expect(state.arrays).not.toBe(first);
		expect(Array.from(state.result!.shown)).toEqual(
			Array.from(scoreTable(heavier, ds.table).shown)
		);
	});

	it('drops a reply that a new table superseded', () => {
		const { fake, state, model } = setup();
		state.rescore(model);
		state.setDataset(dataset(500));
		state.rescore(model);
		fake.flush(); // old table's reply arrives first: dropped; then the queued request goes out
		expect(state.result).toBeNull();
		fake.flush();
		flushSync();
		expect(state.result?.score.length).toBe(500);
	});

	it('updates tier counts while a threshold is dragged, from the histogram', () => {
		const { fake, state, ds, model } = setup();
		state.rescore(model);
		fake.flush();
		state.drag.start(0);
		state.drag.move(65);
		flushSync();
		expect(state.tierCounts).toEqual(engineTierCounts(model, ds, [65, 50, 0]));
		state.drag.move(90);
		flushSync();
		expect(state.tierCounts).toEqual(engineTierCounts(model, ds, [90, 50, 0]));
		expect(state.drag.end()).toEqual([90, 50, 0]);
	});

	it('filters by tier and search and pages back to the start', () => {
		const { fake, state, model } = setup();
		state.rescore(model);
		fake.flush();
		state.page = 3;
		state.setFilter({ tierFilter: 0 });
		flushSync();
		expect(state.page).toBe(0);
		expect(state.view.length).toBe(state.tierCounts[0]);
		state.setFilter({ tierFilter: null, search: 'A199' });
		flushSync();
		expect(Array.from(state.view).map((a) => state.snapshots!.accountIds[a])).toEqual(
			expect.arrayContaining(['A199', 'A1990', 'A1999'])
		);
	});
});

/**
 * The app's wiring (startApp) with no screen mounted: dataset and model changes reach the
 * portfolio and the backtest; replies do not schedule more requests; autosave starts only after
 * the first-open sequence; stop() ends it all.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openMemoryStore } from '$lib/data/db';
import type { Dataset } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import type { BacktestReply, BacktestRequest } from '$lib/workers/backtest-protocol';
import { ScoreCore } from '$lib/model/engine/cache';
import { handleScoreRequest } from '$lib/workers/score-core';
import type { ScoreReply, ScoreRequest } from '$lib/workers/score-protocol';
import { syntheticModel, syntheticTable } from '$lib/model/engine/testing/synthetic';
import { screenNeedsData, startApp, untilScreenWithData } from './app.svelte';
import { BacktestState, type BacktestWorkerLike } from './backtest.svelte';
import { PortfolioState, type WorkerLike } from './portfolio.svelte';
import { Workbench } from './workbench.svelte';

beforeEach(() => {
	vi.stubGlobal('window', new EventTarget());
	vi.stubGlobal('document', Object.assign(new EventTarget(), { visibilityState: 'visible' }));
});
afterEach(() => vi.unstubAllGlobals());

/** The real score core in-process; replies when `settle()` is called. */
class ScoreWorker implements WorkerLike {
	onmessage: ((e: MessageEvent<ScoreReply>) => void) | null = null;
	core = new ScoreCore();
	queue: ScoreRequest[] = [];
	log: ScoreRequest[] = [];
	postMessage(msg: ScoreRequest): void {
		this.queue.push(msg);
		this.log.push(msg);
	}
	settle(): void {
		while (this.queue.length)
			for (const msg of this.queue.splice(0)) {
				const { reply } = handleScoreRequest(this.core, msg);
				this.onmessage?.({ data: reply } as MessageEvent<ScoreReply>);
			}
	}
	terminate(): void {}
	models(): number {
		return this.log.filter((m) => m.type === 'score/model').length;
	}
}

/** Records backtest requests; answers none (the wiring, not the backtest, is under test). */
class BacktestWorker implements BacktestWorkerLike {
	onmessage: ((e: MessageEvent<BacktestReply>) => void) | null = null;
	log: BacktestRequest[] = [];
	postMessage(msg: BacktestRequest): void {
		this.log.push(msg);
	}
	terminate(): void {}
}

function dataset(n = 500): Dataset {
	const table = syntheticTable(n, 4);
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

function setup(boot: () => Promise<void> = () => Promise.resolve()) {
	const wb = new Workbench();
	const sw = new ScoreWorker();
	const bw = new BacktestWorker();
	const portfolio = new PortfolioState(() => sw);
	const backtest = new BacktestState(() => bw);
	const store = openMemoryStore();
	const stop = startApp({
		workbench: wb,
		portfolio,
		backtest,
		getStore: () => store,
		boot,
		autosaveDelayMs: 0
	});
	flushSync();
	return { wb, sw, bw, portfolio, backtest, store, stop };
}

describe('startApp', () => {
	it('rescores the portfolio on dataset and model changes, with no screen mounted', () => {
		const { wb, sw, portfolio, stop } = setup();
		const model: Model = syntheticModel(4);
		wb.loadModel(model);
		flushSync();
		expect(sw.log).toHaveLength(0); // no dataset yet: nothing to score

		const ds = dataset();
		wb.setDataset(ds);
		flushSync();
		expect(portfolio.dataset).toBe(ds);
		expect(sw.log.map((m) => m.type)).toEqual(['score/table', 'score/model']);
		sw.settle();
		flushSync();
		expect(portfolio.resultModel).toBe(model);
		expect(portfolio.tierCounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

		const edited = {
			...model,
			tiers: model.tiers.map((t, i) => (i === 0 ? { ...t, min: 60 } : t))
		};
		wb.editModel(edited, 'tier');
		flushSync();
		sw.settle();
		flushSync();
		expect(portfolio.resultModel).toBe(edited);
		stop();
	});

	it('a reply does not schedule another request (the effect tracks only model and dataset)', () => {
		const { wb, sw, stop } = setup();
		wb.loadModel(syntheticModel(4));
		wb.setDataset(dataset());
		flushSync();
		sw.settle();
		flushSync();
		const after = sw.models();
		// The arrays, summary and result model changed; nothing the wiring reads did.
		sw.settle();
		flushSync();
		expect(sw.models()).toBe(after);
		expect(sw.queue).toHaveLength(0);
		stop();
	});

	it('runs the backtest on model changes and on a changed setting', () => {
		const { wb, sw, bw, backtest, stop } = setup();
		const run = vi.spyOn(backtest, 'run');
		wb.loadModel(syntheticModel(4));
		const ds = dataset();
		// A churn column makes the dataset backtestable (cross-sectional).
		ds.meta.columns[0] = { ...ds.meta.columns[0]!, role: 'churned', type: 'boolean' };
		wb.setDataset(ds);
		flushSync();
		expect(backtest.dataset).toBe(ds);
		// The portfolio answers first (first open on two cores); then the backtest runs.
		expect(run).toHaveBeenCalledTimes(0);
		sw.settle();
		flushSync();
		expect(run).toHaveBeenCalledTimes(1);
		expect(bw.log.map((m) => m.type)).toEqual(['backtest/data', 'backtest/run', 'backtest/fit']);

		wb.editModel({ ...wb.model!, name: 'Edited' }, 'rename');
		flushSync();
		expect(run).toHaveBeenCalledTimes(2);
		backtest.seed = 7;
		flushSync();
		expect(run).toHaveBeenCalledTimes(3);
		// The worker has not answered: one run in flight, the newest waits (no backlog).
		expect(bw.log.filter((m) => m.type === 'backtest/run')).toHaveLength(1);
		stop();
	});

	it('starts autosave only after the first-open sequence, and stop() ends the wiring', async () => {
		let finishBoot = () => {};
		const booted = new Promise<void>((r) => (finishBoot = r));
		const { wb, sw, store, stop } = setup(() => booted);
		const model = syntheticModel(4);
		wb.loadModel(model);
		wb.editModel({ ...model, name: 'Before boot' }, 'rename');
		flushSync();
		await new Promise((r) => setTimeout(r, 0));
		expect(await store.listModels()).toEqual([]);

		finishBoot();
		await booted;
		await Promise.resolve();
		flushSync();
		wb.editModel({ ...model, name: 'After boot' }, 'rename');
		flushSync();
		await vi.waitFor(async () =>
			expect((await store.loadModel(model.id))?.current.name).toBe('After boot')
		);

		stop();
		wb.setDataset(dataset());
		wb.editModel({ ...model, name: 'After stop' }, 'rename');
		flushSync();
		expect(sw.log).toHaveLength(0);
	});
});

describe('which screens load data', () => {
	it('the calculator and a participant’s workshop cards never load the sample', () => {
		const p = (q: string) => new URLSearchParams(q);
		expect(screenNeedsData('calculator', p(''))).toBe(false);
		expect(screenNeedsData('calculator', p('s=abc'))).toBe(false);
		expect(screenNeedsData('workshop', p('r=xyz'))).toBe(false);
		expect(screenNeedsData('workshop', p(''))).toBe(true);
		expect(screenNeedsData('workshop', p('a=answer'))).toBe(true);
		for (const s of ['data', 'model', 'portfolio', 'backtest', 'validation', 'actions'])
			expect(screenNeedsData(s, p('')), s).toBe(true);
	});

	it('waits until the reactive condition holds (as the router’s screen changes)', async () => {
		// Any rune-backed value will do: the workbench's model stands in for the router's hash.
		const wb = new Workbench();
		let resolved = false;
		const until = untilScreenWithData(() => wb.model !== null).then(() => (resolved = true));
		flushSync();
		await Promise.resolve();
		expect(resolved).toBe(false);
		wb.loadModel(syntheticModel(2));
		flushSync();
		await until;
		expect(resolved).toBe(true);
	});
});

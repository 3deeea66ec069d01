/**
 * The product's own paths, as the app runs them: the CSV import (parse worker → typed columns →
 * IndexedDB chunks, all-or-nothing) and a rescore through the score worker, timed until the
 * histogram and tier counts are back on the main thread.
 */
import { openWorkbenchDb } from '../src/lib/data/db';
import type { WorkbenchStore } from '../src/lib/data/db/store';
import { DatasetsState } from '../src/lib/state/datasets.svelte';
import { ImportState } from '../src/lib/state/import.svelte';
import { Workbench } from '../src/lib/state/workbench.svelte';
import { syntheticModel, syntheticTable } from '../src/lib/model/engine/testing/synthetic';
import type { Model } from '../src/lib/model/types';
import type { ScoreReply, ScoreRequest } from '../src/lib/workers/score-protocol';

let store: WorkbenchStore | null = null;
let run = 0;

/** Longest main-thread task seen by a PerformanceObserver while `work` runs, ms. */
async function withLongTasks<T>(work: () => Promise<T>): Promise<{ value: T; longestMs: number }> {
	let longestMs = 0;
	const obs = new PerformanceObserver((list) => {
		for (const e of list.getEntries()) longestMs = Math.max(longestMs, e.duration);
	});
	obs.observe({ type: 'longtask', buffered: false });
	try {
		const value = await work();
		await new Promise((r) => setTimeout(r, 0));
		return { value, longestMs };
	} finally {
		obs.disconnect();
	}
}

/** Fresh database for each run, so every import writes the same amount (not timed). */
export async function prepareImport(): Promise<void> {
	store?.close();
	await new Promise<void>((resolve) => {
		const req = indexedDB.deleteDatabase('hsw-bench');
		req.onsuccess = req.onerror = req.onblocked = () => resolve();
	});
	store = await openWorkbenchDb({ name: 'hsw-bench', channel: false });
}

/** File → stored, active dataset through the same pipeline as the app's import (auto mapping). */
export async function productImport(file: File): Promise<string> {
	const wb = new Workbench();
	const ds = new DatasetsState(wb);
	await ds.attach(store!);
	const pipeline = new ImportState({ workbench: wb, datasets: ds });
	try {
		const { value: meta, longestMs } = await withLongTasks(() =>
			pipeline.importAuto(file, `bench ${++run}`)
		);
		const used = (await navigator.storage.estimate()).usage ?? 0;
		return `${meta.rows.toLocaleString('en-US')} rows stored as ${meta.grain ?? 'account'} rows (storage estimate ${(used / 1e6).toFixed(0)} MB), longest main-thread task ${longestMs.toFixed(0)} ms`;
	} finally {
		pipeline.dispose();
	}
}

let worker: Worker | null = null;
let nextId = 1;
let model: Model | null = null;

function ask(msg: ScoreRequest): Promise<ScoreReply> {
	return new Promise((resolve, reject) => {
		worker!.onmessage = (e: MessageEvent<ScoreReply>) => {
			if (e.data.id !== msg.id) return;
			if (e.data.type === 'score/error') reject(new Error(e.data.message));
			else resolve(e.data);
		};
		worker!.postMessage(msg);
	});
}

/** Post a synthetic n × 12 table to the app's score worker and score it once (not timed). */
export async function prepareRescore(n: number, metrics = 12): Promise<void> {
	worker?.terminate();
	worker = new Worker(new URL('../src/lib/workers/score.worker.ts', import.meta.url), {
		type: 'module'
	});
	const table = syntheticTable(n, metrics);
	model = syntheticModel(metrics);
	await ask({ type: 'score/table', id: nextId++, n, columns: [...table.columns], rows: null });
	await ask({ type: 'score/model', id: nextId++, model });
}

/**
 * One weight change, end to end: post the changed model, wait for the reply with the histogram
 * and tier counts. `change`: a dimension weight, or a metric weight inside a dimension.
 */
export async function productRescore(change: 'dimension' | 'metric'): Promise<string> {
	const m = model!;
	const w = 1 + (nextId % 7);
	const next: Model = {
		...m,
		dimensions: m.dimensions.map((d, i) =>
			i !== 0
				? d
				: change === 'dimension'
					? { ...d, weight: w }
					: { ...d, metrics: d.metrics.map((x, j) => (j === 0 ? { ...x, weight: w } : x)) }
		)
	};
	const reply = await ask({ type: 'score/model', id: nextId++, model: next });
	if (reply.type !== 'score/result') throw new Error('no result');
	return `worker ${reply.workerMs.toFixed(1)} ms, ${reply.total} accounts`;
}

/**
 * Backtest benchmarks, run in a bench-only worker (backtest.worker.ts: the app's backtest
 * library calls, off the page's thread) from the page (round trip included):
 * the report card of 100k accounts with a 1,000-resample bootstrap (three quarters of the
 * resamples on a helper worker, as in the app), the weight fit with 5-fold
 * CV on 100k, and one sort-based AUC on 1M, beside the floor of one 1M `Float64Array.sort()`.
 * Data: the seeded fixture of src/lib/backtest/testing/fixture.ts, generated inside the worker.
 */
import type { BenchBacktestReply, BenchBacktestRequest } from './backtest.worker';
import type { BenchGroup } from './types';

let worker: Worker | null = null;
let nextId = 1;

/** A bench request without its id (distributes over the union). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function ask(msg: WithoutId<BenchBacktestRequest>): Promise<string> {
	const w = worker!;
	const id = nextId++;
	return new Promise((resolve, reject) => {
		w.onmessage = (e: MessageEvent<BenchBacktestReply>) => {
			const r = e.data;
			if (r.id !== id) return;
			if (r.type === 'bench/done') resolve(r.info);
			else reject(new Error(r.message));
		};
		w.postMessage({ ...msg, id });
	});
}

export function backtestGroup(): BenchGroup {
	const sortInput = new Float64Array(1_000_000);
	const scratch = new Float64Array(1_000_000);
	return {
		id: 'backtest',
		title: 'Backtest in the worker: report 100k (1,000 resamples), weight fit 100k, AUC 1M',
		async setup() {
			worker ??= new Worker(new URL('./backtest.worker.ts', import.meta.url), {
				type: 'module'
			});
			await ask({ type: 'bench/load', n: 100_000, seed: 2 });
			await ask({ type: 'bench/load', n: 1_000_000, seed: 1 });
			let s = 1;
			for (let i = 0; i < sortInput.length; i++) {
				s = (s * 1103515245 + 12345) >>> 0;
				sortInput[i] = s / 4294967296;
			}
		},
		steps: [
			{
				info: {
					id: 'sort-floor',
					label: 'floor: one 1M Float64Array.sort() (page; baseline)',
					runs: 5
				},
				prepare: () => scratch.set(sortInput),
				run: () => void scratch.sort()
			},
			{
				info: {
					id: 'auc-1m',
					label: 'AUC of 1M accounts, buckets (worker)',
					runs: 5,
					baseline: 'sort-floor',
					targetRatio: 2
				},
				run: () => ask({ type: 'bench/run', n: 1_000_000, step: 'auc' })
			},
			{
				info: {
					id: 'report-100k',
					label: 'report card 100k, 1,000-resample bootstrap (worker + helper)',
					runs: 5,
					targetMs: 400
				},
				run: () => ask({ type: 'bench/run', n: 100_000, step: 'report' })
			},
			{
				info: {
					id: 'fit-100k',
					label: 'weight fit 100k × 8 metrics, 5-fold CV (worker)',
					runs: 3,
					targetMs: 2000
				},
				run: () => ask({ type: 'bench/run', n: 100_000, step: 'fit' })
			}
		]
	};
}

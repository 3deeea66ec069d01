/**
 * The backtest worker's helper on the second core (backtest-resample.worker.ts), started once
 * and kept for the worker's life: it computes a range of the report card's AUC bootstrap
 * ({@link ResampleRunner}) and the Validation run's population part ({@link PopulationPartRunner}:
 * signals, weight robustness, missing policies) while the backtest worker does the rest. Null
 * where there is no second core or no Worker (tests, one-core machines): everything then runs on
 * one thread, with the same numbers. If the helper fails, every pending and later request is
 * rejected and the caller computes that piece itself.
 */
import type { ResampleRunner } from '$lib/backtest/report';
import type {
	PopulationPart,
	PopulationPartRequest,
	PopulationPartRunner
} from './validation-core';

export type ResampleRequest =
	| { id: number; kind: 'resamples'; code: Uint8Array; seed: number; from: number; to: number }
	| { id: number; kind: 'population-part'; req: PopulationPartRequest };

export type ResampleReply =
	| { id: number; out: Float64Array }
	| { id: number; part: PopulationPart }
	| { id: number; error: string };

export interface BacktestHelper {
	resamples: ResampleRunner;
	populationPart: PopulationPartRunner;
}

type Job = ResampleRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function createBacktestHelper(): BacktestHelper | null {
	if (typeof Worker === 'undefined') return null;
	if ((globalThis.navigator?.hardwareConcurrency ?? 1) < 2) return null;
	let worker: Worker | null = null;
	let broken: string | null = null;
	let nextId = 1;
	const pending = new Map<number, { resolve(r: ResampleReply): void; reject(e: Error): void }>();
	const fail = (why: string) => {
		broken = why;
		for (const p of pending.values()) p.reject(new Error(why));
		pending.clear();
		worker?.terminate();
	};
	const start = (): Worker => {
		const w = new Worker(new URL('./backtest-resample.worker.ts', import.meta.url), {
			type: 'module'
		});
		w.onmessage = (e: MessageEvent<ResampleReply>) => {
			const r = e.data;
			const p = pending.get(r.id);
			if (!p) return;
			pending.delete(r.id);
			if ('error' in r) p.reject(new Error(r.error));
			else p.resolve(r);
		};
		w.onerror = (e) => fail(`the helper worker stopped: ${e.message ?? 'error'}`);
		w.onmessageerror = () => fail('the helper worker could not read a message');
		return w;
	};
	try {
		worker = start();
	} catch {
		return null;
	}
	const ask = (job: Job) =>
		new Promise<ResampleReply>((resolve, reject) => {
			if (broken || !worker) return reject(new Error(broken ?? 'no helper worker'));
			const id = nextId++;
			pending.set(id, { resolve, reject });
			worker.postMessage({ ...job, id } as ResampleRequest);
		});
	return {
		resamples: async (code, seed, from, to) => {
			const r = await ask({ kind: 'resamples', code, seed, from, to });
			if (!('out' in r)) throw new Error('the helper sent no resamples');
			return r.out;
		},
		populationPart: async (req) => {
			const r = await ask({ kind: 'population-part', req });
			if (!('part' in r)) throw new Error('the helper sent no population part');
			return r.part;
		}
	};
}

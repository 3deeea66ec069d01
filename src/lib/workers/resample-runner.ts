/**
 * A {@link ResampleRunner} backed by one helper worker (backtest-resample.worker.ts), started
 * once and kept for the worker's life, so the report card's bootstrap uses both cores. Null
 * where there is no second core or no Worker (tests, one-core machines): the report is then
 * built on one thread, with the same numbers. If the helper fails, every pending and later
 * request is rejected and buildReportShared computes those resamples itself.
 */
import type { ResampleRunner } from '$lib/backtest/report';

export interface ResampleRequest {
	id: number;
	code: Uint8Array;
	seed: number;
	from: number;
	to: number;
}

export type ResampleReply = { id: number; out: Float64Array } | { id: number; error: string };

export function createResampleRunner(): ResampleRunner | null {
	if (typeof Worker === 'undefined') return null;
	if ((globalThis.navigator?.hardwareConcurrency ?? 1) < 2) return null;
	let worker: Worker | null = null;
	let broken: string | null = null;
	let nextId = 1;
	const pending = new Map<number, { resolve(x: Float64Array): void; reject(e: Error): void }>();
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
			if ('out' in r) p.resolve(r.out);
			else p.reject(new Error(r.error));
		};
		w.onerror = (e) => fail(`the bootstrap helper stopped: ${e.message ?? 'error'}`);
		w.onmessageerror = () => fail('the bootstrap helper could not read a message');
		return w;
	};
	try {
		worker = start();
	} catch {
		return null;
	}
	return (code, seed, from, to) =>
		new Promise<Float64Array>((resolve, reject) => {
			if (broken || !worker) return reject(new Error(broken ?? 'no bootstrap helper'));
			const id = nextId++;
			pending.set(id, { resolve, reject });
			worker.postMessage({ id, code, seed, from, to } satisfies ResampleRequest);
		});
}

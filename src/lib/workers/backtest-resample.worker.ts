/// <reference lib="webworker" />
/**
 * Helper worker of the backtest worker: computes a range of the AUC bootstrap's resamples on the
 * second core (see resample-runner.ts and report.ts, buildReportShared).
 */
import { aucResamples } from '$lib/backtest/bootstrap';
import type { ResampleReply, ResampleRequest } from './resample-runner';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<ResampleRequest>) => {
	const m = e.data;
	try {
		const out = aucResamples(m.code, m.seed, m.from, m.to);
		scope.postMessage({ id: m.id, out } satisfies ResampleReply, [out.buffer]);
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		scope.postMessage({ id: m.id, error: message } satisfies ResampleReply);
	}
};

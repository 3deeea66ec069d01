/// <reference lib="webworker" />
/**
 * Helper worker of the backtest worker, on the second core (see resample-runner.ts): a range of
 * the AUC bootstrap's resamples (report.ts, buildReportShared), or the Validation run's
 * population part (validation-core.ts, runValidationShared).
 */
import { aucResamples } from '$lib/backtest/bootstrap';
import type { ResampleReply, ResampleRequest } from './resample-runner';
import { populationPart } from './validation-core';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (e: MessageEvent<ResampleRequest>) => {
	const m = e.data;
	try {
		if (m.kind === 'population-part') {
			scope.postMessage({ id: m.id, part: populationPart(m.req) } satisfies ResampleReply);
			return;
		}
		const out = aucResamples(m.code, m.seed, m.from, m.to);
		scope.postMessage({ id: m.id, out } satisfies ResampleReply, [out.buffer]);
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		scope.postMessage({ id: m.id, error: message } satisfies ResampleReply);
	}
};

/// <reference lib="webworker" />
/**
 * Backtest worker: holds the dataset, runs backtests, comparisons and weight fits off the main
 * thread (see backtest-core.ts), posting progress between stages. Also runs the benchmark steps
 * on a seeded fixture generated in the worker.
 */
import { benchBacktest, type BenchData } from '$lib/backtest/bench-fixture';
import { fitWeights } from '$lib/backtest/fit';
import { rocAuc } from '$lib/backtest/metrics';
import { buildReport } from '$lib/backtest/report';
import { BacktestCore } from './backtest-core';
import type { BacktestReply, BacktestRequest } from './backtest-protocol';

const core = new BacktestCore();
const bench = new Map<number, BenchData>();
const post = (msg: BacktestReply) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

function benchStep(n: number, step: 'report' | 'fit' | 'auc'): string {
	const d = bench.get(n);
	if (!d) throw new Error(`no bench fixture of ${n} accounts`);
	if (step === 'auc') return `AUC ${rocAuc(d.score, d.labels).toFixed(4)}`;
	const metrics = d.metricIds.map((id, j) => ({ id, points: d.metricPoints[j]! }));
	if (step === 'fit') {
		const r = fitWeights(metrics, d.labels, { seed: 42, handScores: d.score });
		return `CV AUC ${r.cv.mean.suggested.toFixed(4)} vs hand ${r.cv.mean.hand.toFixed(4)}`;
	}
	const card = buildReport(
		{
			score: d.score,
			shown: d.shown,
			tier: d.tier,
			labels: d.labels,
			tiers: d.tiers,
			metrics: metrics.map((m) => ({
				id: m.id,
				name: m.id,
				values: m.points,
				direction: 'higher' as const
			})),
			thresholds: { minCatch: 0.5, maxFlagged: 0.3, costMiss: 10, costFalseAlarm: 1 }
		},
		{ seed: 42, resamples: 1000 }
	);
	return `AUC ${card.auc.estimate.toFixed(4)} [${card.auc.lo.toFixed(4)}, ${card.auc.hi.toFixed(4)}]`;
}

self.onmessage = (e: MessageEvent<BacktestRequest>) => {
	const msg = e.data;
	try {
		switch (msg.type) {
			case 'backtest/data':
				core.setData(msg);
				post({ type: 'backtest/data-ready', id: msg.id });
				return;
			case 'backtest/run': {
				const result = core.run(msg, (stage) =>
					post({ type: 'backtest/progress', id: msg.id, stage })
				);
				post({ type: 'backtest/result', id: msg.id, result });
				return;
			}
			case 'validation/run': {
				const result = core.validate(msg, (stage) =>
					post({ type: 'backtest/progress', id: msg.id, stage })
				);
				post({ type: 'validation/result', id: msg.id, result });
				return;
			}
			case 'backtest/fit':
				post({ type: 'backtest/fit-result', id: msg.id, result: core.fit(msg) });
				return;
			case 'backtest/bench-load':
				bench.set(msg.n, benchBacktest(msg.n, msg.seed));
				post({ type: 'backtest/bench-done', id: msg.id, info: `${msg.n} accounts` });
				return;
			case 'backtest/bench':
				post({ type: 'backtest/bench-done', id: msg.id, info: benchStep(msg.n, msg.step) });
				return;
		}
	} catch (err) {
		post({
			type: 'backtest/error',
			id: msg.id,
			message: err instanceof Error ? err.message : String(err)
		});
	}
};

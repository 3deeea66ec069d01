/// <reference lib="webworker" />
/**
 * Bench-only worker: the backtest steps the bench page times (report card, weight fit, AUC), run
 * off the page's thread on the seeded fixture generated here, with the same library calls as the
 * app's backtest worker. Not part of the product bundle.
 */
import { fitWeights } from '../src/lib/backtest/fit';
import { rocAuc } from '../src/lib/backtest/metrics';
import {
	buildReport,
	buildReportShared,
	type ReportInput,
	type ResampleRunner
} from '../src/lib/backtest/report';
import { createBacktestHelper } from '../src/lib/workers/resample-runner';
import { benchBacktest, type BenchData } from '../src/lib/backtest/testing/fixture';

export type BenchBacktestRequest =
	/** Generate the seeded fixture of `n` accounts in the worker (not timed). */
	| { type: 'bench/load'; id: number; n: number; seed: number }
	| { type: 'bench/run'; id: number; n: number; step: 'report' | 'fit' | 'auc' };

export type BenchBacktestReply =
	| { type: 'bench/done'; id: number; info: string }
	| { type: 'bench/error'; id: number; message: string };

const data = new Map<number, BenchData>();
const post = (msg: BenchBacktestReply) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

const helper = createBacktestHelper();
/** Resamples the helper worker returned in the last report (shown in the bench line). */
let onHelper = 0;
const runner: ResampleRunner | null = helper
	? (code, seed, from, to) =>
			helper.resamples(code, seed, from, to).then((out) => {
				onHelper += out.length;
				return out;
			})
	: null;

/** The report card as the app's backtest worker builds it: bootstrap shared with the helper. */
async function benchStep(n: number, step: 'report' | 'fit' | 'auc'): Promise<string> {
	const d = data.get(n);
	if (!d) throw new Error(`no bench fixture of ${n} accounts`);
	if (step === 'auc') return `AUC ${rocAuc(d.score, d.labels).toFixed(4)}`;
	const metrics = d.metricIds.map((id, j) => ({ id, points: d.metricPoints[j]! }));
	if (step === 'fit') {
		const r = fitWeights(metrics, d.labels, { seed: 42, handScores: d.score });
		return `CV AUC ${r.cv.mean.suggested.toFixed(4)} vs hand ${r.cv.mean.hand.toFixed(4)}`;
	}
	const input: ReportInput = {
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
	};
	const opts = { seed: 42, resamples: 1000 };
	onHelper = 0;
	const card = runner ? await buildReportShared(input, opts, runner) : buildReport(input, opts);
	return `AUC ${card.auc.estimate.toFixed(4)} [${card.auc.lo.toFixed(4)}, ${card.auc.hi.toFixed(4)}], ${onHelper} resamples on the helper`;
}

self.onmessage = async (e: MessageEvent<BenchBacktestRequest>) => {
	const msg = e.data;
	try {
		if (msg.type === 'bench/load') {
			data.set(msg.n, benchBacktest(msg.n, msg.seed));
			post({ type: 'bench/done', id: msg.id, info: `${msg.n} accounts` });
		} else post({ type: 'bench/done', id: msg.id, info: await benchStep(msg.n, msg.step) });
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		post({ type: 'bench/error', id: msg.id, message });
	}
};

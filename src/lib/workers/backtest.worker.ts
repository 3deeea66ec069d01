/// <reference lib="webworker" />
/**
 * Backtest worker: holds the dataset, runs backtests, comparisons and weight fits off the main
 * thread (see backtest-core.ts), posting progress between stages. The report card's bootstrap
 * and the Validation run's population part are shared with a helper worker on the second core
 * (resample-runner.ts). Messages are handled
 * one at a time, in order, also while a run waits for its helper. (The bench page times the
 * same library calls in its own worker, bench/backtest.worker.ts.)
 */
import { BacktestCore } from './backtest-core';
import type { BacktestReply, BacktestRequest } from './backtest-protocol';
import { createBacktestHelper } from './resample-runner';
import { errorFields } from './worker-error';

const core = new BacktestCore();
const helper = createBacktestHelper();
const post = (msg: BacktestReply) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

async function handle(msg: BacktestRequest): Promise<void> {
	switch (msg.type) {
		case 'backtest/data':
			core.setData(msg);
			post({ type: 'backtest/data-ready', id: msg.id });
			return;
		case 'backtest/run': {
			const progress = (stage: string) => post({ type: 'backtest/progress', id: msg.id, stage });
			const result = helper
				? await core.runShared(msg, helper.resamples, progress)
				: core.run(msg, progress);
			post({ type: 'backtest/result', id: msg.id, result });
			return;
		}
		case 'validation/run': {
			const progress = (stage: string) => post({ type: 'backtest/progress', id: msg.id, stage });
			const result = helper
				? await core.validateShared(msg, helper.populationPart, progress)
				: core.validate(msg, progress);
			post({ type: 'validation/result', id: msg.id, result });
			return;
		}
		case 'backtest/fit':
			post({ type: 'backtest/fit-result', id: msg.id, result: core.fit(msg) });
			return;
	}
}

let queue: Promise<void> = Promise.resolve();
self.onmessage = (e: MessageEvent<BacktestRequest>) => {
	const msg = e.data;
	queue = queue.then(() =>
		handle(msg).catch((err: unknown) =>
			post({ type: 'backtest/error', id: msg.id, ...errorFields(err) })
		)
	);
};

/// <reference lib="webworker" />
/**
 * Backtest worker: holds the dataset, runs backtests, comparisons and weight fits off the main
 * thread (see backtest-core.ts), posting progress between stages. (The bench page times the
 * same library calls in its own worker, bench/backtest.worker.ts.)
 */
import { BacktestCore } from './backtest-core';
import type { BacktestReply, BacktestRequest } from './backtest-protocol';

const core = new BacktestCore();
const post = (msg: BacktestReply) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

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
		}
	} catch (err) {
		post({
			type: 'backtest/error',
			id: msg.id,
			message: err instanceof Error ? err.message : String(err)
		});
	}
};

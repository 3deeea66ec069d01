/// <reference lib="webworker" />
/**
 * Score worker: holds the dataset's typed columns, scores them on each model it is sent and posts
 * back the score arrays (transferred) with the histogram and tier counts of the rows on show.
 */
import type { ColumnTable } from '$lib/model/types';
import { ScoreCore } from './score-core';
import type { ScoreReply, ScoreRequest } from './score-protocol';

const core = new ScoreCore();
const post = (msg: ScoreReply, transfer: Transferable[] = []) =>
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, transfer);

self.onmessage = (e: MessageEvent<ScoreRequest>) => {
	const msg = e.data;
	try {
		if (msg.type === 'score/table') {
			const table: ColumnTable = { n: msg.n, columns: new Map(msg.columns) };
			core.setTable(table, msg.rows);
			post({ type: 'score/table-ready', id: msg.id });
			return;
		}
		const { result, summary, reusedPoints, ms } = core.score(msg.model);
		const reply: ScoreReply = {
			type: 'score/result',
			id: msg.id,
			score: result.score,
			shown: result.shown,
			tier: result.tier,
			dimensions: result.dimensions,
			belowFloor: result.belowFloor,
			...summary,
			reusedPoints,
			workerMs: ms
		};
		post(reply, [
			result.score.buffer,
			result.shown.buffer,
			result.tier.buffer,
			...result.dimensions.map((d) => d.buffer),
			...(result.belowFloor ? [result.belowFloor.buffer] : [])
		]);
	} catch (err) {
		post({
			type: 'score/error',
			id: msg.id,
			message: err instanceof Error ? err.message : String(err)
		});
	}
};

/**
 * The score worker's message handling, apart from the worker globals so tests run it in-process.
 * The engine itself (caches, fast path) is $lib/model/engine/cache.ts.
 */
import { ScoreCore } from '$lib/model/engine/cache';
import type { ScoreReply, ScoreRequest } from './score-protocol';
import { CodedError, errorFields } from './worker-error';

/**
 * The score worker's message handling (the worker posts what this returns; tests call it
 * in-process): the reply to `msg` and the buffers to transfer with it.
 */
export function handleScoreRequest(
	core: ScoreCore,
	msg: ScoreRequest
): { reply: ScoreReply; transfer: Transferable[] } {
	try {
		if (msg.type === 'score/table') {
			core.setTable({ n: msg.n, columns: new Map(msg.columns) }, msg.rows);
			return { reply: { type: 'score/table-ready', id: msg.id }, transfer: [] };
		}
		if (!core.hasTable) throw new CodedError('no-dataset', 'no table');
		const { result, summary, reusedPoints, ms } = core.score(msg.model, {
			arrays: !!msg.arrays,
			withDimensions: !!msg.dimensions
		});
		const meta = { type: 'score/result' as const, id: msg.id, reusedPoints, workerMs: ms };
		if (!result) return { reply: { ...meta, ...summary, full: false }, transfer: [] };
		const { score, shown, tier, belowFloor, dimensions } = result;
		return {
			reply: { ...meta, ...summary, full: true, score, shown, tier, dimensions, belowFloor },
			transfer: [
				score.buffer,
				shown.buffer,
				tier.buffer,
				...(belowFloor ? [belowFloor.buffer] : []),
				...dimensions.map((d) => d.buffer)
			]
		};
	} catch (err) {
		return { reply: { type: 'score/error', id: msg.id, ...errorFields(err) }, transfer: [] };
	}
}

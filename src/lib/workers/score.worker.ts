/// <reference lib="webworker" />
/**
 * Score worker: holds the dataset's typed columns, scores them on each model it is sent and posts
 * back the histogram and tier counts of the rows on show, plus the per-row score arrays
 * (transferred) when the request asks for them (see score-protocol.ts).
 */
import { ScoreCore } from '$lib/model/engine/cache';
import { handleScoreRequest } from './score-core';
import type { ScoreRequest } from './score-protocol';

const core = new ScoreCore();

self.onmessage = (e: MessageEvent<ScoreRequest>) => {
	const { reply, transfer } = handleScoreRequest(core, e.data);
	(self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
};

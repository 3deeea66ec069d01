import { describe, expect, it } from 'vitest';
import { ScoreCore } from '$lib/model/engine/cache';
import { scoreTable } from '$lib/model/score';
import {
	segmentedSynthetic,
	syntheticModel,
	syntheticTable
} from '$lib/model/engine/testing/synthetic';
import { handleScoreRequest } from './score-core';

describe('handleScoreRequest', () => {
	it('sends the summary alone unless the arrays are asked for, and an error as data (no table yet)', () => {
		const core = new ScoreCore();
		const t = syntheticTable(300, 12);
		const model = syntheticModel(12);
		const ready = handleScoreRequest(core, {
			type: 'score/table',
			id: 1,
			n: 300,
			columns: [...t.columns],
			rows: null
		});
		expect(ready.reply.type).toBe('score/table-ready');
		const live = handleScoreRequest(core, { type: 'score/model', id: 2, model });
		expect(live.reply).toMatchObject({ type: 'score/result', id: 2, full: false, total: 300 });
		expect(live.transfer).toHaveLength(0);
		const full = handleScoreRequest(core, { type: 'score/model', id: 3, model, arrays: true });
		expect(full.reply).toMatchObject({ type: 'score/result', id: 3, full: true });
		expect(full.transfer).toHaveLength(3);
		if (full.reply.type === 'score/result' && full.reply.full)
			expect(Array.from(full.reply.shown)).toEqual(Array.from(scoreTable(model, t).shown));
		const bad = handleScoreRequest(new ScoreCore(), { type: 'score/model', id: 4, model });
		expect(bad.reply).toMatchObject({ type: 'score/error', id: 4 });
	});
});

describe('handleScoreRequest with dimensions', () => {
	it('sends every dimension column when asked, transferred, and keeps its own cache intact', () => {
		const { table, model } = segmentedSynthetic();
		const core = new ScoreCore();
		handleScoreRequest(core, {
			type: 'score/table',
			id: 1,
			n: table.n,
			columns: [...table.columns],
			rows: null
		});
		const ref = scoreTable(model, table);
		const D = model.dimensions.length;
		const plain = handleScoreRequest(core, { type: 'score/model', id: 2, model, arrays: true });
		expect(plain.reply).toMatchObject({ type: 'score/result', full: true, dimensions: [] });
		for (const id of [3, 4]) {
			const { reply, transfer } = handleScoreRequest(core, {
				type: 'score/model',
				id,
				model,
				dimensions: true
			});
			if (reply.type !== 'score/result' || !reply.full) throw new Error('expected arrays');
			expect(reply.dimensions).toHaveLength(D);
			reply.dimensions.forEach((d, i) =>
				expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!))
			);
			expect(Array.from(reply.score)).toEqual(Array.from(ref.score));
			for (const d of reply.dimensions) expect(transfer).toContain(d.buffer);
			// Post it as the worker does: the transferred buffers detach; the next reply (id 4,
			// served from the cache) must still be whole.
			structuredClone(reply, { transfer: transfer as ArrayBuffer[] });
			expect(reply.dimensions[0]!.length).toBe(0);
		}
	});
});

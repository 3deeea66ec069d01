import { describe, expect, it } from 'vitest';
import { scoreTable } from '$lib/model/score';
import { syntheticModel, syntheticTable } from './synthetic';
import { HIST_BINS, pointsKey, rescoreBench, ScoreCore } from './score-core';

describe('fastCombine', () => {
	it('is bit-identical to the engine with segments, overrides and every missing policy', () => {
		const table = syntheticTable(4000, 12, 3);
		const seg = new Int32Array(4000);
		for (let i = 0; i < 4000; i++) seg[i] = i % 7 === 0 ? -1 : i % 3;
		table.columns.set('segment', {
			kind: 'category',
			codes: seg,
			dictionary: ['SMB', 'Mid', 'Ent']
		});
		const base = syntheticModel(12);
		const model = {
			...base,
			minCoverage: 0.6,
			dimensions: base.dimensions.map((d, di) => ({
				...d,
				weight: di === 3 ? 0 : d.weight,
				metrics: d.metrics.map((m, j) => ({
					...m,
					missing: (['exclude', 'zero', 'neutral'] as const)[(di + j) % 3]!
				}))
			})),
			segments: {
				column: 'segment',
				overrides: [
					{
						value: 'SMB',
						weights: [
							{ id: 'd0', weight: 7 },
							{ id: 'm4', weight: 3 }
						]
					},
					{
						value: 'Ent',
						tiers: [
							{ id: 'g', name: 'G', min: 70, color: '#000000', action: '' },
							{ id: 'r', name: 'R', min: 0, color: '#000000', action: '' }
						]
					}
				]
			}
		};
		const core = new ScoreCore();
		core.setTable(table, null);
		const got = core.score(model, { withDimensions: true }).result;
		const ref = scoreTable(model, table);
		expect(Array.from(got.score)).toEqual(Array.from(ref.score));
		expect(Array.from(got.shown)).toEqual(Array.from(ref.shown));
		expect(Array.from(got.tier)).toEqual(Array.from(ref.tier));
		expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
		got.dimensions.forEach((d, i) => expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!)));
	});
});

describe('ScoreCore', () => {
	const table = syntheticTable(5000, 12);
	const model = syntheticModel(12);

	it('matches scoreTable and reuses points after a weight change', () => {
		const core = new ScoreCore();
		core.setTable(table, null);
		const first = core.score(model);
		expect(first.reusedPoints).toBe(false);
		const heavier = {
			...model,
			dimensions: model.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 9 } : d))
		};
		const second = core.score(heavier);
		expect(second.reusedPoints).toBe(true);
		const ref = scoreTable(heavier, table);
		expect(Array.from(second.result.shown)).toEqual(Array.from(ref.shown));
		expect(Array.from(second.result.tier)).toEqual(Array.from(ref.tier));
	});

	it('recomputes points when a scheme changes', () => {
		const core = new ScoreCore();
		core.setTable(table, null);
		core.score(model);
		const m0 = model.dimensions[0]!.metrics[0]!;
		const changed = {
			...model,
			dimensions: model.dimensions.map((d, i) =>
				i === 0
					? {
							...d,
							metrics: [
								{ ...m0, scheme: { kind: 'linear' as const, worst: 10, best: 90 } },
								...d.metrics.slice(1)
							]
						}
					: d
			)
		};
		expect(pointsKey(changed)).not.toBe(pointsKey(model));
		expect(core.score(changed).reusedPoints).toBe(false);
	});

	it('summarises the rows on show into a histogram and tier counts', () => {
		const core = new ScoreCore();
		const rows = Int32Array.from({ length: 1000 }, (_, i) => i * 5);
		core.setTable(table, rows);
		const { result, summary } = core.score(model);
		expect(summary.histogram.length).toBe(HIST_BINS);
		expect(summary.total).toBe(1000);
		const counts = [0, 0, 0];
		let not = 0;
		for (const i of rows) {
			const t = result.tier[i]!;
			if (t < 0) not++;
			else counts[t]!++;
		}
		expect(Array.from(summary.tierCounts)).toEqual(counts);
		expect(summary.notScored).toBe(not);
		expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(1000 - not);
		expect(Array.from(summary.baseHistogram)).toEqual(Array.from(summary.histogram));
	});
});

describe('rescoreBench', () => {
	it('times a weight change on a synthetic table', () => {
		const r = rescoreBench(2000, { runs: 5, change: 'metric' });
		expect(r.minMs).toBeGreaterThanOrEqual(0);
		expect(r.medianMs).toBeGreaterThanOrEqual(r.minMs);
		expect(r.p95Ms).toBeGreaterThanOrEqual(r.medianMs);
	});
});

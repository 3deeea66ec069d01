import { describe, expect, it } from 'vitest';
import { scoreTable } from '../score';
import { segmentGroups } from '../segments';
import type { ColumnTable, Model } from '../types';
import { HIST_BINS } from './constants';
import { pointsKey, ScoreCore } from './cache';
import { Scratch } from '../scratch';
import { segmentedSynthetic, syntheticModel, syntheticTable } from './testing/synthetic';

describe('ScoreCore against the reference engine', () => {
	it('is bit-identical to the engine with segments, overrides and every missing policy', () => {
		const { table, model } = segmentedSynthetic();
		const core = new ScoreCore();
		core.setTable(table, null);
		const got = core.score(model, { withDimensions: true }).result!;
		const ref = scoreTable(model, table);
		expect(Array.from(got.score)).toEqual(Array.from(ref.score));
		expect(Array.from(got.shown)).toEqual(Array.from(ref.shown));
		expect(Array.from(got.tier)).toEqual(Array.from(ref.tier));
		expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
		got.dimensions.forEach((d, i) => expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!)));
	});
});

describe('ScoreCore reusing its buffers', () => {
	it('scores table after table (longer, shorter, with floors) as new cores do, bit for bit', () => {
		const { table, model } = segmentedSynthetic();
		const floored: Model = {
			...model,
			dimensions: model.dimensions.map((d, k) => (k === 0 ? { ...d, floor: 40 } : d))
		};
		const cut = (from: number, to: number): ColumnTable => ({
			n: to - from,
			columns: new Map(
				[...table.columns].map(([name, c]) => [
					name,
					c.kind === 'number'
						? { kind: 'number', values: c.values.slice(from, to) }
						: { kind: 'category', codes: c.codes.slice(from, to), dictionary: c.dictionary }
				])
			)
		});
		const core = new ScoreCore({ buffers: new Scratch() });
		const bits = (x: Float64Array) => Array.from(new BigUint64Array(x.slice().buffer));
		for (const [from, to, m] of [
			[0, 1500, model],
			[1500, 4000, floored],
			[100, 700, model],
			[700, 701, floored],
			[0, 4000, model]
		] as const) {
			const t = cut(from, to);
			core.setTable(t, null);
			const got = core.score(m, { withDimensions: true }).result!;
			const ref = new ScoreCore();
			ref.setTable(t, null);
			const want = ref.score(m, { withDimensions: true }).result!;
			expect(got.n).toBe(to - from);
			expect(bits(got.score)).toEqual(bits(want.score));
			expect(Array.from(got.tier)).toEqual(Array.from(want.tier));
			expect(bits(got.coverage)).toEqual(bits(want.coverage));
			expect(got.belowFloor && Array.from(got.belowFloor)).toEqual(
				want.belowFloor && Array.from(want.belowFloor)
			);
			got.dimensions.forEach((d, i) => expect(bits(d)).toEqual(bits(want.dimensions[i]!)));
		}
	});
});

/** Summary of `rows` from the engine's own arrays (independent of the fused pass). */
function refSummary(model: Model, table: ColumnTable, rows: Int32Array) {
	const ref = scoreTable(model, table);
	const groups = segmentGroups(model, table);
	const own = [false, ...(model.segments?.overrides ?? []).map((o) => !!o.tiers)];
	const hist = new Array<number>(HIST_BINS).fill(0);
	const base = new Array<number>(HIST_BINS).fill(0);
	const tiers = new Array<number>(model.tiers.length).fill(0);
	const fixed = new Array<number>(model.tiers.length).fill(0);
	let not = 0;
	for (const i of rows) {
		const s = ref.shown[i]!;
		const t = ref.tier[i]!;
		if (Number.isNaN(s)) {
			not++;
			continue;
		}
		hist[s]!++;
		if (t >= 0) tiers[t]!++;
		if (own[groups ? groups[i]! : 0]) {
			if (t >= 0) fixed[t]!++;
		} else base[s]!++;
	}
	return { ref, hist, base, tiers, fixed, not };
}

describe('ScoreCore incremental', () => {
	it('recomputes only the dimensions a change touches and stays bit-identical', () => {
		const { table, model: m0 } = segmentedSynthetic();
		const start: Model = {
			...m0,
			dimensions: m0.dimensions.map((d, i) => (i === 1 ? { ...d, floor: 55 } : d))
		};
		const rows = Int32Array.from({ length: 1500 }, (_, i) => (i * 7) % 4000);
		const core = new ScoreCore();
		core.setTable(table, rows);
		const metric = (m: Model, d: number, j: number, patch: object): Model => ({
			...m,
			dimensions: m.dimensions.map((x, i) =>
				i !== d ? x : { ...x, metrics: x.metrics.map((y, k) => (k === j ? { ...y, ...patch } : y)) }
			)
		});
		const s1 = metric(start, 1, 2, { weight: 4 });
		const s2: Model = {
			...s1,
			segments: {
				...s1.segments!,
				overrides: s1.segments!.overrides.map((o, k) =>
					k === 0
						? {
								...o,
								weights: [
									{ id: 'd0', weight: 7 },
									{ id: 'm4', weight: 0.5 }
								]
							}
						: o
				)
			}
		};
		const s3 = metric(s2, 2, 0, { missing: 'exclude' });
		const s4: Model = {
			...s3,
			dimensions: s3.dimensions.map((d, i) => (i === 3 ? { ...d, weight: 2 } : d))
		};
		const s5: Model = { ...s4, minCoverage: 0.3 };
		// Same metric order, different split: m2 moves from dimension 0 to the head of dimension 1.
		const s6: Model = {
			...s5,
			dimensions: s5.dimensions.map((d, i) =>
				i === 0
					? { ...d, metrics: d.metrics.slice(0, 2) }
					: i === 1
						? { ...d, metrics: [s5.dimensions[0]!.metrics[2]!, ...d.metrics] }
						: d
			)
		};
		const steps: [Model, number][] = [
			[start, 4],
			[s1, 1],
			[s2, 1],
			[s3, 1],
			[s4, 0],
			[s5, 0],
			[s6, 2]
		];
		for (const [model, recomputed] of steps) {
			const live = core.score(model, { arrays: false });
			expect(live.result).toBeNull();
			expect(live.dimensionsComputed).toBe(recomputed);
			const full = core.score(model, { withDimensions: true });
			expect(full.dimensionsComputed).toBe(0);
			const got = full.result!;
			const { ref, hist, base, tiers, fixed, not } = refSummary(model, table, rows);
			expect(Array.from(got.score)).toEqual(Array.from(ref.score));
			expect(Array.from(got.shown)).toEqual(Array.from(ref.shown));
			expect(Array.from(got.tier)).toEqual(Array.from(ref.tier));
			expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
			got.dimensions.forEach((d, i) =>
				expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!))
			);
			const floors = model.dimensions.map((d) => d.floor ?? NaN);
			const below = Array.from({ length: table.n }, (_, i) =>
				floors.reduce((b, f, d) => (ref.dimensions[d]![i]! < f ? b | (1 << d) : b), 0)
			);
			expect(Array.from(got.belowFloor!)).toEqual(below);
			for (const sum of [live.summary, full.summary]) {
				expect(Array.from(sum.histogram)).toEqual(hist);
				expect(Array.from(sum.baseHistogram)).toEqual(base);
				expect(Array.from(sum.tierCounts)).toEqual(tiers);
				expect(Array.from(sum.fixedTierCounts)).toEqual(fixed);
				expect(sum.notScored).toBe(not);
				expect(sum.total).toBe(1500);
			}
		}
	});
});

describe('ScoreCore dimension shapes', () => {
	// Every dimension count (chunks of 4/3/2/1 dimensions) and metrics per dimension (1–5).
	it.each([[[12]], [[5, 4, 3]], [[1, 2, 3, 4, 2]], [[2, 2, 2, 2, 2, 2]], [[3, 1, 1, 1, 1, 1, 4]]])(
		'is bit-identical to the engine with metrics split %j',
		(split: number[]) => {
			const { table, model: m0 } = segmentedSynthetic();
			const metrics = m0.dimensions.flatMap((d) => d.metrics);
			let at = 0;
			const model: Model = {
				...m0,
				dimensions: split.map((k, d) => ({
					id: `d${d}`,
					name: `D${d}`,
					weight: d === 1 ? 0 : 1 + (d % 3),
					floor: d === 0 ? 40 : undefined,
					metrics: metrics.slice(at, (at += k))
				}))
			};
			const rows = Int32Array.from({ length: 900 }, (_, i) => (i * 3) % 4000);
			const core = new ScoreCore();
			core.setTable(table, rows);
			const { ref, hist, tiers, not } = refSummary(model, table, rows);
			const got = core.score(model, { withDimensions: true }).result!;
			expect(Array.from(got.score)).toEqual(Array.from(ref.score));
			expect(Array.from(got.tier)).toEqual(Array.from(ref.tier));
			expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
			got.dimensions.forEach((d, i) =>
				expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!))
			);
			const live = core.score(model, { arrays: false }).summary;
			expect(Array.from(live.histogram)).toEqual(hist);
			expect(Array.from(live.tierCounts)).toEqual(tiers);
			expect(live.notScored).toBe(not);
		}
	);
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
		expect(Array.from(second.result!.shown)).toEqual(Array.from(ref.shown));
		expect(Array.from(second.result!.tier)).toEqual(Array.from(ref.tier));
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
			const t = result!.tier[i]!;
			if (t < 0) not++;
			else counts[t]!++;
		}
		expect(Array.from(summary.tierCounts)).toEqual(counts);
		expect(summary.notScored).toBe(not);
		expect(summary.histogram.reduce((a, b) => a + b, 0)).toBe(1000 - not);
		expect(Array.from(summary.baseHistogram)).toEqual(Array.from(summary.histogram));
	});
});

function unsegmented(m: Model): Model {
	const copy = { ...m };
	delete copy.segments;
	return copy;
}

describe('ScoreCore row loop (every row on show, summary only)', () => {
	// ≤ 4 dimensions take one row loop with a dirty dimension of ≤ 4 metrics fused in; check it
	// (and the dimension columns it writes back) against the engine through a run of changes.
	it.each([[[12]], [[5, 4, 3]], [[3, 3, 3, 3]], [[4, 4, 4]], [[1, 11]], [[1, 2, 3, 4, 2]]])(
		'matches the engine with metrics split %j through metric, policy and dimension changes',
		(split: number[]) => {
			const { table, model: m0 } = segmentedSynthetic();
			const metrics = m0.dimensions.flatMap((d) => d.metrics);
			let at = 0;
			const model: Model = {
				...m0,
				dimensions: split.map((k, d) => ({
					id: `d${d}`,
					name: `D${d}`,
					weight: d === 1 ? 0 : 1 + (d % 3),
					floor: d === 0 ? 40 : undefined,
					metrics: metrics.slice(at, (at += k))
				}))
			};
			const D = split.length;
			const patch = (m: Model, d: number, j: number, p: object): Model => ({
				...m,
				dimensions: m.dimensions.map((x, i) =>
					i !== d ? x : { ...x, metrics: x.metrics.map((y, k) => (k === j ? { ...y, ...p } : y)) }
				)
			});
			const s1 = patch(model, 0, 0, { weight: 3 });
			const s2 = patch(s1, D - 1, 0, { weight: 0.25 });
			const s3 = patch(s2, D - 1, 0, { missing: 'neutral' });
			const s4: Model = {
				...s3,
				dimensions: s3.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 5 } : d))
			};
			const s5 = patch(patch(s4, 0, 0, { weight: 1 }), D - 1, 0, { weight: 2 });
			const s6: Model = { ...s5, minCoverage: 0.9 };
			const all = Int32Array.from({ length: table.n }, (_, i) => i);
			const core = new ScoreCore();
			core.setTable(table, null);
			const steps = [model, s1, s2, s3, s4, s5, s6];
			// The same steps without segments (one group: the loop's weights are constants).
			for (const m of [...steps, ...steps.map(unsegmented)]) {
				const live = core.score(m, { arrays: false });
				const { ref, hist, base, tiers, fixed, not } = refSummary(m, table, all);
				expect(Array.from(live.summary.histogram)).toEqual(hist);
				expect(Array.from(live.summary.baseHistogram)).toEqual(base);
				expect(Array.from(live.summary.tierCounts)).toEqual(tiers);
				expect(Array.from(live.summary.fixedTierCounts)).toEqual(fixed);
				expect(live.summary.notScored).toBe(not);
				// A drag step over ≤ 4 dimensions leaves its one dirty dimension unstored (stale).
				const full = core.score(m, { withDimensions: true });
				expect(full.dimensionsComputed).toBeLessThanOrEqual(1);
				const got = full.result!;
				expect(Array.from(got.score)).toEqual(Array.from(ref.score));
				expect(Array.from(got.coverage)).toEqual(Array.from(ref.coverage));
				got.dimensions.forEach((d, i) =>
					expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!))
				);
			}
			// Summary-only steps back to back (stale dimensions must be recomputed when reused).
			const live = new ScoreCore();
			live.setTable(table, null);
			const seq = [model, s1, s2, s1, s4, s3, s5, s6, s2, s4].flatMap((m) => [m, unsegmented(m)]);
			for (const m of seq) {
				const { summary } = live.score(m, { arrays: false });
				const { hist, tiers, not } = refSummary(m, table, all);
				expect(Array.from(summary.histogram)).toEqual(hist);
				expect(Array.from(summary.tierCounts)).toEqual(tiers);
				expect(summary.notScored).toBe(not);
			}
			const last = live.score(s4, { withDimensions: true }).result!;
			const ref = scoreTable(s4, table);
			expect(Array.from(last.score)).toEqual(Array.from(ref.score));
			last.dimensions.forEach((d, i) =>
				expect(Array.from(d)).toEqual(Array.from(ref.dimensions[i]!))
			);
		}
	);
});

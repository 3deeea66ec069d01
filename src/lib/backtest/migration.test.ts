import { describe, expect, it } from 'vitest';
import { scoreTable, templateById } from '$lib/model';
import { dimension, metric, model, numberTable } from '$lib/model/testing/models';
import { largestMove, tierChanges, tierMigration, weightedPoints } from './migration';

describe('tierMigration', () => {
	it('cross-tabulates tiers with not scored last, counting moves', () => {
		const a = Int8Array.from([0, 0, 1, 2, -1, 2, 1]);
		const b = Int8Array.from([0, 1, 1, 1, -1, -1, 0]);
		const m = tierMigration(a, b, ['G', 'Y', 'R'], ['G', 'Y', 'R']);
		expect(m.rows).toEqual(['G', 'Y', 'R', 'Not scored']);
		expect(m.counts).toEqual([
			[1, 1, 0, 0],
			[1, 1, 0, 0],
			[0, 1, 0, 1],
			[0, 0, 0, 1]
		]);
		expect(m.total).toBe(7);
		expect(m.changed).toBe(4); // 0→1, 2→1, 2→NS, 1→0
		expect(m.worse).toBe(1);
		expect(m.better).toBe(2);
		const sum = m.counts.flat().reduce((s, c) => s + c, 0);
		expect(sum).toBe(7);
	});
});

describe('weightedPoints', () => {
	it('hand example: two dimensions, re-weighting over what is present', () => {
		// d1 (w 3): a (w 1) = 80, b (w 3) missing/exclude → d1 = 80 ; d2 (w 1): c = 40 (w 1), z zero-policy missing (w 1) → 20
		const mdl = model([
			dimension('d1', [metric('a'), metric('b', { weight: 3 })], { weight: 3 }),
			dimension('d2', [metric('c'), metric('z', { missing: 'zero' })], { weight: 1 })
		]);
		const pts = [[80], [NaN], [40], [NaN]].map((v) => Float64Array.from(v));
		const w = weightedPoints(mdl, pts, 0);
		expect(w.get('a')).toBeCloseTo(0.75 * 80, 12);
		expect(w.has('b')).toBe(false);
		expect(w.get('c')).toBeCloseTo(0.25 * 0.5 * 40, 12);
		expect(w.get('z')).toBe(0);
		// total = 0.75·80 + 0.25·20 = 65
		expect([...w.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(65, 12);
	});

	it('adds up to the engine score on the usage-led template', () => {
		const tpl = templateById('usage-led-saas')!.model;
		const table = numberTable({
			seat_utilisation_pct: [85, 30, NaN],
			login_trend_pct: [5, -40, 0],
			feature_adoption_pct: [60, 20, NaN],
			tickets_60d: [1, 7, NaN],
			escalations_90d: [0, 2, 0],
			nps: [9, NaN, 7],
			exec_sponsor_engaged: [1, 0, NaN],
			days_late: [0, 45, 3],
			months_to_renewal: [10, 1, 6]
		});
		const r = scoreTable(tpl, table);
		for (let i = 0; i < 3; i++) {
			if (Number.isNaN(r.score[i]!)) continue;
			const w = weightedPoints(tpl, r.metricPoints, i);
			expect([...w.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(r.score[i]!, 9);
		}
	});
});

describe('tierChanges', () => {
	it('names the metric whose weighted points moved most, biggest score change first', () => {
		const champ = model([dimension('d', [metric('a'), metric('b')])]);
		const chall = model([dimension('d', [metric('a', { weight: 3 }), metric('b')])]);
		const table = numberTable({ a: [90, 10, 50], b: [50, 90, 50] });
		const A = scoreTable(champ, table);
		const B = scoreTable(chall, table);
		// Row 0: 70 → 80 (Yellow → Green); row 1: 50 → 30 (Yellow → Red); row 2 unchanged (50).
		const out = tierChanges(
			{ model: champ, score: A.score, tier: A.tier, metricPoints: A.metricPoints },
			{ model: chall, score: B.score, tier: B.tier, metricPoints: B.metricPoints }
		);
		expect(out.map((c) => c.row)).toEqual([1, 0]);
		expect(out[0]).toMatchObject({ fromTier: 1, toTier: 2, fromScore: 50, toScore: 30 });
		// Row 1: a 0.5·10 = 5 → 0.75·10 = 7.5 (Δ 2.5); b 45 → 22.5 (Δ 22.5): b moved it.
		expect(out[0]!.metricId).toBe('b');
		expect(out[0]!.metricFrom).toBeCloseTo(45, 12);
		expect(out[0]!.metricTo).toBeCloseTo(22.5, 12);
		expect(
			tierChanges(
				{ model: champ, score: A.score, tier: A.tier, metricPoints: A.metricPoints },
				{ model: chall, score: B.score, tier: B.tier, metricPoints: B.metricPoints },
				1
			)
		).toHaveLength(1);
	});

	it('largestMove counts a metric only one model has as 0 in the other', () => {
		const m = largestMove(
			new Map([['a', 10]]),
			new Map([
				['a', 12],
				['b', 5]
			])
		);
		expect(m).toEqual({ id: 'b', from: 0, to: 5 });
		expect(largestMove(new Map(), new Map()).id).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { dimension, metric, model, numberTable } from '$lib/model/testing/models';
import { ABSENT, buildScoreHistory, gridIndexAt, historyGrid } from './history';
import { leadTime, metricLeadTime } from './leadtime';
import { gatherTable } from './asof';
import { mulberry32, uniform } from './rng';
import { accountIndex, selectPointInTime } from './select';
import { scoreTable } from '$lib/model/score';

// One linear metric 0→100, so score = value. Default tiers: Green ≥ 80, Yellow 50–79, Red < 50.
// Grid days 0, 30, …, 150. Accounts (snapshot day: value; churn day):
//   A: 0:90 30:90 60:70 90:40 120:40, churns 130
//   B: 0:85 30:85 60:85 90:85 120:85, churns 125 (never warned)
//   C: 60:30 90:30, churns 100 (no score 60 or 90 days before)
//   D: 0..150 all 100, retained
//   E: 0:60, churns 20
const rows: [string, number, number, number][] = [];
const add = (id: string, snaps: [number, number][], churn: number) =>
	snaps.forEach(([d, v]) => rows.push([id, d, v, churn]));
add(
	'A',
	[
		[0, 90],
		[30, 90],
		[60, 70],
		[90, 40],
		[120, 40]
	],
	130
);
add(
	'B',
	[
		[0, 85],
		[30, 85],
		[60, 85],
		[90, 85],
		[120, 85]
	],
	125
);
add(
	'C',
	[
		[60, 30],
		[90, 30]
	],
	100
);
add(
	'D',
	[0, 30, 60, 90, 120, 150].map((d) => [d, 100] as [number, number]),
	NaN
);
add('E', [[0, 60]], 20);
const data = {
	account: rows.map((r) => r[0]),
	snapshotDay: Float64Array.from(rows, (r) => r[1]),
	churnDay: Float64Array.from(rows, (r) => r[3])
};
const table = numberTable({ m: rows.map((r) => r[2]) });
const m = model([dimension('d', [metric('m')])]);
const grid = [0, 30, 60, 90, 120, 150];
const h = buildScoreHistory(data, table, m, grid, 150);

describe('buildScoreHistory', () => {
	it('scores each account on its latest snapshot at each date, absent before/after its life', () => {
		// Accounts in first-appearance order: A B C D E.
		expect(Array.from(h.score[2]!)).toEqual([70, 85, 30, 100, NaN]);
		expect(Array.from(h.tier[0]!)).toEqual([0, 0, ABSENT, 0, 1]);
		expect(Array.from(h.tier[3]!)).toEqual([2, 0, 2, 0, ABSENT]);
		expect(Array.from(h.tier[5]!)).toEqual([ABSENT, ABSENT, ABSENT, 0, ABSENT]);
		expect(Array.from(h.churnDay)).toEqual([130, 125, 100, NaN, 20]);
		expect(Array.from(h.lastSeenDay)).toEqual([120, 120, 90, 150, 0]);
	});
	it('gridIndexAt and historyGrid', () => {
		expect(gridIndexAt(grid, 100)).toBe(3);
		expect(gridIndexAt(grid, 120, 120)).toBe(3);
		expect(gridIndexAt(grid, -1)).toBe(-1);
		expect(historyGrid([1, 2, 3], 36)).toEqual([1, 2, 3]);
		expect(historyGrid([1, 2, 3, 4, 5, 6], 3)).toEqual([2, 4, 6]);
	});
});

describe('leadTime (hand-worked)', () => {
	const r = leadTime(h, { redTier: 2 });
	it('share of churners not Green 30 / 60 / 90 days before churn', () => {
		// 30 d: A at 100 → grid 90 → 40 Red; B 95 → 85 Green; C 70 → 30 Red; E has no score.
		expect(r.leads[0]).toMatchObject({ days: 30, churners: 3, nonGreen: 2, red: 2 });
		expect(r.leads[0]!.share.rate).toBeCloseTo(2 / 3, 12);
		// 60 d: A at 70 → grid 60 → 70 Yellow; B Green; C absent at 40.
		expect(r.leads[1]).toMatchObject({ days: 60, churners: 2, nonGreen: 1, red: 0 });
		// 90 d: A at 40 → grid 30 → 90 Green; B Green.
		expect(r.leads[2]).toMatchObject({ days: 90, churners: 2, nonGreen: 0 });
		expect(r.churners).toBe(4);
	});
	it('60–90-day window: any score in force from c − 90 to c − 60', () => {
		// A: grids 30 (Green) and 60 (Yellow) → non-Green; B Green; C not scored at c − 90.
		expect(r.window).toMatchObject({ churners: 2, nonGreen: 1, red: 0 });
	});
	it('days from first Red / first non-Green to churn', () => {
		// Churners scored before churn: A, B, C, E. First Red: A 130 − 90 = 40, C 100 − 60 = 40.
		expect(r.firstRed).toMatchObject({ churners: 4, warned: 2, medianDays: 40 });
		// First non-Green: A 130 − 60 = 70, C 40, E 20 − 0 = 20 → median 40, quartiles 30, 55.
		expect(r.firstNonGreen).toMatchObject({
			warned: 3,
			medianDays: 40,
			q1Days: 30,
			q3Days: 55
		});
	});
	it('trajectories aligned on churn date (retained: on the last grid date)', () => {
		const t0 = r.trajectory[0]!;
		// Just before churn: A 40, B 85, C 30, E 60.
		expect(t0.churnedN).toBe(4);
		expect(t0.churnedMean).toBeCloseTo((40 + 85 + 30 + 60) / 4, 5);
		expect(t0.retainedMean).toBe(100);
		// 30 days before: A 40, B 85, C 30.
		expect(r.trajectory[1]!.churnedMean).toBeCloseTo((40 + 85 + 30) / 3, 5);
		expect(r.trajectory[1]!.days).toBe(30);
	});
	it('empty history', () => {
		const e = leadTime({ ...h, days: [], score: [], tier: [], accounts: 0 }, { redTier: 2 });
		expect(e.churners).toBe(0);
		expect(e.leads[0]!.share.rate).toBeNaN();
		expect(e.firstRed.medianDays).toBeNaN();
	});
});

describe('buildScoreHistory = selectPointInTime + scoreTable at every grid day', () => {
	it('random rows (unsorted, tied days, undated, flagged without a date)', () => {
		const r32 = mulberry32(5);
		const rnd = () => uniform(r32);
		const N = 600;
		const account = Array.from({ length: N }, () => `K${Math.floor(rnd() * 80)}`);
		const snapshotDay = Float64Array.from({ length: N }, () =>
			rnd() < 0.03 ? NaN : Math.floor(rnd() * 12) * 10 + (rnd() < 0.3 ? 5 : 0)
		);
		const churnOf = new Map<string, number>();
		for (const a of new Set(account)) churnOf.set(a, rnd() < 0.4 ? Math.floor(rnd() * 130) : NaN);
		const churnDay = Float64Array.from(account, (a) => churnOf.get(a)!);
		const churnedFlag = Uint8Array.from(account, (a, i) =>
			!Number.isNaN(churnDay[i]!) || a.endsWith('7') ? 1 : 0
		);
		const d = { account, snapshotDay, churnDay, churnedFlag };
		const t = numberTable({ m: Array.from({ length: N }, () => Math.round(rnd() * 100)) });
		const pm = model([
			dimension('d', [metric('m', { scheme: { kind: 'percentile', within: 'portfolio' } })])
		]);
		const days = [0, 20, 45, 50, 90, 115];
		const hist = buildScoreHistory(d, t, pm, days, 200);
		const { of } = accountIndex(account);
		days.forEach((D, g) => {
			const sel = selectPointInTime(d, { asOfDay: D, horizonDays: 0, dataEndDay: Infinity });
			const r = scoreTable(pm, gatherTable(t, sel.rows));
			const want = new Float32Array(hist.accounts).fill(NaN);
			sel.rows.forEach((row, j) => (want[of[row]!] = r.score[j]!));
			expect(Array.from(hist.score[g]!)).toEqual(Array.from(want));
			// The rows in force are the selection's, ascending (drift reads them).
			expect(Array.from(hist.rows[g]!)).toEqual(Array.from(sel.rows).sort((x, y) => x - y));
		});
	});
});

describe('metricLeadTime (the fixture above, value = the metric)', () => {
	it('days from the first date in the worst band to churn, median over churners', () => {
		const values = Float64Array.from(rows, (r) => r[2]);
		const h = buildScoreHistory(data, table, m, [0, 30, 60, 90, 120, 150], 200);
		// Band "at or below 70": A first at 60 (churns 130 → 70 days), C at 60 (churns 100 → 40),
		// E at 0 (60; churns 20 → 20), B never (85). Gaps 20, 40, 70 → median 40, quartiles
		// (type 7) 30 and 55.
		const low = metricLeadTime(h, values, 70, 'higher');
		expect(low.warned).toBe(3);
		expect(low.medianDays).toBe(40);
		expect([low.q1Days, low.q3Days]).toEqual([30, 55]);
		// Band "at or above 85" for a lower-is-better reading: A at 0 (130), B at 0 (125).
		const high = metricLeadTime(h, values, 85, 'lower');
		expect(high.warned).toBe(2);
		expect(high.medianDays).toBe(127.5);
	});

	it('the same with the rows in reverse order (a later row first in the table)', () => {
		const back = [...rows].reverse();
		const d = {
			account: back.map((r) => r[0]),
			snapshotDay: Float64Array.from(back, (r) => r[1]),
			churnDay: Float64Array.from(back, (r) => r[3])
		};
		const t = numberTable({ m: back.map((r) => r[2]) });
		const hb = buildScoreHistory(d, t, m, [0, 30, 60, 90, 120, 150], 200);
		const low = metricLeadTime(
			hb,
			Float64Array.from(back, (r) => r[2]),
			70,
			'higher'
		);
		expect([low.warned, low.medianDays, low.q1Days, low.q3Days]).toEqual([3, 40, 30, 55]);
	});
});

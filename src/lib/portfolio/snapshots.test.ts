import { describe, expect, it } from 'vitest';
import { groupSnapshots, historyByMonth, metricChange, monthOf, scoreDrops } from './snapshots';

/** Days since 1970-01-01 (UTC), as the dataset stores dates. */
const d = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
// Rows out of order on purpose: A has Jan, Mar, Feb; B has Feb only.
const ids = ['A', 'B', 'A', 'A'];
const dates = Float64Array.from([
	d('2024-01-31'),
	d('2024-02-29'),
	d('2024-03-31'),
	d('2024-02-29')
]);

describe('groupSnapshots', () => {
	it('groups rows by account in date order and picks the latest', () => {
		const s = groupSnapshots(ids, dates);
		expect(s.accounts).toBe(2);
		expect(s.accountIds).toEqual(['A', 'B']);
		expect(Array.from(s.offsets)).toEqual([0, 3, 4]);
		expect(Array.from(s.order)).toEqual([0, 3, 2, 1]);
		expect(Array.from(s.latest)).toEqual([2, 1]);
	});
	it('without dates the last row of an id is the latest', () => {
		expect(Array.from(groupSnapshots(['x', 'y', 'x'], null).latest)).toEqual([2, 1]);
	});
});

describe('history and flags', () => {
	const shown = Float64Array.from([85, 40, 62, 70]);
	const tier = Int8Array.from([0, 2, 1, 1]);
	it('mixes tiers per month', () => {
		expect(monthOf(d('2024-02-29'))).toBe('2024-02');
		const h = historyByMonth(dates, shown, tier, 3);
		expect(h.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-03']);
		expect(h.map((m) => m.tierCounts)).toEqual([
			[1, 0, 0],
			[0, 1, 1],
			[0, 1, 0]
		]);
		expect(h[1]?.meanScore).toBe(55);
	});
	it.each([
		[90, [23, 0]], // A: max(85, 70) − 62
		[31, [8, 0]], // only Feb (31 days back) counts: 70 − 62
		[10, [0, 0]]
	])('score drop within %d days', (days, want) => {
		const s = groupSnapshots(ids, dates);
		expect(Array.from(scoreDrops(s, dates, shown, days))).toEqual(want);
	});
	it('measures a metric change over about 60 days', () => {
		const s = groupSnapshots(ids, dates);
		const logins = Float64Array.from([100, 5, 60, 80]);
		const c = metricChange(s, dates, logins, 60);
		expect(c[0]).toBeCloseTo(-0.4); // Jan 31 is 60 days before Mar 31: 100 → 60
		expect(c[1]).toBeNaN();
	});
});

import { describe, expect, it } from 'vitest';
import { gatherRows, selectCrossSectional, selectPointInTime, selectRolling } from './select';
import { rocAuc } from './metrics';
import { mulberry32, uniform } from './rng';

// Day numbers: T = 100, H = 30, data known to day 200.
// a: snapshots 50, 90, 120 (after T), churns at 110 → label 1, row 1
// b: snapshots 80, 100 (= T), churns at 95 → churned before T: out
// c: snapshot 60, never churns → label 0 (T + H = 130 ≤ 200)
// d: only snapshot at 105 (after T) → no snapshot
// e: snapshot 70, churns at 140 (after the horizon) → label 0
// f: snapshot 99, flagged churned without a date → churnDateUnknown
const account = ['a', 'a', 'a', 'b', 'b', 'c', 'd', 'e', 'f'];
const snapshotDay = Float64Array.from([50, 90, 120, 80, 100, 60, 105, 70, 99]);
const churnDay = Float64Array.from([NaN, NaN, 110, 95, 95, NaN, NaN, 140, NaN]);
const churnedFlag = Uint8Array.from([0, 0, 1, 1, 1, 0, 0, 1, 1]);
const data = { account, snapshotDay, churnDay, churnedFlag };

describe('selectPointInTime', () => {
	it('latest snapshot ≤ T, label churned in (T, T + H], exclusions counted', () => {
		const s = selectPointInTime(data, { asOfDay: 100, horizonDays: 30, dataEndDay: 200 });
		expect(Array.from(s.rows)).toEqual([1, 5, 7]);
		expect(Array.from(s.labels)).toEqual([1, 0, 0]);
		expect(s.counts).toEqual({
			accounts: 6,
			selected: 3,
			positives: 1,
			negatives: 2,
			noSnapshot: 1,
			churnedBefore: 1,
			censored: 0,
			churnDateUnknown: 1,
			unlabelled: 0
		});
	});

	it('censors accounts whose horizon runs past the end of the data', () => {
		// data known to day 120; T + H = 130: a churned at 110 (known) → 1; c and e not churned
		// by day 120 → censored, not labelled retained.
		const s = selectPointInTime(data, { asOfDay: 100, horizonDays: 30, dataEndDay: 120 });
		expect(Array.from(s.rows)).toEqual([1]);
		expect(Array.from(s.labels)).toEqual([1]);
		expect(s.counts).toMatchObject({ selected: 1, censored: 2, churnedBefore: 1 });
		// e's churn on day 140 is after the data end: unknown, so e is censored not churned,
		// even with a horizon that reaches it.
		const t = selectPointInTime(data, { asOfDay: 100, horizonDays: 45, dataEndDay: 130 });
		expect(t.counts).toMatchObject({ censored: 2, positives: 1 });
	});

	it('never peeks: changing every value dated after T leaves the selection and AUC unchanged', () => {
		const n = 3000;
		const rng = mulberry32(7);
		const acct = new Int32Array(n);
		const day = new Float64Array(n);
		const churn = new Float64Array(n);
		const score = new Float64Array(n);
		const metric = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const a = i % 500;
			acct[i] = a;
			day[i] = Math.floor(uniform(rng) * 365);
			churn[i] = a % 4 === 0 ? 100 + (a % 200) : NaN;
			score[i] = uniform(rng) * 100;
			metric[i] = uniform(rng) * 50;
		}
		const T = 180;
		const opts = { asOfDay: T, horizonDays: 90, dataEndDay: 364 };
		const run = (sc: Float64Array, dy: Float64Array) => {
			const s = selectPointInTime({ account: acct, snapshotDay: dy, churnDay: churn }, opts);
			return { s, auc: rocAuc(gatherRows(sc, s.rows), s.labels), m: gatherRows(metric, s.rows) };
		};
		const before = run(score, day);
		const score2 = score.slice();
		const day2 = day.slice();
		for (let i = 0; i < n; i++) {
			if (day[i]! > T) {
				score2[i] = 1000 - score[i]!;
				metric[i] = -1;
				day2[i] = T + 1 + ((day[i]! * 7) % 100); // still after T
			}
		}
		const after = run(score2, day2);
		expect(after.s).toEqual(before.s);
		expect(after.auc).toBe(before.auc);
		expect(after.m).toEqual(before.m);
		expect(before.s.counts.selected).toBeGreaterThan(300);
	});

	it('rolling: one selection per as-of day', () => {
		const r = selectRolling(data, [60, 100], 30, 200);
		expect(r.map((s) => s.asOfDay)).toEqual([60, 100]);
		// T = 60: a (row 0), c (row 5) have snapshots; a churns at 110 > 90 → 0
		expect(Array.from(r[0]!.rows)).toEqual([0, 5]);
		expect(Array.from(r[0]!.labels)).toEqual([0, 0]);
	});
});

describe('selectCrossSectional', () => {
	it('labels = churned flag; missing flags counted', () => {
		const s = selectCrossSectional(Float64Array.from([1, 0, NaN, 1, 2]));
		expect(Array.from(s.rows)).toEqual([0, 1, 3]);
		expect(Array.from(s.labels)).toEqual([1, 0, 1]);
		expect(s.counts).toMatchObject({ selected: 3, positives: 2, negatives: 1, unlabelled: 2 });
	});
});

import { describe, expect, it } from 'vitest';
import { kaplanMeier } from '$lib/backtest/survival';
import type { SignalRow } from '$lib/backtest/signals';
import { kmStepPoints, retentionAt, sortSignals, survivalCsv } from './tables';

describe('Validation table builders', () => {
	// Times 2 (churn), 3 (censored), 5 (churn), 8 (censored): S = 3/4 after day 2, 3/4·1/2 after 5.
	const km = kaplanMeier([2, 3, 5, 8], [1, 0, 1, 0]);
	it('step points of a KM curve', () => {
		expect(kmStepPoints(km, 10)).toEqual([
			[0, 1],
			[2, 1],
			[2, 0.75],
			[5, 0.75],
			[5, 0.375],
			[10, 0.375]
		]);
		expect(kmStepPoints(km, 4)).toEqual([
			[0, 1],
			[2, 1],
			[2, 0.75],
			[4, 0.75]
		]);
	});
	it('retention at a day, with the interval of the last step', () => {
		expect(retentionAt(km, 1)).toEqual({ s: 1, lo: NaN, hi: NaN });
		expect(retentionAt(km, 4).s).toBe(0.75);
		expect(retentionAt(km, 4).lo).toBe(km.steps[0]!.lo);
	});
	it('survival CSV has one line per step', () => {
		const rows = survivalCsv({
			asOfDay: 0,
			accounts: 4,
			followUpDays: 8,
			tiers: [{ tier: 0, name: 'Green', color: '#0f0', km }],
			logRank: { groups: [], chi2: NaN, df: 0, p: NaN },
			concordance: { c: NaN, comparable: 0, concordant: 0, tied: 0 }
		});
		expect(rows).toHaveLength(3);
		expect(rows[1]!.slice(0, 6)).toEqual(['Green', '2', '4', '1', '0', '0.75']);
	});
	it('sorts signals, NaN last', () => {
		const row = (id: string, auc: number) => ({ id, name: id, auc }) as SignalRow;
		const rows = [row('b', 0.6), row('a', NaN), row('c', 0.8)];
		expect(sortSignals(rows, 'auc', true).map((r) => r.id)).toEqual(['c', 'b', 'a']);
		expect(sortSignals(rows, 'auc', false).map((r) => r.id)).toEqual(['b', 'c', 'a']);
		expect(sortSignals(rows, 'name', false).map((r) => r.id)).toEqual(['a', 'b', 'c']);
	});
});

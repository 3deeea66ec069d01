import { describe, expect, it } from 'vitest';
import { dimension, metric, model, numberTable } from '$lib/model/testing/models';
import { changeSplit } from './change';

// Two dimensions of one linear 0–100 metric each (points = value). Earlier model: weights 1 : 1;
// later model: 3 : 1. Accounts (earlier date → later date):
//   X (0): a 40, b 80 → a 60, b 80      Y (1): a 100, b 0 → a 100, b 50
//   Z (2): only at the later date (left out).
// By hand, contributions (a, b):
//   X: earlier (20, 40) = 60; earlier model on new data (30, 40) = 70; later model (45, 20) = 65
//      customer (+10, 0), formula (+15, −20), total +5
//   Y: earlier (50, 0) = 50; earlier model on new data (50, 25) = 75; later (75, 12.5) = 87.5
//      customer (0, +25), formula (+25, −12.5), total +37.5
//   Portfolio means: customer (5, 12.5), formula (20, −16.25), total 21.25.
const lin = { kind: 'linear' as const, worst: 0, best: 100 };
const before = model([
	dimension('a', [metric('a', { scheme: lin })], { weight: 1 }),
	dimension('b', [metric('b', { scheme: lin })], { weight: 1 })
]);
const after = model([
	dimension('a', [metric('a', { scheme: lin })], { weight: 3 }),
	dimension('b', [metric('b', { scheme: lin })], { weight: 1 })
]);
const from = { table: numberTable({ a: [40, 100], b: [80, 0] }), account: [0, 1] };
const to = { table: numberTable({ a: [100, 60, 10], b: [50, 80, 10] }), account: [1, 0, 2] };

describe('changeSplit: the customer changed vs the formula changed (hand-computed)', () => {
	const r = changeSplit(before, after, from, to);
	it('portfolio', () => {
		const p = r.portfolio;
		expect(p.accounts).toBe(2);
		expect(p.fromScore).toBe(55);
		expect(p.toScore).toBe(76.25);
		expect(p.dimensions.map((d) => d.id)).toEqual(['a', 'b']);
		expect(p.dimensions.map((d) => d.customer)).toEqual([5, 12.5]);
		expect(p.dimensions.map((d) => d.formula)).toEqual([20, -16.25]);
		expect(p.customer + p.formula).toBeCloseTo(p.toScore - p.fromScore, 12);
	});
	it('one account at a time (largest move first)', () => {
		expect(r.movers.map((m) => m.account)).toEqual([1, 0]);
		const x = r.movers[1]!;
		expect([x.fromScore, x.toScore]).toEqual([60, 65]);
		expect(x.dimensions.map((d) => [d.customer, d.formula])).toEqual([
			[10, 15],
			[0, -20]
		]);
		const y = r.movers[0]!;
		expect(y.dimensions.map((d) => [d.from, d.to])).toEqual([
			[50, 75],
			[0, 12.5]
		]);
		expect([y.customer, y.formula]).toEqual([25, 12.5]);
	});
	it('same model: everything is the customer; a new dimension counts as the formula', () => {
		const same = changeSplit(before, before, from, to);
		expect(same.portfolio.formula).toBe(0);
		expect(same.portfolio.customer).toBe(same.portfolio.toScore - same.portfolio.fromScore);
		const only = model([dimension('a', [metric('a', { scheme: lin })])]);
		const grown = changeSplit(only, before, from, to).movers.find((m) => m.account === 0)!;
		// X: earlier (a alone) 40; new data 60; later model (a, b) = (30, 40) → formula a −30, b +40.
		expect(grown.dimensions.map((d) => [d.id, d.customer, d.formula])).toEqual([
			['a', 20, -30],
			['b', 0, 40]
		]);
	});
});

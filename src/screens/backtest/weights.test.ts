import { describe, expect, it } from 'vitest';
import { templateById } from '$lib/model';
import { dimension, metric, model } from '$lib/model/testing/models';
import { acceptBlocker, currentWeights } from './weights';

describe('currentWeights', () => {
	it('is dimension share × metric share × 100', () => {
		const m = model([
			dimension('a', [metric('x', { weight: 1 }), metric('y', { weight: 3 })], { weight: 3 }),
			dimension('b', [metric('z')], { weight: 1 })
		]);
		const w = currentWeights(m);
		expect(w.get('x')).toBeCloseTo(18.75, 12);
		expect(w.get('y')).toBeCloseTo(56.25, 12);
		expect(w.get('z')).toBeCloseTo(25, 12);
	});

	it('sums to 100 on a template', () => {
		const w = currentWeights(templateById('usage-led-saas')!.model);
		expect([...w.values()].reduce((s, v) => s + v, 0)).toBeCloseTo(100, 9);
	});
});

describe('acceptBlocker', () => {
	const ok = { busy: false, hasWeights: true, stale: false, problem: null };
	it('is null when the step can be accepted', () => {
		expect(acceptBlocker(ok)).toBeNull();
	});
	it('names each reason in plain words', () => {
		expect(acceptBlocker({ ...ok, hasWeights: false })).toMatch(/no metric lowers the churn risk/);
		expect(acceptBlocker({ ...ok, busy: true })).toMatch(/Wait for the backtest/);
		expect(acceptBlocker({ ...ok, stale: true })).toMatch(/model changed since this fit/);
		expect(acceptBlocker({ ...ok, problem: 'Green churns more.' })).toBe(
			'Refused: Green churns more. Pick another rule for the thresholds, or keep the current weights.'
		);
	});
});

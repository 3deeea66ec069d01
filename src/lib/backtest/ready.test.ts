import { describe, expect, it } from 'vitest';
import { DEFAULT_READY, readyCheck } from './ready';
import { wilson } from './wilson';

const tier = (name: string, accounts: number, churners: number) => ({
	name,
	accounts,
	churners,
	churnRate: wilson(churners, accounts)
});

describe('readyCheck', () => {
	// 1000 accounts: Green 700 (14 churn), Yellow 200 (20), Red 100 (40): base 74/1000 = 7.4 %.
	const tiers = [tier('Green', 700, 14), tier('Yellow', 200, 20), tier('Red', 100, 40)];
	const lead = { churners: 60, nonGreen: 45, share: wilson(45, 60) };
	const lines = readyCheck({ tiers, baseRate: 0.074, leadWindow: lead });
	const byId = Object.fromEntries(lines.map((l) => [l.id, l]));
	it('passes a good model, with its figures', () => {
		// Red: Wilson(40, 100) lower bound = 0.3094 (Newcombe method 3) → 0.3094 / 0.074 = 4.18.
		expect(byId['red-lift']!.value).toBeCloseTo(wilson(40, 100).lo / 0.074, 12);
		expect(wilson(40, 100).lo).toBeCloseTo(0.3094, 4);
		expect(byId['red-lift']!.status).toBe('pass');
		expect(byId['lead']).toMatchObject({ status: 'pass', value: 0.75 });
		expect(byId['green-share']).toMatchObject({ status: 'pass', value: 0.7 });
		// Green 2 % [1.19, 3.34 %], Yellow 10 % [6.6, 14.9 %], Red 40 % [30.9, 49.8 %]: no overlap.
		expect(byId['tier-order']!.status).toBe('pass');
		expect(byId['events']).toMatchObject({ status: 'pass', value: 74 });
	});
	it('fails each line when it should; thresholds are editable', () => {
		const bad = readyCheck(
			{
				tiers: [tier('Green', 900, 50), tier('Yellow', 60, 5), tier('Red', 40, 4)],
				baseRate: 0.059,
				leadWindow: { churners: 30, nonGreen: 10, share: wilson(10, 30) }
			},
			{ ...DEFAULT_READY, minEvents: 100 }
		);
		expect(bad.map((l) => l.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'fail']);
		expect(bad[4]!.value).toBe(59);
		const lenient = readyCheck(
			{ tiers, baseRate: 0.074, leadWindow: lead },
			{ minRedLift: 5, minLeadShare: 0.8, maxGreenShare: 0.6, minEvents: 10 }
		);
		expect(lenient.map((l) => l.status)).toEqual(['fail', 'fail', 'fail', 'pass', 'pass']);
	});
	it('unknown when a figure cannot be computed', () => {
		const none = readyCheck({
			tiers: [tier('Green', 0, 0), tier('Red', 0, 0)],
			baseRate: NaN,
			leadWindow: { churners: 0, nonGreen: 0, share: wilson(0, 0) }
		});
		expect(none.slice(0, 4).map((l) => l.status)).toEqual([
			'unknown',
			'unknown',
			'unknown',
			'unknown'
		]);
	});
});

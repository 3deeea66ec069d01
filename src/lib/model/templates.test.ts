import { describe, expect, it } from 'vitest';
import { scoreAccount } from './account';
import { allMetrics } from './structure';
import { DEFAULT_TIERS, TEMPLATES, templateById } from './templates';
import { validateModel } from './validate';

describe('templates', () => {
	it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s validates', (_id, t) => {
		expect(validateModel(JSON.parse(JSON.stringify(t.model)))).toEqual({
			ok: true,
			model: t.model
		});
		for (const m of allMetrics(t.model)) {
			expect(m.hint, m.id).toBeTruthy();
			expect(m.why, m.id).toBeTruthy();
		}
	});

	it('ids and lookup', () => {
		expect(TEMPLATES.map((t) => t.id)).toEqual(['four-dimensions', 'usage-led-saas']);
		expect(templateById('usage-led-saas')?.name).toBe('Usage-led SaaS');
		expect(templateById('nope')).toBeUndefined();
	});

	it('default tiers: Green 80, Yellow 50, Red 0 and they validate', () => {
		expect(DEFAULT_TIERS.map((t) => [t.name, t.min])).toEqual([
			['Green', 80],
			['Yellow', 50],
			['Red', 0]
		]);
		const m = { ...templateById('four-dimensions')!.model, tiers: [...DEFAULT_TIERS] };
		expect(validateModel(m).ok).toBe(true);
	});

	it('four dimensions worked example: 18, 22, 23, 16 → exactly 79, Green, engagement loses 9 of 25', () => {
		const t = templateById('four-dimensions')!;
		expect(t.name).toBe('Four dimensions, 25 points each');
		const r = scoreAccount(t.model, {
			usage_points: 18,
			support_points: 22,
			onboarding_points: 23,
			engagement_points: 16
		});
		expect(r.score).toBe(79);
		expect(r.shown).toBe(79);
		expect(r.tier?.name).toBe('Green');
		const weakest = r.explanation.drivers[0]!;
		expect(weakest.id).toBe('engagement');
		expect(weakest.pointsMax).toBe(25);
		expect(weakest.pointsEarned).toBe(16);
		expect(weakest.pointsLost).toBe(9);
	});

	it('four dimensions tiers: Green ≥ 75, Yellow 50–74, Red below 50', () => {
		const m = templateById('four-dimensions')!.model;
		expect(m.tiers.map((t) => [t.name, t.min])).toEqual([
			['Green', 75],
			['Yellow', 50],
			['Red', 0]
		]);
		expect(m.dimensions.map((d) => d.id)).toEqual(['usage', 'support', 'onboarding', 'engagement']);
	});

	it('usage-led SaaS: weights 40/20/20/20, columns, minCoverage 0.5', () => {
		const m = templateById('usage-led-saas')!.model;
		expect(m.dimensions.map((d) => [d.id, d.weight])).toEqual([
			['usage', 40],
			['support', 20],
			['engagement', 20],
			['financial', 20]
		]);
		expect(allMetrics(m).map((x) => x.column)).toEqual([
			'seat_utilisation_pct',
			'login_trend_pct',
			'feature_adoption_pct',
			'tickets_60d',
			'escalations_90d',
			'nps',
			'exec_sponsor_engaged',
			'days_late',
			'months_to_renewal'
		]);
		expect(m.minCoverage).toBe(0.5);
		expect(m.tiers.map((t) => t.min)).toEqual([80, 50, 0]);
	});

	it('usage-led SaaS: hand-computed account', () => {
		const m = templateById('usage-led-saas')!.model;
		const r = scoreAccount(m, {
			seat_utilisation_pct: 55, // (55−20)/70 = 50
			login_trend_pct: -15, // (−15+50)/70 = 50
			feature_adoption_pct: 45, // (45−10)/70 = 50 → usage 50
			tickets_60d: 4, // 60
			escalations_90d: 1, // 50 → support (0.6·60 + 0.4·50) = 56
			nps: 0, // 50
			exec_sponsor_engaged: 'yes', // 100 → engagement 75
			days_late: 10, // 80
			months_to_renewal: 6 // 50 → financial 68
		});
		// 0.4·50 + 0.2·56 + 0.2·75 + 0.2·68 = 20 + 11.2 + 15 + 13.6 = 59.8 → 60 Yellow
		expect(r.score).toBeCloseTo(59.8, 10);
		expect(r.shown).toBe(60);
		expect(r.tier?.name).toBe('Yellow');
	});
});

import { describe, expect, it } from 'vitest';
import { scoreAccount } from './account';
import { formatRaw, optionText, pointsNeededFor, rankDrivers } from './explain';
import { decimalsOf, rawTarget, roundTo } from './inverse';
import { TEMPLATES } from './templates';
import { dimension, metric, model } from './testing/models';
import type { Metric, Model, RawValue, Scheme } from './types';

const tickets: Scheme = {
	kind: 'bands',
	bands: [
		{ upTo: 2, points: 100 },
		{ upTo: 5, points: 60 },
		{ upTo: null, points: 20 }
	]
};

const twoMetrics = (first: Partial<Metric>, second: Partial<Metric> = {}): Model =>
	model([dimension('d', [metric('a', { unit: '%', ...first }), metric('b', second)])]);

describe('next tier options', () => {
	it.each<[string, Model, Record<string, RawValue>, string[]]>([
		// score (3·60 + 90)/4 = 67.5; need 79.5 → 12 points; a share .75 → Δ 16 → 76; b infeasible
		['linear', twoMetrics({ weight: 3 }), { a: 60, b: 90 }, ['Raise a from 60 % to 76 %']],
		// (20 + 100)/2 = 60; Δ 39 → ≥ 59 points → nearest band 3–5 → 5
		[
			'bands lower-is-better',
			twoMetrics({ unit: 'tickets', direction: 'lower', scheme: tickets }),
			{ a: 8, b: 100 },
			['Lower a from 8 tickets to 5 tickets']
		],
		[
			'boolean flip',
			twoMetrics({ unit: undefined, scheme: { kind: 'boolean', truePoints: 100, falsePoints: 0 } }),
			{ a: false, b: 100 },
			['Change a from no to yes']
		],
		[
			'category best value',
			twoMetrics({
				unit: undefined,
				scheme: {
					kind: 'category',
					map: [
						{ value: 'silver', points: 50 },
						{ value: 'gold', points: 100 }
					],
					otherPoints: 0
				}
			}),
			{ a: 'bronze', b: 100 },
			['Change a from bronze to gold']
		],
		[
			'numeric text reads as a number',
			twoMetrics({ weight: 3 }),
			{ a: '60', b: 90 },
			['Raise a from 60 % to 76 %']
		],
		[
			'missing with zero policy',
			twoMetrics({ missing: 'zero' }),
			{ a: null, b: 100 },
			['Set a to 59 %']
		],
		[
			'missing with exclude is skipped',
			twoMetrics({}, { weight: 1 }),
			{ a: null, b: 60 },
			['Raise b from 60 to 80']
		],
		// decimals follow the input: 60.5 → target rounded up to 1 decimal
		[
			'precision of the input',
			twoMetrics({ weight: 3 }),
			{ a: 60.5, b: 90.3 },
			['Raise a from 60.5 % to 75.9 %']
		]
	])('%s', (_name, m, values, texts) => {
		const r = scoreAccount(m, values);
		expect(r.explanation.nextTier?.options.map((o) => o.text)).toEqual(texts);
	});

	it('four dimensions: manual targets rounded up, sorted by points needed, verified', () => {
		const m = TEMPLATES[0]!.model;
		const values = {
			usage_points: 18,
			support_points: 22,
			onboarding_points: 23,
			engagement_points: 5
		};
		const r = scoreAccount(m, values);
		// 72 + 88 + 92 + 20 = 272 / 4 = 68 → Yellow; need 74.5 → 6.5 → Δ 26 points per metric
		expect(r.shown).toBe(68);
		const next = r.explanation.nextTier!;
		expect(next.tier.id).toBe('green');
		expect(next.pointsNeeded).toBe(6.5);
		expect(next.options.map((o) => [o.metricId, o.toRaw, o.fromPoints, o.toPoints])).toEqual([
			['usage_points', 25, 72, 100],
			['engagement_points', 12, 20, 48]
		]);
		for (const o of next.options) {
			const col = m.dimensions.flatMap((d) => d.metrics).find((x) => x.id === o.metricId)!.column;
			expect(scoreAccount(m, { ...values, [col]: o.toRaw }).tier?.id).toBe('green');
		}
	});

	it('sorts by points needed (smallest change first)', () => {
		const m = twoMetrics({ weight: 1 }, { weight: 3 });
		const r = scoreAccount(m, { a: 60, b: 60 });
		// need 19.5; b share .75 → Δ 26; a share .25 → Δ 78 → a: 60 → 138 infeasible
		expect(r.explanation.nextTier!.options.map((o) => o.metricId)).toEqual(['b']);
		const r2 = scoreAccount(twoMetrics({ weight: 2 }, { weight: 3 }), { a: 70, b: 70 });
		expect(r2.explanation.nextTier!.options.map((o) => o.metricId)).toEqual(['b', 'a']);
	});

	it('best tier → no next tier', () => {
		expect(scoreAccount(twoMetrics({}), { a: 90, b: 90 }).explanation.nextTier).toBeNull();
	});

	it('usage-led SaaS account close to Green gets verified options', () => {
		const m = TEMPLATES[1]!.model;
		const values = {
			seat_utilisation_pct: 62,
			login_trend_pct: 6,
			feature_adoption_pct: 55,
			tickets_60d: 1,
			escalations_90d: 0,
			nps: -20,
			exec_sponsor_engaged: true,
			days_late: 0,
			months_to_renewal: 7
		};
		const r = scoreAccount(m, values);
		// usage 0.4·60 + 0.3·80 + 0.3·64.29; support 100; engagement 70; financial 83.33
		const usage = 0.4 * 60 + 0.3 * 80 + 0.3 * (4500 / 70);
		expect(r.score).toBeCloseTo(0.4 * usage + 20 + 14 + 0.2 * (60 + 70 / 3), 10);
		expect(r.tier?.id).toBe('yellow');
		const options = r.explanation.nextTier!.options;
		expect(options.length).toBeGreaterThan(0);
		expect(options.map((o) => o.text)).toContain('Raise Seat utilisation from 62 % to 71 %');
	});
});

describe('helpers', () => {
	it.each([
		[80, 79.4, 0.1],
		[80, 60, 19.5],
		[75, 74, 0.5],
		[79.2, 79, 0.5]
	])('pointsNeededFor(%d, %d) = %d', (min, s, need) =>
		expect(pointsNeededFor(min, s)).toBeCloseTo(need, 12)
	);

	it('rankDrivers drops zero-share dimensions and sorts by points lost', () => {
		const d = (id: string, share: number, lost: number) => ({
			id,
			name: id,
			score: 0,
			weightShare: share,
			pointsMax: 0,
			pointsEarned: 0,
			pointsLost: lost
		});
		expect(rankDrivers([d('a', 0.5, 1), d('b', 0, 99), d('c', 0.5, 5)]).map((x) => x.id)).toEqual([
			'c',
			'a'
		]);
	});

	it.each<[Partial<Metric>, RawValue, string]>([
		[{ unit: '%' }, 62, '62 %'],
		[{ unit: 'days' }, 3.14159, '3.14 days'],
		[{}, 7, '7'],
		[{}, true, 'yes'],
		[{}, null, 'missing'],
		[{}, 'gold', 'gold']
	])('formatRaw %j %j', (over, raw, text) => expect(formatRaw(metric('m', over), raw)).toBe(text));

	it('optionText verbs', () => {
		expect(optionText(metric('m'), 5, 3)).toBe('Lower m from 5 to 3');
		expect(optionText(metric('m'), null, 3)).toBe('Set m to 3');
	});

	it.each<[Scheme, Partial<Metric>, RawValue, number, RawValue]>([
		[{ kind: 'linear', worst: 20, best: 90 }, {}, 62, 72.1, 71],
		[{ kind: 'linear', worst: 10, best: 0 }, { direction: 'lower' }, 8, 55, 4],
		[{ kind: 'linear', worst: 0, best: 100 }, {}, 0.25, 100, 100],
		[tickets, { direction: 'lower' }, 8, 100, 2],
		[tickets, { direction: 'lower' }, null, 50, 5],
		[tickets, { direction: 'lower' }, 'x', 100, 2],
		[
			{
				kind: 'bands',
				bands: [
					{ upTo: 10, points: 0 },
					{ upTo: 20, points: 50 },
					{ upTo: null, points: 100 }
				]
			},
			{},
			5,
			90,
			21
		],
		[
			{
				kind: 'bands',
				bands: [
					{ upTo: 10, points: 0 },
					{ upTo: null, points: 100 }
				]
			},
			{},
			null,
			90,
			11
		],
		[
			{
				kind: 'bands',
				bands: [
					{ upTo: 10, points: 0 },
					{ upTo: null, points: 50 }
				]
			},
			{},
			5,
			90,
			null
		],
		[{ kind: 'boolean', truePoints: 0, falsePoints: 100 }, {}, true, 80, false],
		[{ kind: 'boolean', truePoints: 50, falsePoints: 0 }, {}, false, 80, null],
		[{ kind: 'category', map: [], otherPoints: 50 }, {}, 'a', 80, null],
		[{ kind: 'manual', max: 5 }, {}, 1, 61, 4],
		[{ kind: 'manual', max: 5 }, {}, 1.5, 61, 3.1],
		[{ kind: 'manual', max: 5 }, {}, 1, 100, 5],
		[{ kind: 'percentile', within: 'portfolio' }, {}, 1, 50, null]
	])('rawTarget %j from %j to %d points → %j', (scheme, over, raw, toPoints, target) => {
		expect(rawTarget(metric('m', { scheme, ...over }), raw, toPoints)).toBe(target);
	});

	it.each([
		[1, 0],
		[1.5, 1],
		[1.25, 2],
		[1.125, 2],
		[NaN, 0]
	])('decimalsOf(%d) = %d', (x, p) => expect(decimalsOf(x)).toBe(p));

	it.each([
		[70.57, 0, true, 71],
		[70.57, 0, false, 70],
		[71.0000000001, 0, true, 71],
		[1.234, 2, true, 1.24]
	])('roundTo(%d, %d, %s) = %d', (x, p, up, y) => expect(roundTo(x, p, up)).toBe(y));
});

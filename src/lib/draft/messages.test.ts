// Every code the draft core can give is said in English and Japanese, with every placeholder
// filled from the params the core gives; a code without words (or words without a code) fails.
import { describe, expect, it } from 'vitest';
import { draftEn, draftJa } from '$lib/i18n/catalog/draft';
import { placeholders } from '$lib/i18n/locale-pick';
import { TEMPLATES } from '$lib/model/templates';
import type { Model } from '$lib/model/types';
import { modelDiff } from './diff';
import { DRAFT_CODES, msg, sayWith, type DraftMessage } from './messages';
import { checkRedCut, capacityCostCut, orderProblem } from './suggest';
import { draftWords } from './words';

describe('draft message codes', () => {
	it('the catalog has exactly one dr.<code> per code, in both languages', () => {
		const keys = DRAFT_CODES.map((c) => `dr.${c}`).sort();
		expect(Object.keys(draftEn).sort()).toEqual(keys);
		expect(Object.keys(draftJa).sort()).toEqual(keys);
	});

	it.each(DRAFT_CODES)('%s: same placeholders in English and Japanese, Japanese text', (c) => {
		const key = `dr.${c}` as const;
		expect(placeholders(draftJa[key])).toEqual(placeholders(draftEn[key]));
		expect(draftJa[key]).toMatch(/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]/);
	});

	it('an unknown code has no words (a missing entry would fail the type and this test)', () => {
		const words = (m: DraftMessage) =>
			sayWith(m, (code) => (draftEn as Record<string, string>)[`dr.${code}`] ?? '');
		expect(words({ code: 'no.such' as never })).toBe('');
	});

	it('nested messages and lists are said inside their sentence', () => {
		const m = msg('why.category', {
			ends: [
				msg('why.category-end', { value: 'Basic', points: 20 }),
				msg('why.category-end', { value: 'Pro', points: 90 })
			],
			auc: '0.71'
		});
		expect(draftWords(m)).toBe(
			'Churn differs by value (Basic 20 pts, Pro 90 pts); ranks churners with AUC 0.71 on its own.'
		);
		expect(draftWords(m, 'ja')).toBe(
			'値によって解約率が異なります（Basic は 20 点、Pro は 90 点）。単独で AUC 0.71 で解約を見分けます。'
		);
	});
});

/** No `{placeholder}` left once said: the core gave every figure the words need. */
const filled = (m: DraftMessage) => {
	for (const locale of ['en', 'ja'] as const) {
		const text = draftWords(m, locale);
		expect(text, `${m.code} in ${locale}`).not.toMatch(/\{\w+\}/);
		expect(text.length).toBeGreaterThan(0);
	}
};

describe('what the core gives fills its words', () => {
	it('model diff lines: name, metrics removed, added and changed, dimensions, tiers', () => {
		const a = TEMPLATES[0]!.model;
		const dims = a.dimensions.map((d, i) =>
			i === 0
				? {
						...d,
						weight: d.weight * 3,
						metrics: d.metrics.map((m, j) =>
							j === 0
								? { ...m, scheme: { kind: 'percentile' as const, within: 'portfolio' as const } }
								: m
						)
					}
				: d
		);
		const b: Model = {
			...a,
			name: 'Other',
			dimensions: [
				...dims.slice(0, -1),
				{
					id: 'new',
					name: 'New',
					weight: 10,
					metrics: [{ ...a.dimensions[0]!.metrics[0]!, id: 'n', column: 'fresh', name: 'Fresh' }]
				}
			],
			tiers: a.tiers.map((t, i) => ({ ...t, min: i === a.tiers.length - 1 ? 0 : t.min + 1 }))
		};
		const lines = modelDiff(a, b);
		const codes = new Set(lines.map((l) => l.text.code));
		for (const c of [
			'diff.name',
			'diff.metric-removed',
			'diff.metric-added',
			'diff.metric-changed-kind',
			'diff.dimension-removed',
			'diff.dimension-added',
			'diff.tiers'
		])
			expect(codes, c).toContain(c);
		lines.forEach((l) => filled(l.text));
	});

	it('refusals: order, each red-cut problem, no cut with and without a capacity', () => {
		const table = {
			mins: [80, 50, 0],
			tiers: [
				{ accounts: 2, share: 0.2, churners: 2, rate: 1 },
				{ accounts: 0, share: 0, churners: 0, rate: NaN },
				{ accounts: 8, share: 0.8, churners: 0, rate: 0 }
			],
			accounts: 10,
			churners: 2,
			caughtAtRisk: 0,
			caughtWorst: 0,
			auc: NaN
		};
		filled(orderProblem(['Green', 'Yellow', 'Red'], table)!);
		const curve = [
			{ cut: 10, flagged: 0, caught: 0 },
			{ cut: 30, flagged: 4, caught: 1 },
			{ cut: 60, flagged: 6, caught: 1 },
			{ cut: 80, flagged: 8, caught: 3 },
			{ cut: 101, flagged: 10, caught: 3 }
		] as never;
		const names = ['Yellow', 'Red'] as [string, string];
		const got = [0, 90, 10, 30].map((cut) => checkRedCut(curve, cut, 80, names).problem!);
		expect(got.map((m) => m.code)).toEqual([
			'refuse.cut-empty-red',
			'refuse.cut-no-room',
			'refuse.cut-no-account',
			'refuse.cut-order'
		]);
		got.forEach(filled);
		const opts = { costMiss: 1, costFalseAlarm: 1, upper: 80, names };
		const none = capacityCostCut(curve, { ...opts, capacity: Infinity }).why!;
		const capped = capacityCostCut(curve, { ...opts, capacity: 1000 }).why!;
		expect([none.code, capped.code]).toEqual(['refuse.no-cut', 'refuse.no-cut-capacity']);
		expect(draftWords(capped)).toBe(
			'No cut keeps Red churning at least as often as Yellow with at most 1,000 accounts in Red.'
		);
		filled(none);
		filled(capped);
	});
});

import { describe, expect, it } from 'vitest';
import { templateById, validateModel } from '$lib/model';
import { completePlaybooks, withPlaybook } from '$lib/model/playbooks';
import * as E from '$lib/model/edits';
import type { Metric } from '$lib/model/types';
import {
	backtestFigures,
	buildModelCard,
	cardWords,
	describeScheme,
	modelJson,
	pct,
	tierRanges,
	UNNAMED
} from './model-card';

const saas = templateById('usage-led-saas')!.model;
const metricOf = (
	scheme: Metric['scheme'],
	unit?: string,
	direction: Metric['direction'] = 'lower'
) => ({
	scheme,
	unit,
	direction
});

describe('describeScheme', () => {
	it.each([
		[
			metricOf(
				{
					kind: 'bands',
					bands: [
						{ upTo: 2, points: 100 },
						{ upTo: 5, points: 60 },
						{ upTo: null, points: 20 }
					]
				},
				'tickets'
			),
			'0–2 tickets → 100 points, 3–5 → 60, 6+ → 20'
		],
		[
			metricOf(
				{
					kind: 'bands',
					bands: [
						{ upTo: 0, points: 100 },
						{ upTo: 1, points: 50 },
						{ upTo: null, points: 0 }
					]
				},
				'escalations'
			),
			'0 escalations → 100 points, 1 → 50, 2+ → 0'
		],
		[
			metricOf(
				{
					kind: 'bands',
					bands: [
						{ upTo: -10.5, points: 0 },
						{ upTo: null, points: 100 }
					]
				},
				'%'
			),
			'up to -10.5 % → 0 points, above -10.5 → 100'
		],
		[
			metricOf({ kind: 'linear', worst: 20, best: 90 }, '%', 'higher'),
			'20 % or less → 0 points, 90 % or more → 100, in a straight line between'
		],
		[
			metricOf({ kind: 'linear', worst: 30, best: 0 }, 'days'),
			'0 days or less → 100 points, 30 days or more → 0, in a straight line between'
		],
		[metricOf({ kind: 'boolean', truePoints: 100, falsePoints: 0 }), 'Yes → 100 points, no → 0'],
		[
			metricOf({
				kind: 'category',
				map: [
					{ value: 'Enterprise', points: 100 },
					{ value: 'Pro', points: 60 }
				],
				otherPoints: null
			}),
			'Enterprise → 100 points, Pro → 60, other values count as missing'
		],
		[metricOf({ kind: 'manual', max: 25 }), 'Scored by hand from 0 to 25 (25 = 100 points)'],
		[
			metricOf({ kind: 'percentile', within: 'segment' }, undefined, 'higher'),
			'Rank among the accounts of the same segment → 0–100 points (highest value scores 100)'
		]
	])('%#: %j', (m, text) => {
		expect(describeScheme(m)).toBe(text);
	});
});

describe('describeScheme in Japanese', () => {
	const ja = cardWords('ja');
	it.each([
		[
			metricOf(
				{
					kind: 'bands',
					bands: [
						{ upTo: 2, points: 100 },
						{ upTo: 5, points: 60 },
						{ upTo: null, points: 20 }
					]
				},
				'件'
			),
			'0–2 件 → 100 点、3–5 → 60 点、6+ → 20 点'
		],
		[
			metricOf({ kind: 'linear', worst: 20, best: 90 }, '%'),
			'20 % 以下 → 0 点、90 % 以上 → 100 点、その間は直線で'
		],
		[
			metricOf({ kind: 'boolean', truePoints: 100, falsePoints: 0 }),
			'はい → 100 点、いいえ → 0 点'
		],
		[
			metricOf({
				kind: 'category',
				map: [
					{ value: 'Enterprise', points: 100 },
					{ value: 'Pro', points: 60 }
				],
				otherPoints: null
			}),
			'Enterprise → 100 点、Pro → 60 点、その他の値は欠損として扱う'
		],
		[metricOf({ kind: 'manual', max: 25 }), '0〜25 で手入力（25 = 100 点）'],
		[
			metricOf({ kind: 'percentile', within: 'segment' }, undefined, 'higher'),
			'同じセグメントのアカウントの中での順位 → 0〜100 点（最も高い値が 100 点）'
		]
	])('%#: %j', (m, text) => {
		expect(describeScheme(m, ja)).toBe(text);
	});

	it('a whole card in Japanese: every sentence is Japanese, no placeholder left', () => {
		const borrowed = E.setDimensionWeight(saas, saas.dimensions[0]!.id, 99);
		const f = backtestFigures({
			mode: 'point-in-time',
			asOfDay: 20089,
			horizonDays: 180,
			report: REPORT
		})!;
		const card = buildModelCard(borrowed, {
			version: { saved: 2, edited: true },
			date: '2025-06-01',
			backtest: f,
			locale: 'ja'
		});
		const sentences = [
			card.title,
			card.identityNote!,
			card.version,
			card.backtest!.setting,
			...card.rules,
			...card.dimensions.flatMap((d) =>
				d.metrics.flatMap((m) => [m.scheme, m.direction, m.missing])
			)
		];
		for (const x of sentences) expect(x).toMatch(/^[^{}]*[\u3040-\u30ff\u4e00-\u9fff][^{}]*$/);
		expect(card.title).toBe('名前のないモデル');
		expect(card.version).toBe('バージョン 2（未保存の編集あり）');
		expect(card.backtest!.setting).toBe('基準日 2025-01-01、180 日以内の解約');
	});
});

describe('pct and tierRanges', () => {
	it('normalises to one decimal, whole when whole', () => {
		expect([pct(0.4), pct(1 / 3), pct(0.125), pct(0)]).toEqual(['40', '33.3', '12.5', '0']);
	});
	it('gives shown-score ranges best first', () => {
		expect(tierRanges([80, 50, 0])).toEqual(['80–100', '50–79', '0–49']);
		expect(tierRanges([75, 50, 0])).toEqual(['75–100', '50–74', '0–49']);
		expect(tierRanges([79.5, 0])).toEqual(['80–100', '0–79']);
	});
});

describe('buildModelCard', () => {
	it('carries ready-to-ship lines when given, none otherwise', () => {
		expect(buildModelCard(saas, { version: 'v1', date: '2025-06-01' }).ready).toBeNull();
		const ready = [
			{ check: 'Churn events, at least', status: 'fail' as const, detail: '12 of 50' }
		];
		expect(buildModelCard(saas, { version: 'v1', date: '2025-06-01', ready }).ready).toEqual(ready);
	});
	it('carries the workshop decision log, none by default', () => {
		expect(buildModelCard(saas, { version: 'v1', date: '2025-06-01' }).decisions).toEqual([]);
		const decisions = [{ what: 'Usage 40 %', who: 'the room', when: '2026-11-30 16:05 UTC' }];
		expect(
			buildModelCard(saas, { version: 'v1', date: '2025-06-01', decisions }).decisions
		).toEqual(decisions);
	});
	it('builds the usage-led card: weights %, schemes in words, tiers with playbooks', () => {
		const card = buildModelCard(saas, { version: 'v3', date: '2025-06-01' });
		expect(card).toMatchObject({ title: 'Usage-led SaaS', version: 'v3', date: '2025-06-01' });
		expect(card.dimensions.map((d) => [d.name, d.weightPct])).toEqual([
			['Product usage', '40'],
			['Support experience', '20'],
			['Engagement & relationship', '20'],
			['Financial', '20']
		]);
		const seats = card.dimensions[0]!.metrics[0]!;
		// 40 % of the score × 40 % inside the dimension = 16 %.
		expect(seats).toMatchObject({
			weightPct: '40',
			scorePct: '16',
			why: saas.dimensions[0]!.metrics[0]!.why
		});
		expect(card.dimensions[1]!.metrics[0]!.scheme).toBe(
			'0–2 tickets → 100 points, 3–5 → 60, 6+ → 20'
		);
		expect(card.dimensions[1]!.metrics[0]!.scorePct).toBe('12');
		expect(card.tiers.map((t) => [t.name, t.range, t.playbook?.dueDays])).toEqual([
			['Green', '80–100', 30],
			['Yellow', '50–79', 14],
			['Red', '0–49', 2]
		]);
		expect(card.flags.map((f) => f.name)).toEqual([
			'A dimension below its floor',
			'Score dropped',
			'Usage trending down'
		]);
		expect(card.rules[0]).toContain('50 %');
		expect(card.backtest).toBeNull();
	});

	it('uses the model’s own playbooks', () => {
		const model = {
			...saas,
			playbooks: [
				{ id: 'r', trigger: { tier: 'red' }, action: 'Exec call', owner: 'VP CS', dueDays: 1 }
			]
		};
		const card = buildModelCard(model, { version: '1', date: 'today' });
		expect(card.tiers[2]!.playbook).toEqual({ action: 'Exec call', owner: 'VP CS', dueDays: 1 });
	});
});

const REPORT = {
	n: 2000,
	positives: 300,
	auc: { estimate: 0.78, lo: 0.75, hi: 0.81 },
	ks: { value: 0.42, threshold: 60 },
	tiers: {
		caught: { rate: 0.7, lo: 0.6, hi: 0.8 },
		rows: [{ name: 'Red', accounts: 400, churnRate: { rate: 0.4 } }]
	}
};

describe('backtestFigures', () => {
	it('the card says the setting: a point in time, or one row per account', () => {
		const card = (doc: unknown) =>
			buildModelCard(saas, { version: 'v1', date: 'd', backtest: backtestFigures(doc) }).backtest!
				.setting;
		expect(card({ mode: 'point-in-time', asOfDay: 20089, horizonDays: 180, report: REPORT })).toBe(
			'as of 2025-01-01, churn within 180 days'
		);
		expect(card({ report: REPORT })).toBe('one row per account, churned or not');
	});
	const report = {
		n: 2000,
		positives: 300,
		auc: { estimate: 0.78, lo: 0.75, hi: 0.81 },
		ks: { value: 0.42, threshold: 60 },
		tiers: {
			caught: { rate: 0.7, lo: 0.6, hi: 0.8 },
			rows: [{ name: 'Red', accounts: 400, churnRate: { rate: 0.4 } }]
		}
	};
	it('reads a run result', () => {
		const f = backtestFigures({ mode: 'point-in-time', asOfDay: 20089, horizonDays: 180, report });
		expect(f).toEqual({
			pit: { asOf: '2025-01-01', horizonDays: 180 },
			accounts: 2000,
			churners: 300,
			auc: 0.78,
			aucLo: 0.75,
			aucHi: 0.81,
			ks: 0.42,
			caught: 0.7,
			tiers: [{ name: 'Red', accounts: 400, churnRate: 0.4 }]
		});
	});
	it('is null for junk and for a report without an AUC', () => {
		expect(backtestFigures(null)).toBeNull();
		expect(backtestFigures({ report: { auc: { estimate: null } } })).toBeNull();
		expect(backtestFigures('x')).toBeNull();
	});
});

describe('modelJson', () => {
	it.each(['usage-led-saas', 'four-dimensions'])(
		'round-trips %s (with edited playbooks and segments) through validateModel',
		(id) => {
			const base = templateById(id)!.model;
			const edited = withPlaybook(
				{
					...base,
					segments: {
						column: 'segment',
						overrides: [{ value: 'SMB', weights: [{ id: base.dimensions[0]!.id, weight: 10 }] }]
					}
				},
				{ ...completePlaybooks(base)[0]!, owner: 'VP "Growth" <CS>', dueDays: 3 }
			);
			const text = modelJson(edited);
			const r = validateModel(JSON.parse(text));
			expect(r.ok, JSON.stringify(!r.ok && r.issues)).toBe(true);
			if (r.ok) expect(r.model).toEqual(edited);
			expect(text.endsWith('}\n')).toBe(true);
		}
	);
});

describe('the card never shows a template’s text for a model that is no longer that template', () => {
	const meta = { version: 'v1', date: '2025-06-01' };
	const tplName = 'Usage-led SaaS';
	const tplDesc = saas.description!;

	it('the untouched template keeps its name and description', () => {
		const card = buildModelCard(structuredClone(saas), meta);
		expect(card.title).toBe(tplName);
		expect(card.description).toBe(tplDesc);
		expect(card.identityNote).toBeNull();
	});

	it('a playbook edit or a reordered JSON is still the template (its text still holds)', () => {
		const m = withPlaybook(structuredClone(saas), {
			id: 'pb-red',
			trigger: { tier: 'red' },
			action: 'Call',
			owner: 'CSM',
			dueDays: 3
		});
		// Same model, keys in another order (as after a save and reload elsewhere).
		const reordered = JSON.parse(
			JSON.stringify(m, (_k, v: unknown) =>
				v && typeof v === 'object' && !Array.isArray(v)
					? Object.fromEntries(Object.entries(v as object).reverse())
					: v
			)
		) as typeof m;
		for (const x of [m, reordered]) {
			const card = buildModelCard(x, meta);
			expect(card.title).toBe(tplName);
			expect(card.description).toBe(tplDesc);
		}
	});

	it.each([
		['a dimension weight changed', E.setDimensionWeight(saas, 'usage', 10)],
		['a dimension removed', E.removeDimension(saas, 'usage')],
		['a tier moved', E.setTierMins(saas, [75, 45, 0])],
		['the coverage rule changed', { ...saas, minCoverage: 0.9 }]
	])('%s: neither the name nor the description is shown', (_what, m) => {
		const card = buildModelCard(m, meta);
		expect(card.title).toBe(UNNAMED);
		expect(card.description).toBe('');
		expect(JSON.stringify(card)).not.toContain(tplName);
		expect(JSON.stringify(card)).not.toContain('usage 40 %');
		expect(card.identityNote).toMatch(/name and description are not shown/);
	});

	it('renamed but still carrying the description: own name shown, template description not', () => {
		const m = E.renameModel(E.setDimensionWeight(saas, 'usage', 10), 'Acme renewals');
		const card = buildModelCard(m, meta);
		expect(card.title).toBe('Acme renewals');
		expect(card.description).toBe('');
		expect(card.identityNote).toMatch(/template's description is not shown/);
	});

	it('renamed and described by the user: shown as written, whatever the edits', () => {
		const m = E.setModelDescription(
			E.renameModel(E.setDimensionWeight(saas, 'usage', 10), 'Acme renewals'),
			'Usage first.'
		);
		const card = buildModelCard(m, meta);
		expect([card.title, card.description, card.identityNote]).toEqual([
			'Acme renewals',
			'Usage first.',
			null
		]);
	});

	it('another template’s name on a model that is not that template is left out too', () => {
		const four = templateById('four-dimensions')!;
		const m = E.renameModel(structuredClone(saas), four.name);
		expect(buildModelCard(m, meta).title).toBe(UNNAMED);
		expect(buildModelCard(structuredClone(four.model), meta).title).toBe(four.name);
	});
});

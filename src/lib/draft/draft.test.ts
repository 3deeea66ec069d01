/**
 * The draft core: statistics, data-driven defaults, tier placement, and whole drafts on the
 * Exited-shaped bank file (generated, seeded) and on telco-churn (../shared/data). Reference
 * figures come from numpy / scipy (commands in the comments); the tests never need Python.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { assignFolds } from '$lib/backtest/fit';
import { TEMPLATES } from '$lib/model/templates';
import { validateModel } from '$lib/model/validate';
import type { Column, NumberColumn } from '$lib/model/types';
import { bankChurnCsv } from '../../../tests/fixtures/bank-churn';
import { sharedDataPath } from '../../../tests/shared-data';
import { logisticAuc, validateDraft } from './cv';
import { modelDiff } from './diff';
import { draftModel, roundWeights, slugId, type DraftInput } from './draft';
import { bandsFromData, categoryMap, linearFromData, metricDefaults } from './schemes';
import { niceEdge, poolNonIncreasing, quantile } from './stats';
import { importCsv, type Imported } from '../../../tests/fixtures/import-csv';
import { themeOf } from './themes';
import { msg } from './messages';
import { draftWords } from './words';
import { checkTiers, placeTiers } from './tiers';

const num = (xs: number[]): NumberColumn => ({ kind: 'number', values: Float64Array.from(xs) });
const cat = (xs: (string | null)[]): Column => {
	const dictionary = [...new Set(xs.filter((x): x is string => x !== null))];
	return {
		kind: 'category',
		dictionary,
		codes: Int32Array.from(xs, (x) => (x === null ? -1 : dictionary.indexOf(x)))
	};
};
const base = TEMPLATES[1]!.model;

let bankCache: Promise<Imported> | null = null;
const bank = () => (bankCache ??= importCsv(new TextEncoder().encode(bankChurnCsv())));
const input = (d: Imported, over: Partial<DraftInput> = {}): DraftInput => ({
	table: d.table,
	columns: d.columns.filter((c) => c.role === 'metric'),
	labels: d.labels,
	rule: { kind: 'share', red: 0.15 },
	seed: 7,
	base,
	datasetName: 'bank',
	...over
});

describe('statistics', () => {
	it('quantile is type 7 (numpy: np.percentile([1,2,3,4,10], [5,50,95]) = 1.2, 3, 8.8)', () => {
		const s = Float64Array.from([1, 2, 3, 4, 10]);
		expect(quantile(s, 0.05)).toBeCloseTo(1.2, 12);
		expect(quantile(s, 0.5)).toBe(3);
		expect(quantile(s, 0.95)).toBeCloseTo(8.8, 12);
		expect(quantile(new Float64Array(0), 0.5)).toBeNaN();
	});

	it('pool adjacent violators: [0.5, 0.3, 0.4, 0.1] (weights 1) → [0.5, 0.35, 0.35, 0.1]', () => {
		const r = poolNonIncreasing([0.5, 0.3, 0.4, 0.1], [1, 1, 1, 1]);
		expect(r.block).toEqual([0, 1, 1, 2]);
		expect(r.rates[1]).toBeCloseTo(0.35, 12);
		// Weighted: (0.3·3 + 0.4·1) / 4 = 0.325.
		expect(poolNonIncreasing([0.3, 0.4], [3, 1]).rates[0]).toBeCloseTo(0.325, 12);
	});

	it.each([
		[488.95, 490],
		[812.05, 810],
		[123_456.7, 120_000],
		[38, 38],
		[0.123, 0.12],
		[-1234, -1200]
	])('niceEdge(%d) = %d', (x, y) => expect(niceEdge(x)).toBeCloseTo(y, 9));

	it.each([
		[
			[1, 1, 1],
			[35, 35, 30]
		],
		[
			[0.6, 0.3, 0.1],
			[60, 30, 10]
		],
		[
			[0.01, 0.99],
			[0, 100]
		],
		[
			[0, 0],
			[0, 0]
		]
	])('roundWeights(%j) = %j (steps of 5, sum 100)', (raw, out) =>
		expect(roundWeights(raw)).toEqual(out)
	);

	it('ids from names are readable and unique', () => {
		const taken = new Set<string>();
		expect(slugId('NumOfProducts', taken)).toBe('num_of_products');
		expect(slugId('NumOfProducts', taken)).toBe('num_of_products_2');
		expect(slugId('2nd line', taken)).toBe('x_2nd_line');
	});

	it.each([
		['TechSupport', 'Support'],
		['MonthlyCharges', 'Billing'],
		['NumOfProducts', 'Products and services'],
		['logins_30d', 'Usage'],
		['tenure', 'Relationship'],
		['Geography', 'Profile'],
		['xyz', 'Other signals']
	])('theme of %s is %s', (column, theme) =>
		expect(draftWords(msg(`theme.${themeOf(column)}`))).toBe(theme)
	);
});

describe('metric defaults from the data', () => {
	it('a 0/1 column is yes/no; with labels its healthy side scores 100', () => {
		const labels = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0]);
		const active = num([0, 0, 0, 1, 1, 1, 1, 0]);
		expect(metricDefaults('IsActiveMember', active, labels)).toEqual({
			direction: 'higher',
			scheme: { kind: 'boolean', truePoints: 100, falsePoints: 0 }
		});
		const late = num([1, 1, 1, 0, 0, 0, 0, 0]);
		expect(metricDefaults('late_payment', late, labels).scheme).toEqual({
			kind: 'boolean',
			truePoints: 0,
			falsePoints: 100
		});
	});

	it('a 350–850 credit score is linear from its 5th to 95th percentile (numpy: 488.95, 812.05)', async () => {
		const d = await bank();
		const col = d.table.columns.get('CreditScore')!;
		expect(linearFromData(col, 'higher')).toEqual({ kind: 'linear', worst: 490, best: 810 });
		expect(linearFromData(col, 'lower')).toEqual({ kind: 'linear', worst: 810, best: 490 });
		const age = metricDefaults('Age', d.table.columns.get('Age'), d.labels);
		// Older customers churn more here: lower is better, worst at the 95th percentile (58).
		expect(age).toEqual({ direction: 'lower', scheme: { kind: 'linear', worst: 58, best: 22 } });
	});

	it('without labels the direction comes from the name (tickets: lower is better)', () => {
		const t = metricDefaults('support_tickets', num([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), null);
		expect(t.direction).toBe('lower');
		expect(t.scheme).toEqual({ kind: 'linear', worst: 9.5, best: 0.5 });
	});

	it('a category is a map ordered by churn rate (shrunk; France 100, Spain 86.6, Germany 0)', async () => {
		const d = await bank();
		const m = categoryMap(d.table.columns.get('Geography')!, d.labels);
		// Python: r = (churned + 10·0.1902) / (n + 10); 100·(max − r) / (max − min).
		expect(m.map).toEqual([
			{ value: 'France', points: 100 },
			{ value: 'Spain', points: 87 },
			{ value: 'Germany', points: 0 }
		]);
		expect(categoryMap(cat(['a', 'b', 'b', null]), null).map).toEqual([
			{ value: 'b', points: 50 },
			{ value: 'a', points: 50 }
		]);
	});

	it('bands follow the direction: lower is better gives falling points', () => {
		const col = num([1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const up = bandsFromData(col, 'higher')!;
		const down = bandsFromData(col, 'lower')!;
		expect(up.bands.map((b) => b.points)).toEqual([20, 60, 100]);
		expect(down.bands.map((b) => b.points)).toEqual([100, 60, 20]);
		expect(down.bands.map((b) => b.upTo)).toEqual([3.67, 6.33, null]);
	});
});

describe('tiers by rule', () => {
	const shown = Float64Array.from({ length: 100 }, (_, i) => i);
	const rows = Int32Array.from({ length: 100 }, (_, i) => i);
	it('Red = riskiest 15 %: cut at 15, Yellow the next 30 %', () => {
		expect(placeTiers(shown, null, rows, { kind: 'share', red: 0.15 })).toEqual([45, 15, 0]);
	});
	it('Red catches ⅔ of churners', () => {
		// Churners at scores 0–29 (30 of them): ⅔ = 20 → Red below 20; 90 % = 27 → Yellow below 27.
		const labels = Uint8Array.from(rows, (i) => (i < 30 ? 1 : 0));
		expect(placeTiers(shown, labels, rows, { kind: 'catch', red: 2 / 3 })).toEqual([27, 20, 0]);
	});
	it('tier check: shares, churn rates and order', () => {
		const labels = Uint8Array.from(rows, (i) => (i < 30 ? 1 : 0));
		const c = checkTiers([{ min: 45 }, { min: 15 }, { min: 0 }], shown, labels, rows);
		expect(c.accounts).toEqual([55, 30, 15]);
		expect(c.churned).toEqual([0, 15, 15]);
		expect(c.inOrder).toBe(true);
		const reversed = Uint8Array.from(rows, (i) => (i >= 70 ? 1 : 0));
		expect(checkTiers([{ min: 45 }, { min: 15 }, { min: 0 }], shown, reversed, rows).inOrder).toBe(
			false
		);
	});
});

describe('draft on the Exited-shaped bank file', () => {
	it('uses no id, row index or outcome; valid, deterministic, tiers in order', async () => {
		const d = await bank();
		const a = draftModel(input(d));
		const b = draftModel(input(d));
		expect(JSON.stringify(a)).toBe(JSON.stringify(b));
		expect(validateModel(a.model).ok).toBe(true);
		const cols = a.metrics.map((m) => m.column);
		for (const c of ['RowNumber', 'CustomerId', 'Exited', 'Surname']) expect(cols).not.toContain(c);
		expect(cols.slice(0, 2)).toEqual(['NumOfProducts', 'Age']);
		expect(a.metrics.find((m) => m.column === 'Age')!.direction).toBe('lower');
		expect(a.metrics.reduce((s, m) => s + m.weight, 0)).toBe(100);
		for (const m of a.metrics) expect(m.weight % 5).toBe(0);
		expect(a.tiers.inOrder).toBe(true);
		expect(a.tiers.share[2]).toBeGreaterThan(0.12);
		expect(a.tiers.share[2]).toBeLessThan(0.18);
		expect(a.model.name).toBe('Draft from bank');
		expect(a.model.description).toMatch(/riskiest 15 %/);
		expect(a.model.dimensions.map((x) => x.name)).toContain('Products and services');
		expect(a.hasOutcome).toBe(true);
	});

	it('in Japanese: the same model (ids, weights, tiers) with its own text in Japanese', async () => {
		const d = await bank();
		const en = draftModel(input(d));
		const ja = draftModel(input(d, { locale: 'ja' }));
		expect(ja.model.name).toBe('bank からの下書き');
		expect(ja.model.dimensions.map((x) => x.name)).toContain('製品とサービス');
		expect(ja.model.description).toMatch(
			/^「bank」から下書き：.+最もリスクの高いアカウント 15 % が赤になるように配置。$/
		);
		const ids = (r: typeof en) =>
			r.model.dimensions.map((x) => [x.id, x.weight, x.metrics.map((m) => m.id)]);
		expect(ids(ja)).toEqual(ids(en));
		expect(ja.model.tiers).toEqual(en.model.tiers);
		const whys = ja.model.dimensions.flatMap((x) => x.metrics.map((m) => m.why ?? ''));
		expect(whys.every((w) => /単独で AUC 0\.\d\d で解約を見分けます。$/.test(w))).toBe(true);
		expect(validateModel(ja.model).ok).toBe(true);
		for (const m of [
			...ja.notes,
			...ja.skipped.map((s) => s.reason),
			...ja.metrics.map((x) => x.why)
		])
			expect(draftWords(m, 'ja')).toMatch(/^[^{}]*[\u3040-\u30ff][^{}]*$/);
	});

	it('a leaked copy of the outcome is left out as "the outcome in disguise"', async () => {
		const d = await bank();
		const exited = (d.table.columns.get('Exited') as NumberColumn).values;
		const leak = num(Array.from(exited, (y, i) => (i % 50 === 0 ? 1 - y : y) * 10 + (i % 7) / 10));
		const table = { n: d.table.n, columns: new Map([...d.table.columns, ['closed_flag', leak]]) };
		const r = draftModel(
			input(d, { table, columns: [...input(d).columns, { name: 'closed_flag' }] })
		);
		expect(r.metrics.map((m) => m.column)).not.toContain('closed_flag');
		expect(draftWords(r.skipped.find((s) => s.column === 'closed_flag')!.reason)).toMatch(
			/outcome in disguise/
		);
	});

	it('without an outcome it drafts from the distributions and says so', async () => {
		const d = await bank();
		const r = draftModel(input(d, { labels: null }));
		expect(r.hasOutcome).toBe(false);
		expect(draftWords(r.notes[0]!)).toMatch(
			/No outcome column: drafted from the distributions alone/
		);
		expect(r.metrics.every((m) => m.scheme.kind === 'linear' || m.scheme.kind === 'boolean')).toBe(
			true
		);
		expect(draftWords(r.skipped.find((s) => s.column === 'Geography')!.reason)).toMatch(
			/cannot be ordered/
		);
		expect(validateModel(r.model).ok).toBe(true);
	});

	it('cross-validated: the draft beats the linear baseline on a non-linear file', async () => {
		const d = await bank();
		const v = validateDraft(input(d));
		expect(v.draft).toHaveLength(5);
		expect(v.meanDraft).toBeGreaterThan(v.meanLogistic);
	}, 60_000);

	it('the diff lists what applying changes', async () => {
		const d = await bank();
		const lines = modelDiff(base, draftModel(input(d)).model);
		expect(lines[0]!.kind).toBe('removed');
		expect(
			lines.some(
				(l) => l.kind === 'added' && /^Metric NumOfProducts: category/.test(draftWords(l.text))
			)
		).toBe(true);
		expect(lines.some((l) => /^Tiers: /.test(draftWords(l.text)))).toBe(true);
		expect(modelDiff(base, base)).toEqual([]);
	});
});

const TELCO = sharedDataPath('telco-churn.csv');
describe.runIf(existsSync(TELCO))('draft on telco-churn', () => {
	it('baseline LR matches an independent fit; draft CV AUC ≥ LR − 0.01', async () => {
		const d = await importCsv(new Uint8Array(readFileSync(TELCO)));
		const inp = input(d, { datasetName: 'telco-churn' });
		const names = inp.columns.map((c) => c.name);
		expect(names).toHaveLength(19);
		const fold = assignFolds(d.labels!, 5, 7);
		const rows = (keep: (f: number) => boolean) =>
			Int32Array.from([...fold.keys()].filter((i) => keep(fold[i]!)));
		// scripts/reference/telco-lr-cv.py (scipy L-BFGS on the same encoding and folds): fold 0.
		expect(
			logisticAuc(
				d.table,
				names,
				d.labels!,
				rows((f) => f !== 0),
				rows((f) => f === 0)
			)
		).toBeCloseTo(0.8591477434188431, 6);
		const v = validateDraft(inp);
		// scikit-learn 1.2.1 LogisticRegression (L2, C = 1/(λ·m)) on the same folds gives mean
		// 0.8454583511449922 (scripts/reference/telco-lr-cv-sklearn.py): agrees to 2e-6.
		expect(v.meanLogistic).toBeCloseTo(0.8454567992316513, 6);
		expect(v.meanDraft).toBeGreaterThanOrEqual(v.meanLogistic - 0.01);
		const r = draftModel(inp);
		expect(r.tiers.inOrder).toBe(true);
		expect(r.metrics.map((m) => m.column)).not.toContain('customerID');
		expect(r.metrics[0]!.column).toBe('Contract');
	}, 60_000);
});

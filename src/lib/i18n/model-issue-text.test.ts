// Why a model file is refused, in both languages: every code the core can report is produced here
// from a real bad model, said in English exactly as the core's own `message`, and in Japanese with
// no English word left but the data (names, ids, option values from the file). A new code without
// a case here fails "every code has a case". Also: where a problem is (dimension, metric… by
// number and name), the templates' names, worker failures and share-link errors.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.svelte';
import { en } from './en';
import { ja } from './ja';
import {
	MODEL_ISSUES,
	accountFlagText,
	WORKER_ERRORS,
	modelIssueLine,
	modelIssueMessage,
	modelIssueWhere,
	shareErrorText,
	templateDescription,
	templateName,
	workerErrorDetail,
	workerErrorText
} from './model-issue-text';
import { MODEL_ISSUE_CODES, issueOfSchema, type ModelIssueCode } from '$lib/model/issues';
import { dimension, metric, model } from '$lib/model/testing/models';
import { scoreAccount } from '$lib/model/account';
import { TEMPLATES } from '$lib/model/templates';
import type { Model, ValidationIssue } from '$lib/model/types';
import { validateModel } from '$lib/model/validate';
import { CodedError, errorFields, type WorkerErrorCode } from '$lib/workers/worker-error';
import { BacktestCore } from '$lib/workers/backtest-core';
import {
	checkValues,
	decodeShare,
	encodeShare,
	type ShareValueCode
} from '$lib/data/export/share/codec';
import { schemaFields, unknownCheckIssue } from './testing/schema-fields';

afterEach(() => i18n.set('en'));

const base = (): Model =>
	model([
		dimension('usage', [metric('seats', { name: 'Seats' }), metric('logins', { name: 'Logins' })], {
			name: 'Usage'
		}),
		dimension('support', [
			metric('tickets', { direction: 'lower', scheme: { kind: 'linear', worst: 10, best: 0 } })
		])
	]);

/** Untrusted JSON, edited freely: a bad model is what these tests make. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** The base model, changed by `f`, as untrusted JSON (or as a JS object when `js`). */
function bad(f: (m: Loose) => void, js = false): unknown {
	const m = structuredClone(base()) as unknown as Loose;
	f(m);
	return js ? m : JSON.parse(JSON.stringify(m));
}

function issuesOf(json: unknown): ValidationIssue[] {
	const r = validateModel(json);
	if (r.ok) throw new Error('expected the model to be refused');
	return r.issues;
}

const tier = (id: string, min: number) => ({ id, name: id, min, color: '#000000', action: '' });

/** One real bad model per code (the issue with that code is picked from its issues). */
const CASES: [ModelIssueCode, unknown][] = [
	['number', bad((m) => (m.dimensions[0].metrics[0].weight = 'x'))],
	['finite', bad((m) => (m.dimensions[0].weight = Infinity), true)],
	['min', bad((m) => (m.dimensions[0].weight = -1))],
	['max', bad((m) => (m.tiers[0].min = 101))],
	['above', bad((m) => (m.dimensions[0].metrics[0].scheme = { kind: 'manual', max: 0 }))],
	['string', bad((m) => (m.dimensions[0].name = 5))],
	['id', bad((m) => (m.dimensions[0].id = 'Bad id'))],
	['color', bad((m) => (m.tiers[1].color = 'red'))],
	['empty', bad((m) => (m.name = ''))],
	['too-long', bad((m) => (m.name = 'x'.repeat(201)))],
	['list', bad((m) => (m.dimensions[0].metrics = 'seats'))],
	['min-items', bad((m) => (m.tiers = []))],
	['max-items', bad((m) => (m.tiers = Array.from({ length: 21 }, (_, k) => tier(`t${k}`, 0))))],
	['one-of', bad((m) => (m.dimensions[0].metrics[1].direction = 'up'))],
	['literal', bad((m) => (m.schemaVersion = 0))],
	['scheme-kind', bad((m) => (m.dimensions[0].metrics[0].scheme = { kind: 'nope' }))],
	[
		'trigger',
		bad(
			(m) => (m.playbooks = [{ id: 'p', trigger: { nope: 1 }, action: '', owner: '', dueDays: 1 }])
		)
	],
	['object', bad((m) => (m.dimensions[1] = 5))],
	[
		'best-equals-worst',
		bad((m) => (m.dimensions[0].metrics[0].scheme = { kind: 'linear', worst: 5, best: 5 }))
	],
	[
		'best-below-worst',
		bad((m) => (m.dimensions[0].metrics[0].scheme = { kind: 'linear', worst: 9, best: 1 }))
	],
	[
		'best-above-worst',
		bad((m) => (m.dimensions[1].metrics[0].scheme = { kind: 'linear', worst: 1, best: 9 }))
	],
	[
		'last-band-open',
		bad(
			(m) =>
				(m.dimensions[0].metrics[0].scheme = {
					kind: 'bands',
					bands: [{ upTo: 5, points: 10 }]
				})
		)
	],
	[
		'band-open',
		bad(
			(m) =>
				(m.dimensions[0].metrics[0].scheme = {
					kind: 'bands',
					bands: [
						{ upTo: null, points: 10 },
						{ upTo: null, points: 20 }
					]
				})
		)
	],
	[
		'band-order',
		bad(
			(m) =>
				(m.dimensions[0].metrics[0].scheme = {
					kind: 'bands',
					bands: [
						{ upTo: 5, points: 10 },
						{ upTo: 5, points: 20 },
						{ upTo: null, points: 30 }
					]
				})
		)
	],
	[
		'duplicate-category',
		bad(
			(m) =>
				(m.dimensions[0].metrics[0].scheme = {
					kind: 'category',
					map: [
						{ value: 'gold', points: 100 },
						{ value: 'gold', points: 50 }
					],
					otherPoints: null
				})
		)
	],
	['duplicate-id', bad((m) => (m.dimensions[1].id = 'usage'))],
	['no-weight', bad((m) => m.dimensions.forEach((d: { weight: number }) => (d.weight = 0)))],
	[
		'no-metric-weight',
		bad((m) => m.dimensions[0].metrics.forEach((x: { weight: number }) => (x.weight = 0)))
	],
	['tier-order', bad((m) => (m.tiers[1].min = 90))],
	['last-tier-zero', bad((m) => (m.tiers[2].min = 10))],
	[
		'duplicate-segment',
		bad((m) => (m.segments = { column: 'seg', overrides: [{ value: 'a' }, { value: 'a' }] }))
	],
	[
		'unknown-weight-id',
		bad(
			(m) =>
				(m.segments = {
					column: 'seg',
					overrides: [{ value: 'smb', weights: [{ id: 'nope', weight: 1 }] }]
				})
		)
	],
	[
		'unknown-tier',
		bad(
			(m) =>
				(m.playbooks = [{ id: 'p', trigger: { tier: 'blue' }, action: '', owner: '', dueDays: 1 }])
		)
	],
	[
		'in-segment',
		bad(
			(m) =>
				(m.segments = {
					column: 'seg',
					overrides: [
						{
							value: 'smb',
							weights: [
								{ id: 'usage', weight: 0 },
								{ id: 'support', weight: 0 }
							]
						}
					]
				})
		)
	],
	['newer-version', bad((m) => (m.schemaVersion = 7))],
	[
		'unreadable',
		bad((m) => {
			Object.defineProperty(m, 'name', {
				enumerable: true,
				get() {
					throw new Error('boom');
				}
			});
		}, true)
	],
	['recipe', bad((m) => (m.recipe = 5))]
];

/** Codes no model can produce: the fallback for a valibot check the schema does not use yet. */
const FALLBACK: ModelIssueCode[] = ['invalid'];

const isRecordLike = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** English words (3+ ASCII letters) left in a Japanese message once the data is taken out. */
function englishLeft(text: string, data: readonly string[]): string[] {
	let rest = text;
	for (const d of data) rest = rest.split(d).join(' ');
	return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

function pick(code: ModelIssueCode, json: unknown): ValidationIssue {
	const found = issuesOf(json).find((i) => i.code === code);
	if (!found) throw new Error(`no ${code} issue in ${JSON.stringify(issuesOf(json))}`);
	return found;
}

describe('model issues in both languages', () => {
	it('every code has a case (a new code must get one here)', () => {
		expect(new Set([...CASES.map(([c]) => c), ...FALLBACK])).toEqual(new Set(MODEL_ISSUE_CODES));
		expect(Object.keys(MODEL_ISSUES).sort()).toEqual([...MODEL_ISSUE_CODES].sort());
	});

	it.each(CASES)('%s: English as the core says it, Japanese with no English word', (code, json) => {
		const issue = pick(code, json);
		i18n.set('en');
		expect(modelIssueMessage(issue)).toBe(issue.message);
		i18n.set('ja');
		const said = modelIssueMessage(issue);
		expect(said).not.toBe(issue.message);
		expect(said).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
		// Data the message may quote: ids, values and options from the file, raw details, and
		// JSON's own null (what the file must hold).
		const data = [
			'null',
			'portfolio',
			'segment',
			'higher',
			'lower',
			'ID',
			...Object.values(issue.params ?? {}).map(String)
		];
		expect(englishLeft(said, data), said).toEqual([]);
	});

	it('the fallback for an unknown check keeps its English detail after a Japanese lead', () => {
		const issue = issueOfSchema('name', unknownCheckIssue('Invalid input'));
		expect(issue.code).toBe('invalid');
		expect(modelIssueMessage(issue)).toBe('Invalid input');
		i18n.set('ja');
		expect(modelIssueMessage(issue)).toBe('値が正しくありません（Invalid input）');
	});

	it('an issue without a code (a check outside the model) keeps its words', () => {
		i18n.set('ja');
		expect(modelIssueMessage({ path: 'values', message: 'must be an object' })).toBe(
			'must be an object'
		);
	});

	it('options a field allows are listed in each language', () => {
		const issue = pick('one-of', CASES.find(([c]) => c === 'one-of')![1]);
		expect(modelIssueMessage(issue)).toBe('must be higher or lower');
		i18n.set('ja');
		expect(modelIssueMessage(issue)).toBe('「higher」、「lower」のいずれかである必要があります');
		const three = pick(
			'one-of',
			bad((m) => (m.dimensions[0].metrics[0].missing = 'skip'))
		);
		i18n.set('en');
		expect(modelIssueMessage(three)).toBe('must be exclude, zero or neutral');
	});

	it('inside a segment, the inner rule is said in the UI language too', () => {
		const issue = pick('in-segment', CASES.find(([c]) => c === 'in-segment')![1]);
		i18n.set('ja');
		expect(modelIssueMessage(issue)).toBe(
			'このセグメントでは、少なくとも 1 つのディメンションに 0 より大きい重みが必要です'
		);
	});
});

describe('where a problem is, in words', () => {
	const json = bad(
		(m) => (m.dimensions[0].metrics[1].scheme = { kind: 'linear', worst: 5, best: 5 })
	);

	it('names the dimension and metric by number and name, then the field', () => {
		const path = 'dimensions[0].metrics[1].scheme.best';
		expect(modelIssueWhere(path, json)).toBe(
			'dimension 1 “Usage” › metric 2 “Logins” › scheme › best value'
		);
		i18n.set('ja');
		expect(modelIssueWhere(path, json)).toBe(
			'ディメンション 1「Usage」 ＞ 指標 2「Logins」 ＞ 採点方式 ＞ 最良の値'
		);
		expect(modelIssueLine(pick('best-equals-worst', json), json)).toBe(
			'ディメンション 1「Usage」 ＞ 指標 2「Logins」 ＞ 採点方式 ＞ 最良の値：最悪の値と異なる必要があります'
		);
	});

	it('items without a readable name, tiers, bands, segments and playbooks', () => {
		expect(modelIssueWhere('dimensions[4].weight', json)).toBe('dimension 5 › weight');
		expect(modelIssueWhere('dimensions[0].weight')).toBe('dimension 1 › weight');
		expect(modelIssueWhere('tiers[1].min', json)).toBe('tier 2 “Yellow” › starting score');
		expect(modelIssueWhere('dimensions[0].metrics[0].scheme.bands[2].upTo', json)).toBe(
			'dimension 1 “Usage” › metric 1 “Seats” › scheme › band 3 › up to'
		);
		const seg = { segments: { column: 'plan', overrides: [{ value: 'SMB' }] } };
		expect(modelIssueWhere('segments.overrides[0].weights[1].id', seg)).toBe(
			'segment “SMB” › weight 2 › id'
		);
		expect(modelIssueWhere('playbooks[2].trigger.tier')).toBe('playbook 3 › trigger › tier');
		expect(modelIssueWhere('recipe.features[0].name')).toBe('data recipe › feature 1 › name');
		expect(modelIssueWhere('recipe')).toBe('data recipe');
		expect(modelIssueWhere('')).toBe('the file');
		i18n.set('ja');
		expect(modelIssueWhere('segments.overrides[0].tiers[1].min', seg)).toBe(
			'セグメント「SMB」 ＞ ティア 2 ＞ 開始スコア'
		);
		expect(modelIssueWhere('(file)')).toBe('ファイル');
	});

	it('every field a model can have is named in the catalog', () => {
		return import('$lib/model/schema').then(({ ModelSchema }) => {
			const fields = schemaFields(ModelSchema);
			expect(fields.size).toBeGreaterThan(30);
			const missing = [...fields].filter((f) => !(`mi.f.${f}` in en));
			expect(missing).toEqual([]);
		});
	});
});

describe('templates, worker failures and share links', () => {
	it('every shipped template has its name and description in the catalog, the English as shipped', () => {
		for (const tpl of TEMPLATES) {
			expect(templateName(tpl)).toBe(tpl.name);
			expect(templateDescription(tpl)).toBe(tpl.description);
			i18n.set('ja');
			expect(templateName(tpl)).toBe(ja[`mi.tpl.${tpl.id}.name` as keyof typeof ja]);
			expect(templateDescription(tpl)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			i18n.set('en');
		}
		expect(templateName({ id: 'mine', name: 'My own' })).toBe('My own');
	});

	it('known worker failures by code, others after a lead sentence', () => {
		const codes: WorkerErrorCode[] = ['no-dataset', 'needs-dates', 'needs-churned'];
		expect(Object.keys(WORKER_ERRORS).sort()).toEqual([...codes].sort());
		i18n.set('ja');
		for (const code of codes) {
			const text = workerErrorText('backtest', { code, message: 'x' });
			expect(text).toBe(ja[WORKER_ERRORS[code]]);
			expect(workerErrorDetail({ code, message: 'x' })).toBe(text);
		}
		expect(workerErrorText('score', { message: 'points do not match the model' })).toBe(
			'スコアを計算できませんでした：points do not match the model'
		);
		expect(workerErrorDetail({ message: 'raw' })).toBe('raw');
		i18n.set('en');
		expect(workerErrorText('draft', { message: 'The draft failed: boom', detail: 'boom' })).toBe(
			'The draft failed: boom'
		);
	});

	it('the backtest core reports its known failures with their code', () => {
		const core = new BacktestCore();
		let err: unknown = null;
		try {
			core.population({ mode: 'cross-sectional', asOfDay: 0, horizonDays: 0 });
		} catch (e) {
			err = e;
		}
		expect(err).toBeInstanceOf(CodedError);
		expect(errorFields(err)).toEqual({ code: 'no-dataset', message: 'no dataset loaded' });
		expect(errorFields(new Error('other'))).toEqual({ message: 'other' });
	});

	it("an account's flag below a floor: English as the core says it, Japanese from its figures", () => {
		const m = base();
		m.dimensions[0]!.floor = 40;
		// Usage: seats 10 and logins 15 on 0→100 lines, equal weights → 12.5, below 40.
		const flags = scoreAccount(m, { seats: 10, logins: 15, tickets: 0 }).flags;
		expect(flags).toHaveLength(1);
		expect(accountFlagText(flags[0]!)).toBe('Usage is at 13, below its floor of 40');
		expect(accountFlagText(flags[0]!)).toBe(flags[0]!.message);
		i18n.set('ja');
		expect(accountFlagText(flags[0]!)).toBe('Usage は 13 で、下限 40 を下回っています');
	});

	it("a share link's bad inputs: every code in both languages, the English as the codec says it", async () => {
		const cases: [ShareValueCode, unknown][] = [
			['values-object', 5],
			['values-many', Object.fromEntries(Array.from({ length: 101 }, (_, k) => [`k${k}`, 1]))],
			['value-key', { ['x'.repeat(201)]: 1 }],
			['value-finite', { seats: Infinity }],
			['value-long', { plan: 'x'.repeat(501) }],
			['value-type', { seats: [1] }]
		];
		const model = structuredClone(base());
		for (const [code, values] of cases) {
			const checked = checkValues(values);
			expect('issues' in checked && checked.issues[0]!.valueCode, code).toBe(code);
			if (!('issues' in checked)) continue;
			const first = checked.issues[0]!;
			// Through a real link where JSON can carry the value (Infinity cannot: checked directly).
			const res =
				code === 'value-finite'
					? { ok: false as const, code: 'invalid' as const, message: '', issues: checked.issues }
					: await decodeShare(await encodeShare({ v: 1, model, values: values as never }));
			expect(res.ok, code).toBe(false);
			if (res.ok) continue;
			i18n.set('en');
			expect(shareErrorText(res)).toContain(`(${first.path}: ${first.message})`);
			i18n.set('ja');
			const said = shareErrorText(res);
			expect(said).toMatch(/^この共有リンクの入力値が正しくありません/);
			const data = [
				first.path.slice('values.'.length),
				...Object.keys(isRecordLike(values) ? values : {})
			];
			expect(englishLeft(said, data), said).toEqual([]);
		}
	});

	it('a bad share link is said in the UI language, the English as before', async () => {
		const damaged = await decodeShare('%%%');
		expect(damaged.ok).toBe(false);
		if (damaged.ok) return;
		expect(shareErrorText(damaged)).toBe(`${damaged.message} Nothing was changed.`);
		i18n.set('ja');
		expect(shareErrorText(damaged)).toBe(ja['mi.link.damaged']);
		for (const c of ['too-large', 'newer-version'] as const)
			expect(shareErrorText({ code: c, message: '' })).toBe(ja[`mi.link.${c}`]);
		const invalid = {
			code: 'invalid' as const,
			message: '',
			issues: issuesOf(bad((m) => (m.tiers[2].min = 10)))
		};
		expect(shareErrorText(invalid)).toBe(
			'この共有リンクのモデルが正しくありません（ティア 3 ＞ 開始スコア：最後のティアは 0 から始まる必要があります）。何も変更していません。'
		);
	});
});

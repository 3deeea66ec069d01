/**
 * The model side said in the UI language: why a model JSON is refused (`ValidationIssue` codes
 * from `src/lib/model/issues.ts`), where in the model each problem is — the dimension, metric,
 * tier… by its number and name as the Model screen shows them, not a JSON path — the shipped
 * templates' names and descriptions, and failures inside the score, draft and backtest workers.
 * Every code has a renderer (the `Record` type fails the type check when a code is added);
 * `model-issue-text.test.ts` makes each from a real bad model and checks both languages.
 */
import { t, type MessageKey } from './i18n.svelte';
import { en } from './en';
import { OPTION_SEP, type ModelIssueCode, type ModelIssueParams } from '$lib/model/issues';
import type { AccountFlag, ValidationIssue } from '$lib/model/types';
import type { WorkerErrorCode } from '$lib/workers/worker-error';
import type { ShareValueCode } from '$lib/data/export/share/codec';
import { isRecipeIssueCode, recipeWhere, sourceIssueText } from './source-issue-text';
import { pathTokens } from './json-path';

type Say = (p: ModelIssueParams) => string;

const plain =
	(code: ModelIssueCode): Say =>
	(p) =>
		t(`mi.${code}`, p);

/** "portfolio or segment" / 「portfolio」、「segment」 from the options a field allows. */
function optionList(options: string): string {
	const quoted = options.split(OPTION_SEP).map((value) => t('mi.opt', { value }));
	const last = quoted.pop() ?? '';
	return quoted.length ? `${quoted.join(t('mi.opt.sep'))}${t('mi.opt.last')}${last}` : last;
}

/** Every reason a model is refused, in words. */
export const MODEL_ISSUES: Record<ModelIssueCode, Say> = {
	number: plain('number'),
	finite: plain('finite'),
	min: plain('min'),
	max: plain('max'),
	above: plain('above'),
	string: plain('string'),
	id: plain('id'),
	color: plain('color'),
	empty: plain('empty'),
	'too-long': plain('too-long'),
	list: plain('list'),
	'min-items': (p) => t(p.min === 1 ? 'mi.min-items.one' : 'mi.min-items', p),
	'max-items': plain('max-items'),
	'one-of': (p) => t('mi.one-of', { options: optionList(String(p.options ?? '')) }),
	literal: plain('literal'),
	'scheme-kind': plain('scheme-kind'),
	trigger: plain('trigger'),
	object: plain('object'),
	invalid: plain('invalid'),
	'best-equals-worst': plain('best-equals-worst'),
	'best-below-worst': plain('best-below-worst'),
	'best-above-worst': plain('best-above-worst'),
	'last-band-open': plain('last-band-open'),
	'band-open': plain('band-open'),
	'band-order': plain('band-order'),
	'duplicate-category': plain('duplicate-category'),
	'duplicate-id': plain('duplicate-id'),
	'no-weight': plain('no-weight'),
	'no-metric-weight': plain('no-metric-weight'),
	'tier-order': plain('tier-order'),
	'last-tier-zero': plain('last-tier-zero'),
	'duplicate-segment': plain('duplicate-segment'),
	'unknown-weight-id': plain('unknown-weight-id'),
	'unknown-tier': plain('unknown-tier'),
	'in-segment': (p) => {
		const inner = String(p.issue);
		const say = isCode(inner) && inner !== 'in-segment' ? MODEL_ISSUES[inner] : null;
		return t('mi.in-segment', { issue: say ? say({}) : inner });
	},
	'newer-version': plain('newer-version'),
	unreadable: plain('unreadable'),
	// The recipe's own rule when the issue carries it (`recipeCode`), said like the Sources screen says it.
	recipe: (p) =>
		isRecipeIssueCode(p.recipeCode)
			? sourceIssueText({ code: p.recipeCode, params: p, message: String(p.detail ?? '') })
			: t('mi.recipe', p)
};

function isCode(x: string): x is ModelIssueCode {
	return Object.hasOwn(MODEL_ISSUES, x);
}

/** What is wrong, in the UI language (the core's English when the issue has no code). */
export function modelIssueMessage(i: ValidationIssue): string {
	return i.code && isCode(i.code) ? MODEL_ISSUES[i.code](i.params ?? {}) : i.message;
}

/** Lists whose items are named: the list's key → how one item is said. */
const ITEMS: Record<string, { key: MessageKey; named?: MessageKey; label?: 'name' | 'value' }> = {
	dimensions: { key: 'mi.at.dimension.n', named: 'mi.at.dimension', label: 'name' },
	metrics: { key: 'mi.at.metric.n', named: 'mi.at.metric', label: 'name' },
	tiers: { key: 'mi.at.tier.n', named: 'mi.at.tier', label: 'name' },
	overrides: { key: 'mi.at.segment.n', named: 'mi.at.segment', label: 'value' },
	bands: { key: 'mi.at.band' },
	map: { key: 'mi.at.category' },
	weights: { key: 'mi.at.weight' },
	playbooks: { key: 'mi.at.playbook' }
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** A name from the file, short enough for a sentence. */
function labelOf(node: unknown, field: 'name' | 'value'): string | null {
	if (!isRecord(node)) return null;
	const s = node[field];
	if (typeof s !== 'string' || s.trim() === '') return null;
	const one = s.trim().replace(/\s+/g, ' ');
	return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/**
 * Where a problem is, in words: `dimensions[2].metrics[0].scheme.best` of a file whose third
 * dimension is "Usage" → `dimension 3 “Usage” › metric 1 “Logins” › scheme › best value`
 * (in Japanese `ディメンション 3「Usage」 ＞ 指標 1「Logins」 ＞ 採点方式 ＞ 最良の値`). `json`
 * is the refused file, read only for names; without it items are said by number alone.
 */
export function modelIssueWhere(path: string, json?: unknown): string {
	if (path === '' || path === '(file)') return t('mi.at.file');
	// The recipe is said by its own parts (source and feature by name).
	const recipe = /^recipe(?=$|[.[])/.exec(path);
	if (recipe) {
		const inner = recipeWhere(
			path.slice('recipe'.length).replace(/^\./, ''),
			isRecord(json) ? json.recipe : undefined
		);
		return inner ? `${t('mi.f.recipe')}${t('mi.at.sep')}${inner}` : t('mi.f.recipe');
	}
	const tokens = pathTokens(path);
	const parts: string[] = [];
	let node: unknown = json;
	let list = '';
	for (let k = 0; k < tokens.length; k++) {
		const tok = tokens[k]!;
		if (typeof tok === 'number') {
			node = Array.isArray(node) ? node[tok] : undefined;
			const item = Object.hasOwn(ITEMS, list) ? ITEMS[list]! : { key: 'mi.at.item' as const };
			const label = item.label ? labelOf(node, item.label) : null;
			parts.push(
				label && item.named
					? t(item.named, { n: tok + 1, name: label, value: label })
					: t(item.key, { n: tok + 1 })
			);
			continue;
		}
		node = isRecord(node) ? node[tok] : undefined;
		list = tok;
		const next = tokens[k + 1];
		// A list followed by its item is said by the item ("dimension 3"), and a segment's
		// settings by the segment.
		if (typeof next === 'number' || (tok === 'segments' && next === 'overrides')) continue;
		const field = `mi.f.${tok}`;
		parts.push(field in en ? t(field as MessageKey) : tok);
	}
	return parts.join(t('mi.at.sep'));
}

/** A shipped template's name in the UI language (a template without a catalog entry: its own). */
export function templateName(tpl: { id: string; name: string }): string {
	const key = `mi.tpl.${tpl.id}.name`;
	return key in en ? t(key as MessageKey) : tpl.name;
}

/** A shipped template's description in the UI language. */
export function templateDescription(tpl: { id: string; description: string }): string {
	const key = `mi.tpl.${tpl.id}.description`;
	return key in en ? t(key as MessageKey) : tpl.description;
}

/** Known failures inside a worker, in words. */
export const WORKER_ERRORS: Record<WorkerErrorCode, MessageKey> = {
	'no-dataset': 'mi.work.no-dataset',
	'needs-dates': 'mi.work.needs-dates',
	'needs-churned': 'mi.work.needs-churned'
};

/**
 * A failure a worker reported (`score/error`, `draft/error`, `backtest/error`) in the UI language:
 * a known one by its code, any other as "Scoring failed:" (…) with the raw detail after it.
 */
export function workerErrorText(
	task: 'score' | 'draft' | 'backtest',
	e: { code?: WorkerErrorCode; detail?: string; message: string }
): string {
	if (e.code && Object.hasOwn(WORKER_ERRORS, e.code)) return t(WORKER_ERRORS[e.code]);
	return t(`mi.work.${task}`, { detail: e.detail ?? e.message });
}

/** A worker's failure where the screen already leads with its own sentence: the known cause or the raw detail. */
export function workerErrorDetail(e: { code?: WorkerErrorCode; message: string }): string {
	return e.code && Object.hasOwn(WORKER_ERRORS, e.code) ? t(WORKER_ERRORS[e.code]) : e.message;
}

/** A problem with its place: `dimension 3 “Usage” › weight: must be a number`. */
export function modelIssueLine(i: ValidationIssue, json?: unknown): string {
	return t('mi.line', { where: modelIssueWhere(i.path, json), problem: modelIssueMessage(i) });
}

/** A share link's input problem: `input “seats”: must be a finite number`, in the UI language. */
function shareValueLine(i: ValidationIssue & { valueCode: ShareValueCode }): string {
	const key = i.path.startsWith('values.') ? i.path.slice('values.'.length) : null;
	const where = key === null ? t('mi.sv.all') : t('mi.sv.input', { key });
	return t('mi.line', { where, problem: t(`mi.sv.${i.valueCode}`, i.params ?? {}) });
}

const isValueIssue = (i: ValidationIssue): i is ValidationIssue & { valueCode: ShareValueCode } =>
	typeof (i as { valueCode?: unknown }).valueCode === 'string';

/**
 * Why a share link could not be opened, in the UI language (nothing was changed). A model's
 * problem is said like a refused file's, an input's by its code (`ShareValueCode`).
 */
export function shareErrorText(res: {
	code: 'damaged' | 'too-large' | 'newer-version' | 'invalid';
	message: string;
	issues?: readonly ValidationIssue[];
}): string {
	if (res.code !== 'invalid') return t(`mi.link.${res.code}`);
	const first = res.issues?.[0];
	if (!first) return t('mi.link.damaged');
	const more = (res.issues?.length ?? 1) - 1;
	const model = first.code !== undefined;
	const problem = model
		? modelIssueLine(first)
		: isValueIssue(first)
			? shareValueLine(first)
			: `${first.path}: ${first.message}`;
	const key = model ? 'mi.link.model' : 'mi.link.inputs';
	return more > 0 ? t(`${key}.more`, { problem, more }) : t(key, { problem });
}

/** An account's flag (a dimension below its floor) in the UI language. */
export function accountFlagText(f: AccountFlag): string {
	return f.kind === 'dimension-below-floor' && f.params ? t('pf.floorFlag', f.params) : f.message;
}

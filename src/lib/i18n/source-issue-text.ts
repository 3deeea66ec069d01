/**
 * The recipe side said in the UI language: why a recipe is refused (`RecipeIssue` codes from
 * `src/lib/sources/issues.ts`), what the check against the sources' columns, the build and the
 * Sources workspace report (`SourceIssue` codes), and where in a recipe a problem is — the source
 * and the feature by name, not a JSON path. Every code has a renderer (the `Record` types fail
 * the type check when a code is added); `source-issue-text.test.ts` makes each from a real bad
 * recipe or build and checks both languages.
 */
import { t, type MessageKey } from './i18n.svelte';
import { en } from './en';
import {
	NAME_SEP,
	type IssueParams,
	type RecipeIssueCode,
	type SourceCheckCode,
	type SourceIssueCode
} from '$lib/sources/issues';
import * as fmt from '$lib/ui/format';
import { pathTokens } from './json-path';

type Say = (p: IssueParams) => string;

const plain =
	(code: RecipeIssueCode | SourceCheckCode): Say =>
	(p) =>
		t(`src.iss.${code}` as MessageKey, p);

/** A count and a row number as the UI language writes numbers; `.one` when the count is 1. */
const counted =
	(code: SourceCheckCode): Say =>
	(p) =>
		t(`src.iss.${code}${Number(p.n) === 1 ? '.one' : ''}` as MessageKey, {
			...p,
			n: fmt.integer(Number(p.n)),
			row: fmt.integer(Number(p.row))
		});

/** `"a", "b"` / 「a」、「b」 from a `NAME_SEP`-joined list. */
function quoted(list: string | number | undefined): string {
	return String(list ?? '')
		.split(NAME_SEP)
		.map((name) => t('src.iss.q', { name }))
		.join(t('src.iss.q.sep'));
}

const grainWords = (g: string | number | undefined) => t(`src.iss.a.${g}` as MessageKey);

/** Every reason a recipe is refused, in words. */
export const RECIPE_ISSUES: Record<RecipeIssueCode, Say> = {
	string: plain('string'),
	empty: plain('empty'),
	'too-long': plain('too-long'),
	date: plain('date'),
	'date-format': plain('date-format'),
	'date-real': plain('date-real'),
	list: plain('list'),
	'min-items': (p) => t(p.min === 1 ? 'src.iss.min-items.one' : 'src.iss.min-items', p),
	'max-items': plain('max-items'),
	number: plain('number'),
	'whole-days': plain('whole-days'),
	'min-days': plain('min-days'),
	'max-days': plain('max-days'),
	min: plain('min'),
	max: plain('max'),
	grain: plain('grain'),
	reactivation: plain('reactivation'),
	anchor: plain('anchor'),
	'grid-kind': plain('grid-kind'),
	'outcome-kind': plain('outcome-kind'),
	aggregate: plain('aggregate'),
	measure: plain('measure'),
	combine: plain('combine'),
	'direction-value': plain('direction-value'),
	'feature-kind': plain('feature-kind'),
	'feature-id': plain('feature-id'),
	version: plain('version'),
	object: plain('object'),
	invalid: plain('invalid'),
	'newer-version': plain('newer-version'),
	unreadable: plain('unreadable'),
	'duplicate-source': plain('duplicate-source'),
	'event-time': plain('event-time'),
	'snapshot-time': plain('snapshot-time'),
	'period-start': plain('period-start'),
	'time-zone': plain('time-zone'),
	'link-unknown': plain('link-unknown'),
	'link-two-hops': plain('link-two-hops'),
	'link-self': plain('link-self'),
	'accounts-unknown': plain('accounts-unknown'),
	'accounts-grain': (p) => t('src.iss.accounts-grain', { ...p, aGrain: grainWords(p.grain) }),
	'accounts-linked': plain('accounts-linked'),
	'grid-source': plain('grid-source'),
	'grid-backwards': plain('grid-backwards'),
	'churn-log-source': plain('churn-log-source'),
	'period-end-source': plain('period-end-source'),
	'duplicate-feature': plain('duplicate-feature'),
	'reserved-id': plain('reserved-id'),
	'feature-source-unknown': plain('feature-source-unknown'),
	'feature-grain': (p) =>
		t('src.iss.feature-grain', {
			...p,
			want: t(`src.iss.want.${p.want}` as MessageKey),
			aGrain: grainWords(p.grain)
		}),
	'feature-column': (p) =>
		t('src.iss.feature-column', { ...p, agg: t(`src.iss.agg.${p.agg}` as MessageKey) }),
	'feature-measure-column': (p) =>
		t('src.iss.feature-measure-column', {
			...p,
			measure: t(`src.iss.measure.${p.measure}` as MessageKey)
		}),
	'feature-direction': plain('feature-direction'),
	'segment-unknown': plain('segment-unknown'),
	'contract-value-unknown': plain('contract-value-unknown')
};

/** Every problem the check against the sources, the build and the workspace report, in words. */
export const SOURCE_CHECKS: Record<SourceCheckCode, Say> = {
	'not-loaded': plain('not-loaded'),
	'no-column': (p) =>
		t('src.iss.no-column', { ...p, what: t(`src.iss.what.${p.what}` as MessageKey) }),
	'link-column-gone': plain('link-column-gone'),
	'columns-changed': (p) => {
		const gone = String(p.gone ?? '') !== '';
		const added = String(p.added ?? '') !== '';
		const key = gone && added ? 'both' : gone ? 'gone' : 'new';
		return t(`src.iss.columns-changed.${key}`, {
			source: p.source ?? '',
			gone: quoted(p.gone),
			added: quoted(p.added)
		});
	},
	'feature-column-gone': plain('feature-column-gone'),
	'churn-column-missing': plain('churn-column-missing'),
	'zone-mismatch': plain('zone-mismatch'),
	'list-duplicate-ids': counted('list-duplicate-ids'),
	'list-blank-keys': counted('list-blank-keys'),
	'link-matches-nothing': plain('link-matches-nothing'),
	'key-matches-nothing': plain('key-matches-nothing'),
	'no-date': counted('no-date'),
	'period-backwards': counted('period-backwards'),
	'no-grid-dates': plain('no-grid-dates'),
	'duplicate-events': counted('duplicate-events'),
	'dataset-gone': plain('dataset-gone'),
	'no-rows': plain('no-rows')
};

const isRecipeCode = (x: unknown): x is RecipeIssueCode =>
	typeof x === 'string' && Object.hasOwn(RECIPE_ISSUES, x);
const isCheckCode = (x: unknown): x is SourceCheckCode =>
	typeof x === 'string' && Object.hasOwn(SOURCE_CHECKS, x);

/** A recipe's or a build's problem in the UI language (its English words when the code is unknown). */
export function sourceIssueText(i: {
	code?: SourceIssueCode | string;
	params?: IssueParams;
	message: string;
}): string {
	const p = i.params ?? {};
	if (isRecipeCode(i.code)) return RECIPE_ISSUES[i.code](p);
	if (isCheckCode(i.code)) return SOURCE_CHECKS[i.code](p);
	return i.message;
}

/** True when `code` is a recipe rule's (the model's `recipe` issue carries it as `recipeCode`). */
export function isRecipeIssueCode(code: unknown): code is RecipeIssueCode {
	return isRecipeCode(code);
}

/** Lists whose items are named: the list's key → how one item is said. */
const ITEMS: Record<string, { key: MessageKey; named?: MessageKey }> = {
	sources: { key: 'src.at.source.n', named: 'src.at.source' },
	features: { key: 'src.at.feature.n', named: 'src.at.feature' },
	dates: { key: 'src.at.date' },
	values: { key: 'src.at.value' },
	columns: { key: 'src.at.column' }
};

const isRecord = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** An item's name from the recipe, short enough for a sentence. */
function nameOf(node: unknown): string | null {
	if (!isRecord(node) || typeof node.name !== 'string' || node.name.trim() === '') return null;
	const one = node.name.trim().replace(/\s+/g, ' ');
	return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/**
 * Where in a recipe a problem is, in words: `sources[2].time` of a recipe whose third source is
 * "billing" → `source “billing” › date column` (in Japanese `ソース「billing」 ＞ 日付の列`).
 * `recipe` is the (possibly refused) recipe JSON, read only for names; without it items are said
 * by number. An empty path is the recipe as a whole: an empty string.
 */
export function recipeWhere(path: string, recipe?: unknown): string {
	const tokens = pathTokens(path);
	const parts: string[] = [];
	let node: unknown = recipe;
	let list = '';
	for (let k = 0; k < tokens.length; k++) {
		const tok = tokens[k]!;
		if (typeof tok === 'number') {
			node = Array.isArray(node) ? node[tok] : undefined;
			const item = Object.hasOwn(ITEMS, list) ? ITEMS[list]! : { key: 'mi.at.item' as const };
			const name = item.named ? nameOf(node) : null;
			parts.push(name && item.named ? t(item.named, { name }) : t(item.key, { n: tok + 1 }));
			continue;
		}
		node = isRecord(node) ? node[tok] : undefined;
		list = tok;
		// A list followed by its item is said by the item ("source “billing”").
		if (typeof tokens[k + 1] === 'number') continue;
		const field = `src.f.${tok}`;
		parts.push(field in en ? t(field as MessageKey) : tok);
	}
	return parts.join(t('mi.at.sep'));
}

/** A recipe problem with its place: `feature “MRR” › column: "MRR" (sum) needs a column…`. */
export function recipeIssueLine(
	i: { path?: string; code?: string; params?: IssueParams; message: string },
	recipe?: unknown
): string {
	const problem = sourceIssueText(i);
	const where = i.path ? recipeWhere(i.path, recipe) : '';
	return where ? t('mi.line', { where, problem }) : problem;
}

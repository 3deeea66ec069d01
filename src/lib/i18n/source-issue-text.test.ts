// Why a recipe is refused and what a build reports, in both languages: every code the core can
// report is produced here from a real bad recipe, a real check against changed columns or a real
// build, said in English exactly as the core's own `message`, and in Japanese with no English
// word left but the data (source, feature and column names, ids, option values). A new code
// without a case here fails "every code has a case". Also: where in a recipe a problem is, the
// model screen's refused recipe, and the feature form's problems.
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from './i18n.svelte';
import { en } from './en';
import { ja } from './ja';
import {
	RECIPE_ISSUES,
	SOURCE_CHECKS,
	recipeIssueLine,
	recipeWhere,
	sourceIssueText
} from './source-issue-text';
import { modelIssueLine, modelIssueMessage } from './model-issue-text';
import {
	RECIPE_ISSUE_CODES,
	SOURCE_CHECK_CODES,
	issueOfRecipeSchema,
	type RecipeIssue,
	type RecipeIssueCode,
	type SourceCheckCode
} from '$lib/sources/issues';
import { parseRecipe, RecipeSchema } from '$lib/sources/recipe-schema';
import { ravenRecipe } from '$lib/sources/test-data';
import { buildFeatureTable } from '$lib/sources/build';
import { isoDay } from '$lib/sources/grid';
import { checkRecipeColumns, checkRecipeZones } from '$lib/sources/validate';
import type { Recipe, SourceIssue, SourceTable } from '$lib/sources/types';
import type { Column } from '$lib/model/types';
import { validateModel } from '$lib/model/validate';
import { dimension, metric, model } from '$lib/model/testing/models';
import { emptyDraft, featureOf, featureProblems } from '../../screens/sources/feature-form';
import { schemaFields, unknownCheckIssue } from './testing/schema-fields';

afterEach(() => i18n.set('en'));

/** Untrusted JSON, edited freely: a bad recipe is what these tests make. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

/** The ravenstack recipe, changed by `f`, as untrusted JSON (a JS object when `js`). */
function bad(f: (r: Loose) => void, js = false): unknown {
	const r = structuredClone(ravenRecipe()) as unknown as Loose;
	f(r);
	return js ? r : JSON.parse(JSON.stringify(r));
}

const feature = (r: Loose, id: string): Loose => r.features.find((x: Loose) => x.id === id);

/** One real bad recipe per code (the issue with that code is picked from its issues). */
const RECIPES: [RecipeIssueCode, unknown][] = [
	['string', bad((r) => (r.sources[0].name = 5))],
	['empty', bad((r) => (r.sources[0].name = ''))],
	['too-long', bad((r) => (r.features[0].name = 'x'.repeat(201)))],
	['date', bad((r) => (r.grid.from = 5))],
	['date-format', bad((r) => (r.grid.from = '2024/01/01'))],
	['date-real', bad((r) => (r.grid.from = '2024-13-01'))],
	['list', bad((r) => (r.features = 'usage'))],
	['min-items', bad((r) => (r.sources = []))],
	[
		'max-items',
		bad((r) => (feature(r, 'urgent_tickets_180d').filter.values = Array(501).fill('a')))
	],
	['number', bad((r) => (r.features[0].days = 'thirty'))],
	['whole-days', bad((r) => (r.features[0].days = 1.5))],
	['min-days', bad((r) => (r.features[0].days = 0))],
	['max-days', bad((r) => (r.features[0].days = 40_000))],
	[
		'min',
		bad(
			(r) =>
				(r.outcome = {
					kind: 'period-end',
					source: 'subscriptions',
					graceDays: -1,
					reactivation: 'none'
				})
		)
	],
	[
		'max',
		bad(
			(r) =>
				(r.outcome = {
					kind: 'period-end',
					source: 'subscriptions',
					graceDays: 4000,
					reactivation: 'none'
				})
		)
	],
	['grain', bad((r) => (r.sources[0].grain = 'row'))],
	[
		'reactivation',
		bad(
			(r) =>
				(r.outcome = {
					kind: 'churn-log',
					source: 'churn-events',
					column: 'churn_date',
					reactivation: 'maybe'
				})
		)
	],
	['anchor', bad((r) => (r.grid.anchor = 'mid'))],
	['grid-kind', bad((r) => (r.grid.kind = 'daily'))],
	['outcome-kind', bad((r) => (r.outcome = { kind: 'survey' }))],
	['aggregate', bad((r) => (r.features[0].agg = 'median'))],
	['measure', bad((r) => (feature(r, 'mrr').measure = 'peak'))],
	['combine', bad((r) => (feature(r, 'mrr').combine = 'mean'))],
	['direction-value', bad((r) => (feature(r, 'seat_upgrades_365d').direction = 'sideways'))],
	['feature-kind', bad((r) => (r.features[0].kind = 'formula'))],
	['feature-id', bad((r) => (r.features[0].id = 'Usage 30d'))],
	['version', bad((r) => (r.schemaVersion = 0))],
	['object', bad((r) => (r.sources[1] = 5))],
	['newer-version', bad((r) => (r.schemaVersion = 7))],
	[
		'unreadable',
		bad((r) => {
			Object.defineProperty(r, 'sources', {
				enumerable: true,
				get() {
					throw new Error('boom');
				}
			});
		}, true)
	],
	['duplicate-source', bad((r) => (r.sources[3].name = 'churn-events'))],
	['event-time', bad((r) => (r.sources[3].time = null))],
	[
		'snapshot-time',
		bad((r) => r.sources.push({ name: 'health-snapshots', grain: 'snapshot', key: 'account_id' }))
	],
	['period-start', bad((r) => (r.sources[1].start = null))],
	['time-zone', bad((r) => (r.sources[0].timeZone = 'Mars/Olympus'))],
	['link-unknown', bad((r) => (r.sources[2].link.via = 'sessions'))],
	[
		'link-two-hops',
		bad((r) => (r.sources[3].link = { via: 'feature-usage', column: 'subscription_id' }))
	],
	['link-self', bad((r) => (r.sources[3].link = { via: 'support-tickets', column: 'ticket_id' }))],
	['accounts-unknown', bad((r) => (r.accounts = 'crm'))],
	['accounts-grain', bad((r) => (r.accounts = 'support-tickets'))],
	[
		'accounts-linked',
		bad((r) => (r.sources[0].link = { via: 'subscriptions', column: 'account_id' }))
	],
	['grid-source', bad((r) => (r.grid = { kind: 'snapshot-dates', source: 'accounts' }))],
	['grid-backwards', bad((r) => (r.grid.to = '2022-12-31'))],
	[
		'churn-log-source',
		bad(
			(r) =>
				(r.outcome = {
					kind: 'churn-log',
					source: 'subscriptions',
					column: 'end_date',
					reactivation: 'none'
				})
		)
	],
	[
		'period-end-source',
		bad(
			(r) =>
				(r.outcome = {
					kind: 'period-end',
					source: 'support-tickets',
					graceDays: 30,
					reactivation: 'none'
				})
		)
	],
	['duplicate-feature', bad((r) => (r.features[1].id = r.features[0].id))],
	['reserved-id', bad((r) => (r.features[0].id = 'churned'))],
	['feature-source-unknown', bad((r) => (r.features[0].source = 'sessions'))],
	['feature-grain', bad((r) => (r.features[0].source = 'accounts'))],
	['feature-column', bad((r) => (r.features[0].column = null))],
	['feature-measure-column', bad((r) => (feature(r, 'mrr').column = null))],
	['feature-direction', bad((r) => delete feature(r, 'seat_upgrades_365d').direction)],
	['segment-unknown', bad((r) => (r.segment = 'region'))],
	['contract-value-unknown', bad((r) => (r.contractValue = 'arr'))]
];

/** Codes no recipe can produce: the fallback for a valibot check the schema does not use yet. */
const FALLBACK: RecipeIssueCode[] = ['invalid'];

function issuesOf(json: unknown): RecipeIssue[] {
	const r = parseRecipe(json);
	if (r.ok) throw new Error('expected the recipe to be refused');
	return r.issues;
}

function pick(code: RecipeIssueCode, json: unknown): RecipeIssue {
	const found = issuesOf(json).find((i) => i.code === code);
	if (!found) throw new Error(`no ${code} issue in ${JSON.stringify(issuesOf(json))}`);
	return found;
}

/** English words (3+ ASCII letters) left in a Japanese message once the data is taken out. */
function englishLeft(text: string, data: readonly string[]): string[] {
	let rest = text;
	for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
	return rest.match(/[A-Za-z]{3,}/g) ?? [];
}

/** Data a message may quote: names and values from the recipe and its sources, option values. */
const OPTIONS = ['none', 'new-life', 'month-start', 'month-end', 'latest', 'sum', 'up', 'down'];
const dataOf = (i: { params?: Record<string, string | number> }) => [
	...OPTIONS,
	'ID',
	...Object.values(i.params ?? {}).flatMap((x) => String(x).split('\u001f'))
];

/** English as the core says it; Japanese different, Japanese-looking, no English word but data. */
function expectBoth(issue: SourceIssue | RecipeIssue): void {
	i18n.set('en');
	expect(sourceIssueText(issue)).toBe(issue.message);
	i18n.set('ja');
	const said = sourceIssueText(issue);
	expect(said).not.toBe(issue.message);
	expect(said).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
	expect(englishLeft(said, dataOf(issue)), said).toEqual([]);
	i18n.set('en');
}

describe('recipe issues in both languages', () => {
	it('every code has a case (a new code must get one here)', () => {
		expect(new Set([...RECIPES.map(([c]) => c), ...FALLBACK])).toEqual(new Set(RECIPE_ISSUE_CODES));
		expect(Object.keys(RECIPE_ISSUES).sort()).toEqual([...RECIPE_ISSUE_CODES].sort());
	});

	it.each(RECIPES)('%s: English as the core says it, Japanese with no English word', (code, json) =>
		expectBoth(pick(code, json))
	);

	it('the fallback for an unknown check keeps its English detail after a Japanese lead', () => {
		const issue = issueOfRecipeSchema('grid.from', unknownCheckIssue('Invalid input'));
		expect(issue.code).toBe('invalid');
		expect(sourceIssueText(issue)).toBe('Invalid input');
		i18n.set('ja');
		expect(sourceIssueText(issue)).toBe('値が正しくありません（Invalid input）');
	});

	it('a feature on the wrong kind of source: the kinds in words, the aggregate named', () => {
		const json = bad((r) => {
			r.features[0].source = 'accounts';
			r.features[0].column = null;
		});
		i18n.set('ja');
		expect(sourceIssueText(pick('feature-grain', json))).toBe(
			'特徴量「Usage, last 30 days」にはイベント（または期間）のソースが必要ですが、「accounts」はアカウントのソースです'
		);
		expect(sourceIssueText(pick('feature-column', json))).toBe(
			'特徴量「Usage, last 30 days」（合計）には集計する列が必要です'
		);
	});
});

describe('where in a recipe, in words', () => {
	const recipe = ravenRecipe();

	it('names the source and the feature by name, then the field', () => {
		expect(recipeWhere('sources[2].time', recipe)).toBe('source “feature-usage” › date column');
		expect(recipeWhere('features[0].days', recipe)).toBe(
			'feature “Usage, last 30 days” › window (days)'
		);
		expect(recipeWhere('sources[2].link.via')).toBe('source 3 › link › through source');
		expect(recipeWhere('grid.dates[4]')).toBe('as-of dates › date 5');
		expect(recipeWhere('')).toBe('');
		i18n.set('ja');
		expect(recipeWhere('sources[2].time', recipe)).toBe('ソース「feature-usage」 ＞ 日付の列');
		expect(recipeWhere('features[6].filter.values[0]', recipe)).toBe(
			'特徴量「Urgent or high tickets, 180 days」 ＞ 対象の行の条件 ＞ 値 1'
		);
	});

	it('a problem with its place, in each language', () => {
		const issue = pick(
			'feature-column',
			bad((r) => (r.features[0].column = null))
		);
		expect(recipeIssueLine(issue, recipe)).toBe(
			'feature “Usage, last 30 days” › column: "Usage, last 30 days" (sum) needs a column to aggregate'
		);
		i18n.set('ja');
		expect(recipeIssueLine(issue, recipe)).toBe(
			'特徴量「Usage, last 30 days」 ＞ 列：特徴量「Usage, last 30 days」（合計）には集計する列が必要です'
		);
	});

	it('every field a recipe can have is named in the catalog', () => {
		const fields = schemaFields(RecipeSchema);
		expect(fields.size).toBeGreaterThan(30);
		expect([...fields].filter((f) => !(`src.f.${f}` in en))).toEqual([]);
	});
});

describe('a model file whose recipe is refused', () => {
	const withRecipe = (f: (r: Loose) => void) => {
		const m = model([dimension('usage', [metric('usage_30d')])]) as unknown as Loose;
		m.recipe = bad(f);
		return JSON.parse(JSON.stringify(m)) as Loose;
	};

	it('says the recipe rule and its place in the UI language, the English as the core says it', () => {
		const json = withRecipe((r) => (r.sources[2].time = null));
		const r = validateModel(json);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		const issue = r.issues.find((i) => i.code === 'recipe')!;
		expect(issue.path).toBe('recipe.sources[2].time');
		expect(modelIssueMessage(issue)).toBe(issue.message);
		expect(modelIssueLine(issue, json)).toBe(
			'data recipe › source “feature-usage” › date column: "feature-usage" is an event source: pick its date column'
		);
		i18n.set('ja');
		expect(modelIssueLine(issue, json)).toBe(
			'データレシピ ＞ ソース「feature-usage」 ＞ 日付の列：ソース「feature-usage」はイベントのソースです。日付の列を選んでください'
		);
	});
});

describe('the feature form', () => {
	it('says a refused feature by field in the UI language', () => {
		const recipe = ravenRecipe();
		const f = featureOf(
			{ ...emptyDraft('support-tickets'), name: 'Sum', agg: 'sum', days: '' },
			recipe
		);
		if (f.kind !== 'event') throw new Error('expected an event feature');
		const noColumn = { ...f, column: null };
		expect(featureProblems(recipe, f)).toEqual(['column: must not be empty']);
		expect(featureProblems(recipe, noColumn)).toEqual([
			'column: "Sum" (sum) needs a column to aggregate'
		]);
		i18n.set('ja');
		expect(featureProblems(recipe, f)).toEqual(['列：空にはできません']);
		expect(featureProblems(recipe, noColumn)).toEqual([
			'列：特徴量「Sum」（合計）には集計する列が必要です'
		]);
		expect(featureProblems(recipe, { ...f, name: '' })).toEqual([ja['src.feat.noName']]);
	});
});

// ----- the check against the sources' columns, and the build ---------------------------------

type Cell = string | number | null;

/** A SourceTable from row objects: strings → dictionary-coded text, numbers → numbers. */
function source(name: string, rows: Record<string, Cell>[]): SourceTable {
	const columns = Object.keys(rows[0] ?? {});
	const map = new Map<string, Column>();
	for (const c of columns) {
		const text = rows.some((r) => typeof r[c] === 'string');
		if (text) {
			const dictionary: string[] = [];
			const codes = Int32Array.from(rows, (r) => {
				const x = r[c];
				if (typeof x !== 'string') return -1;
				const k = dictionary.indexOf(x);
				return k >= 0 ? k : dictionary.push(x) - 1;
			});
			map.set(c, { kind: 'category', codes, dictionary });
		} else
			map.set(c, {
				kind: 'number',
				values: Float64Array.from(rows, (r) => (typeof r[c] === 'number' ? r[c] : NaN))
			});
	}
	return { name, ids: null, idColumn: null, table: { n: rows.length, columns: map } };
}

const D = isoDay('2024-03-31');

/** A small recipe: a CRM account list, tickets, subscriptions, usage linked through them. */
function smallRecipe(over: Partial<Recipe> = {}): Recipe {
	return {
		schemaVersion: 1,
		sources: [
			{ name: 'crm', grain: 'account', key: 'account_id', time: 'signup' },
			{ name: 'tickets', grain: 'event', key: 'account_id', time: 'at' },
			{ name: 'subs', grain: 'period', key: 'account_id', start: 'start', end: 'end' },
			{
				name: 'usage',
				grain: 'event',
				key: 'sub_id',
				link: { via: 'subs', column: 'sub_id' },
				time: 'day'
			}
		],
		accounts: 'crm',
		grid: { kind: 'dates', dates: ['2024-03-31'] },
		features: [
			{ id: 'n', name: 'Tickets', source: 'tickets', kind: 'event', agg: 'count', days: 30 },
			{ id: 'u', name: 'Usage', source: 'usage', kind: 'event', agg: 'count', days: 30 }
		],
		outcome: { kind: 'none' },
		...over
	};
}

const crm = (rows: Record<string, Cell>[]) => source('crm', rows);
const CRM = crm([
	{ account_id: 'A', signup: D - 90 },
	{ account_id: 'B', signup: D - 90 }
]);
const TICKETS = source('tickets', [{ account_id: 'A', at: D, kind: 'login' }]);
const SUBS = source('subs', [{ account_id: 'A', sub_id: 's1', start: D - 60, end: D + 60 }]);
const USAGE = source('usage', [{ sub_id: 's1', day: D }]);

function built(over: Partial<Recipe>, tables: Partial<Record<string, SourceTable>>): SourceIssue[] {
	const all = { crm: CRM, tickets: TICKETS, subs: SUBS, usage: USAGE, ...tables };
	return buildFeatureTable(smallRecipe(over), Object.values(all) as SourceTable[]).issues;
}

const columnsNow =
	(changed: Record<string, string[] | null>) =>
	(name: string): string[] | null =>
		name in changed
			? changed[name]!
			: ({
					crm: ['account_id', 'signup'],
					tickets: ['account_id', 'at', 'kind'],
					subs: ['account_id', 'sub_id', 'start', 'end'],
					usage: ['sub_id', 'day']
				}[name] ?? null);

/** One real check or build per code. */
const CHECKS: [SourceCheckCode, () => SourceIssue[]][] = [
	['not-loaded', () => checkRecipeColumns(smallRecipe(), columnsNow({ usage: null }))],
	['no-column', () => checkRecipeColumns(smallRecipe(), columnsNow({ tickets: ['account_id'] }))],
	[
		'link-column-gone',
		() => checkRecipeColumns(smallRecipe(), columnsNow({ subs: ['account_id', 'start', 'end'] }))
	],
	[
		'columns-changed',
		() => {
			const r = smallRecipe();
			r.sources[1] = { ...r.sources[1]!, columns: ['account_id', 'at', 'kind', 'priority'] };
			return checkRecipeColumns(r, columnsNow({ tickets: ['account_id', 'at', 'kind', 'team'] }));
		}
	],
	[
		'feature-column-gone',
		() =>
			checkRecipeColumns(
				smallRecipe({
					features: [
						{
							id: 's',
							name: 'Kinds',
							source: 'tickets',
							kind: 'event',
							agg: 'distinct',
							column: 'kind',
							days: 30
						}
					]
				}),
				columnsNow({ tickets: ['account_id', 'at'] })
			)
	],
	[
		'churn-column-missing',
		() =>
			checkRecipeColumns(
				smallRecipe({
					outcome: { kind: 'churn-log', source: 'tickets', column: 'closed', reactivation: 'none' }
				}),
				columnsNow({})
			)
	],
	[
		'zone-mismatch',
		() => checkRecipeZones(smallRecipe(), (name) => (name === 'tickets' ? 'Asia/Tokyo' : 'UTC'))
	],
	[
		'list-duplicate-ids',
		() =>
			built(
				{},
				{
					crm: crm([
						{ account_id: 'A', signup: D - 90 },
						{ account_id: 'A', signup: D - 80 },
						{ account_id: 'B', signup: D - 90 },
						{ account_id: 'B', signup: D - 70 }
					])
				}
			)
	],
	[
		'list-blank-keys',
		() =>
			built(
				{},
				{
					crm: crm([
						{ account_id: 'A', signup: D - 90 },
						{ account_id: '', signup: D - 90 },
						{ account_id: ' ', signup: D - 90 }
					])
				}
			)
	],
	['link-matches-nothing', () => built({}, { usage: source('usage', [{ sub_id: 'zz', day: D }]) })],
	[
		'key-matches-nothing',
		() => built({}, { tickets: source('tickets', [{ account_id: 'Q', at: D, kind: 'x' }]) })
	],
	[
		'no-date',
		() =>
			built(
				{},
				{
					tickets: source('tickets', [
						{ account_id: 'A', at: D, kind: 'x' },
						{ account_id: 'A', at: null, kind: 'x' },
						{ account_id: 'B', at: null, kind: 'x' }
					])
				}
			)
	],
	[
		'period-backwards',
		() =>
			built(
				{},
				{
					subs: source('subs', [
						{ account_id: 'A', sub_id: 's1', start: D - 60, end: D + 60 },
						{ account_id: 'B', sub_id: 's2', start: D - 10, end: D - 20 }
					])
				}
			)
	],
	[
		'no-grid-dates',
		() =>
			built(
				{ grid: { kind: 'monthly', from: '2024-01-02', to: '2024-01-03', anchor: 'month-end' } },
				{}
			)
	],
	[
		'duplicate-events',
		() =>
			built(
				{},
				{
					tickets: source('tickets', [
						{ account_id: 'A', at: D, kind: 'x' },
						{ account_id: 'A', at: D, kind: 'x' }
					])
				}
			)
	]
];

/** Codes the Sources workspace makes itself (checked in `state/sources.svelte.test.ts`). */
const WORKSPACE: SourceCheckCode[] = ['dataset-gone', 'no-rows'];

describe('the check against the sources and the build, in both languages', () => {
	it('every code has a case (a new code must get one here)', () => {
		expect(new Set([...CHECKS.map(([c]) => c), ...WORKSPACE])).toEqual(new Set(SOURCE_CHECK_CODES));
		expect(Object.keys(SOURCE_CHECKS).sort()).toEqual([...SOURCE_CHECK_CODES].sort());
	});

	it.each(CHECKS)('%s: English as the core says it, Japanese with no English word', (code, run) => {
		const issues = run().filter((i) => i.code === code);
		expect(issues.length, JSON.stringify(run())).toBeGreaterThan(0);
		for (const issue of issues) expectBoth(issue);
	});

	it('a build refused by a recipe rule keeps the rule, its place and figures', () => {
		const issues = built({ accounts: 'tickets' }, {});
		expect(issues).toEqual([
			expect.objectContaining({ severity: 'error', code: 'accounts-grain', path: 'accounts' })
		]);
		expectBoth(issues[0]!);
	});

	it('counts: one and many, numbers as the UI language writes them', () => {
		const one = built(
			{},
			{
				tickets: source('tickets', [
					{ account_id: 'A', at: D, kind: 'x' },
					{ account_id: 'A', at: null, kind: 'x' }
				])
			}
		).find((i) => i.code === 'no-date')!;
		expect(sourceIssueText(one)).toBe(
			'1 row of "tickets" has no readable date in "at" (first: row 2): left out of every feature.'
		);
		const many = { ...one, params: { ...one.params, n: 12_345, row: 1_002 } };
		expect(sourceIssueText(many)).toBe(
			'12,345 rows of "tickets" have no readable date in "at" (first: row 1,002): left out of every feature.'
		);
		i18n.set('ja');
		expect(sourceIssueText(many)).toBe(
			'ソース「tickets」の 12,345 行で、「at」に読める日付がありません（最初は 1,002 行目）。どの特徴量にも使いません。'
		);
	});

	it('changed columns: gone, new or both, the names quoted in each language', () => {
		const r = smallRecipe();
		r.sources[1] = { ...r.sources[1]!, columns: ['account_id', 'at', 'kind'] };
		const say = (now: string[]) =>
			checkRecipeColumns(r, columnsNow({ tickets: now })).find(
				(i) => i.code === 'columns-changed'
			)!;
		const gone = say(['account_id', 'at']);
		const added = say(['account_id', 'at', 'kind', 'team', 'channel']);
		for (const issue of [gone, added]) expect(sourceIssueText(issue)).toBe(issue.message);
		i18n.set('ja');
		expect(sourceIssueText(gone)).toBe(
			'ソース「tickets」の列がレシピの作成時から変わりました（なくなった列：「kind」）。'
		);
		expect(sourceIssueText(added)).toBe(
			'ソース「tickets」の列がレシピの作成時から変わりました（新しい列：「team」、「channel」）。'
		);
	});

	it('an issue without a code keeps its words', () => {
		i18n.set('ja');
		expect(sourceIssueText({ message: 'as it was' })).toBe('as it was');
	});
});

/**
 * Valibot schema of the recipe JSON (current `RECIPE_SCHEMA_VERSION`) and `parseRecipe`, which
 * validates untrusted recipe JSON (model file, IndexedDB) and then the cross-field rules
 * (`recipeIssues`: names resolve, ids unique, columns a feature needs are given). Never throws.
 * Unknown keys are dropped, so `__proto__` in the input never reaches the recipe.
 */
import * as v from 'valibot';
import { RECIPE_SCHEMA_VERSION, type Recipe } from './types';
import { recipeIssues } from './validate';
import { issueOfRecipeSchema, recipeIssue, SCHEMA_WORDS, type RecipeIssue } from './issues';

export const MAX_SOURCES = 50;
export const MAX_FEATURES = 500;
export const MAX_GRID_DATES = 5000;
export const MAX_FILTER_VALUES = 500;
/** Feature ids: safe as dataset column names and SQL column suffixes. */
export const FEATURE_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (min: number, max: number) =>
	v.pipe(
		v.string(SCHEMA_WORDS.string),
		v.minLength(min, SCHEMA_WORDS.empty),
		v.maxLength(max, `must be at most ${max} characters`)
	);
const name = text(1, 200);
const optName = v.nullish(name);
const isoDay = v.pipe(
	v.string(SCHEMA_WORDS.date),
	v.regex(ISO_DAY, SCHEMA_WORDS['date-format']),
	v.check((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), SCHEMA_WORDS['date-real'])
);
const list = <T extends v.GenericSchema>(item: T, max: number, min = 0) =>
	v.pipe(
		v.array(item, SCHEMA_WORDS.list),
		v.minLength(min, `must have at least ${min} item${min === 1 ? '' : 's'}`),
		v.maxLength(max, `must have at most ${max} items`)
	);
const days = v.pipe(
	v.number(SCHEMA_WORDS.number),
	v.integer(SCHEMA_WORDS['whole-days']),
	v.minValue(1, SCHEMA_WORDS['min-days']),
	v.maxValue(36_500, SCHEMA_WORDS['max-days'])
);
const grain = v.picklist(['account', 'snapshot', 'event', 'period'], SCHEMA_WORDS.grain);
const reactivation = v.picklist(['none', 'new-life'], SCHEMA_WORDS.reactivation);

const SourceSchema = v.object({
	name,
	datasetId: v.optional(name),
	grain,
	key: name,
	link: v.nullish(v.object({ via: name, column: name })),
	time: optName,
	start: optName,
	end: optName,
	timeZone: v.optional(text(1, 64)),
	columns: v.optional(list(text(0, 200), 5000))
});

const GridSchema = v.variant(
	'kind',
	[
		v.object({
			kind: v.literal('monthly'),
			from: isoDay,
			to: isoDay,
			anchor: v.picklist(['month-start', 'month-end'], SCHEMA_WORDS.anchor)
		}),
		v.object({ kind: v.literal('weekly'), from: isoDay, to: isoDay }),
		v.object({ kind: v.literal('snapshot-dates'), source: name }),
		v.object({ kind: v.literal('dates'), dates: list(isoDay, MAX_GRID_DATES, 1) })
	],
	SCHEMA_WORDS['grid-kind']
);

const OutcomeSchema = v.variant(
	'kind',
	[
		v.object({ kind: v.literal('churn-log'), source: name, column: name, reactivation }),
		v.object({
			kind: v.literal('period-end'),
			source: name,
			graceDays: v.pipe(
				v.number(SCHEMA_WORDS.number),
				v.integer(SCHEMA_WORDS['whole-days']),
				v.minValue(0, 'must be ≥ 0'),
				v.maxValue(3650, 'must be ≤ 3650')
			),
			reactivation
		}),
		v.object({ kind: v.literal('none') })
	],
	SCHEMA_WORDS['outcome-kind']
);

const featureBase = {
	id: v.pipe(
		v.string(SCHEMA_WORDS.string),
		v.regex(FEATURE_ID_PATTERN, SCHEMA_WORDS['feature-id'])
	),
	name,
	source: name
};
const filter = v.nullish(
	v.object({ column: name, values: list(text(0, 200), MAX_FILTER_VALUES, 1) })
);

const FeatureSchema = v.variant(
	'kind',
	[
		v.object({
			...featureBase,
			kind: v.literal('event'),
			agg: v.picklist(
				[
					'count',
					'sum',
					'mean',
					'min',
					'max',
					'distinct',
					'last',
					'days-since-last',
					'days-since-first'
				],
				SCHEMA_WORDS.aggregate
			),
			column: optName,
			days: v.nullable(days),
			filter
		}),
		v.object({
			...featureBase,
			kind: v.literal('period'),
			measure: v.picklist(
				['active', 'value', 'tenure', 'days-to-renewal', 'changes'],
				SCHEMA_WORDS.measure
			),
			column: optName,
			combine: v.optional(v.picklist(['latest', 'sum'], SCHEMA_WORDS.combine)),
			days: v.nullish(days),
			direction: v.optional(v.picklist(['up', 'down'], SCHEMA_WORDS['direction-value']))
		}),
		v.object({ ...featureBase, kind: v.literal('snapshot'), column: name }),
		v.object({ ...featureBase, kind: v.literal('account'), column: name })
	],
	SCHEMA_WORDS['feature-kind']
);

/** Schema of the whole recipe at the current schema version. */
export const RecipeSchema = v.object({
	schemaVersion: v.literal(RECIPE_SCHEMA_VERSION, `must be ${RECIPE_SCHEMA_VERSION}`),
	sources: list(SourceSchema, MAX_SOURCES, 1),
	accounts: v.nullable(name),
	grid: GridSchema,
	features: list(FeatureSchema, MAX_FEATURES),
	outcome: OutcomeSchema,
	segment: optName,
	contractValue: optName,
	dataEnd: v.nullish(isoDay)
});

/** A problem with recipe JSON: the JSON path of the bad field, its code and what is wrong. */
export type RecipeParseIssue = RecipeIssue;

export type RecipeParseResult =
	{ ok: true; recipe: Recipe } | { ok: false; issues: RecipeParseIssue[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key: unknown = item.key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

/**
 * Validate untrusted recipe JSON: version, shape, then the cross-field rules. Returns the recipe
 * (built from the validated output only) or the issues, each with a path such as
 * `features[3].days` and a message. Never throws.
 */
export function parseRecipe(json: unknown): RecipeParseResult {
	try {
		const version =
			json && typeof json === 'object' && 'schemaVersion' in json
				? (json as { schemaVersion: unknown }).schemaVersion
				: null;
		if (typeof version === 'number' && version > RECIPE_SCHEMA_VERSION)
			return {
				ok: false,
				issues: [
					recipeIssue(
						'schemaVersion',
						'newer-version',
						`saved by a newer version (${version}); this app reads recipes up to ${RECIPE_SCHEMA_VERSION}`,
						{ version, max: RECIPE_SCHEMA_VERSION }
					)
				]
			};
		const parsed = v.safeParse(RecipeSchema, json);
		if (!parsed.success)
			return {
				ok: false,
				issues: parsed.issues.map((i) => issueOfRecipeSchema(pathOf(i), i))
			};
		const recipe = parsed.output as Recipe;
		const issues = recipeIssues(recipe);
		return issues.length ? { ok: false, issues } : { ok: true, recipe };
	} catch (e) {
		return {
			ok: false,
			issues: [
				recipeIssue('', 'unreadable', `unreadable recipe: ${String(e)}`, { detail: String(e) })
			]
		};
	}
}

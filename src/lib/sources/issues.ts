/**
 * Why a recipe is refused and what a build reports, as codes and figures: the Sources screen and
 * the Model screen say each one in the UI language (`src/lib/i18n/source-issue-text.ts`);
 * `message` keeps the core's English words for logs, Node and thrown errors. Schema problems get
 * their code from the kind of check valibot reports (`issueOfRecipeSchema`); cross-field rules,
 * the check against the sources' columns and the build name theirs where they are found. Pure.
 */
import type * as v from 'valibot';

/** Every reason a recipe (JSON or edited) can be refused. */
export const RECIPE_ISSUE_CODES = [
	// schema: one field's type or range
	'string',
	'empty',
	'too-long',
	'date',
	'date-format',
	'date-real',
	'list',
	'min-items',
	'max-items',
	'number',
	'whole-days',
	'min-days',
	'max-days',
	'min',
	'max',
	'grain',
	'reactivation',
	'anchor',
	'grid-kind',
	'outcome-kind',
	'aggregate',
	'measure',
	'combine',
	'direction-value',
	'feature-kind',
	'feature-id',
	'version',
	'object',
	'invalid',
	// the file as a whole
	'newer-version',
	'unreadable',
	// cross-field rules (recipeIssues)
	'duplicate-source',
	'event-time',
	'snapshot-time',
	'period-start',
	'time-zone',
	'link-unknown',
	'link-two-hops',
	'link-self',
	'accounts-unknown',
	'accounts-grain',
	'accounts-linked',
	'grid-source',
	'grid-backwards',
	'churn-log-source',
	'period-end-source',
	'duplicate-feature',
	'reserved-id',
	'feature-source-unknown',
	'feature-grain',
	'feature-column',
	'feature-measure-column',
	'feature-direction',
	'segment-unknown',
	'contract-value-unknown'
] as const;
export type RecipeIssueCode = (typeof RECIPE_ISSUE_CODES)[number];

/** What the check against the sources' columns and zones, the build and the workspace report. */
export const SOURCE_CHECK_CODES = [
	// the recipe against the sources as stored now (checkRecipeColumns, checkRecipeZones)
	'not-loaded',
	'no-column',
	'link-column-gone',
	'columns-changed',
	'feature-column-gone',
	'churn-column-missing',
	'zone-mismatch',
	// the build (build.ts)
	'list-duplicate-ids',
	'list-blank-keys',
	'link-matches-nothing',
	'key-matches-nothing',
	'no-date',
	'period-backwards',
	'no-grid-dates',
	'duplicate-events',
	// the workspace (state/sources.svelte.ts)
	'dataset-gone',
	'no-rows'
] as const;
export type SourceCheckCode = (typeof SOURCE_CHECK_CODES)[number];

/** A build issue's code: a recipe rule (the build checks the recipe first) or a check of the data. */
export type SourceIssueCode = RecipeIssueCode | SourceCheckCode;
export type IssueParams = Record<string, string | number>;

/** A recipe problem at a JSON path: its code and figures, and the core's English words. */
export interface RecipeIssue {
	path: string;
	code: RecipeIssueCode;
	params?: IssueParams;
	message: string;
}

/** An issue with its code, figures and English words (no params key when there are none). */
export function recipeIssue(
	path: string,
	code: RecipeIssueCode,
	message: string,
	params?: IssueParams
): RecipeIssue {
	return params ? { path, code, params, message } : { path, code, message };
}

/** Separator of names in a list parameter (`columns-changed`'s gone and new columns). */
export const NAME_SEP = '\u001f';

/**
 * The English of the schema's fixed messages, by code: the schema (`recipe-schema.ts`) writes
 * them, and a valibot issue's code is found from them (`issueOfRecipeSchema`).
 */
export const SCHEMA_WORDS = {
	string: 'must be a string',
	empty: 'must not be empty',
	date: 'must be a date',
	'date-format': 'must be a date written YYYY-MM-DD',
	'date-real': 'must be a real calendar date',
	list: 'must be a list',
	number: 'must be a number',
	'whole-days': 'must be a whole number of days',
	'min-days': 'must be at least 1 day',
	'max-days': 'must be at most 36,500 days',
	grain: 'must be a known grain',
	reactivation: 'must be none or new-life',
	anchor: 'must be month-start or month-end',
	'grid-kind': 'must be a known grid kind',
	'outcome-kind': 'must be a known outcome kind',
	aggregate: 'must be a known aggregate',
	measure: 'must be a known period measure',
	combine: 'must be latest or sum',
	'direction-value': 'must be up or down',
	'feature-kind': 'must be a known feature kind',
	'feature-id': 'must be a lowercase id: a letter, then letters, digits or _ (≤ 64)'
} as const satisfies Partial<Record<RecipeIssueCode, string>>;

const BY_WORDS = new Map<string, RecipeIssueCode>(
	Object.entries(SCHEMA_WORDS).map(([code, words]) => [words, code as RecipeIssueCode])
);

/** The code and figures of a valibot issue from `RecipeSchema` (its message is kept as is). */
export function issueOfRecipeSchema(path: string, i: v.BaseIssue<unknown>): RecipeIssue {
	const say = (code: RecipeIssueCode, params?: IssueParams) =>
		recipeIssue(path, code, i.message, params);
	const fixed = BY_WORDS.get(i.message);
	if (fixed) return say(fixed);
	const req = Number((i as { requirement?: unknown }).requirement);
	switch (i.type) {
		case 'min_length':
			return say('min-items', { min: req });
		case 'max_length':
			return say(typeof i.input === 'string' ? 'too-long' : 'max-items', { max: req });
		case 'min_value':
			return say('min', { min: req });
		case 'max_value':
			return say('max', { max: req });
		case 'literal':
			return say('version', { expected: String(i.expected) });
		case 'object':
			return say('object', { received: i.received });
		default:
			return say('invalid', { detail: i.message });
	}
}

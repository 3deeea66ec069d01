/**
 * Why a model JSON is refused, as codes and figures: the screen says each one in the UI
 * language (`src/lib/i18n/model-issue-text.ts`); `message` keeps the English words for logs,
 * Node and the share link's one-line summary. Schema problems get their code from the kind of
 * check valibot reports (`issueOfSchema`); cross-field rules name theirs where they are found.
 */
import type * as v from 'valibot';
import { ID_PATTERN } from './schema';
import type { ValidationIssue } from './types';

/** Every reason a model file can be refused. */
export const MODEL_ISSUE_CODES = [
	// schema: one field's type or range
	'number',
	'finite',
	'min',
	'max',
	'above',
	'string',
	'id',
	'color',
	'empty',
	'too-long',
	'list',
	'min-items',
	'max-items',
	'one-of',
	'literal',
	'scheme-kind',
	'trigger',
	'object',
	'invalid',
	// cross-field rules (semantic.ts)
	'best-equals-worst',
	'best-below-worst',
	'best-above-worst',
	'last-band-open',
	'band-open',
	'band-order',
	'duplicate-category',
	'duplicate-id',
	'no-weight',
	'no-metric-weight',
	'tier-order',
	'last-tier-zero',
	'duplicate-segment',
	'unknown-weight-id',
	'unknown-tier',
	'in-segment',
	// the file as a whole (validate.ts)
	'newer-version',
	'unreadable',
	'recipe'
] as const;
export type ModelIssueCode = (typeof MODEL_ISSUE_CODES)[number];
export type ModelIssueParams = Record<string, string | number>;

/** An issue with its code, figures and English words. */
export function modelIssue(
	path: string,
	code: ModelIssueCode,
	message: string,
	params?: ModelIssueParams
): ValidationIssue {
	return params ? { path, code, params, message } : { path, code, message };
}

/** Separator of `one-of` options in `params.options` (option values are short ids). */
export const OPTION_SEP = '\u001f';

/** The quoted values in valibot's `expected`, e.g. `("higher" | "lower")` → higher, lower. */
function options(expected: string | null): string[] {
	return [...(expected ?? '').matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
}

/** The code and figures of a valibot issue from `ModelSchema` (its message is kept as is). */
export function issueOfSchema(path: string, i: v.BaseIssue<unknown>): ValidationIssue {
	const say = (code: ModelIssueCode, params?: ModelIssueParams) =>
		modelIssue(path, code, i.message, params);
	const req = (i as { requirement?: unknown }).requirement;
	switch (i.type) {
		case 'number':
		case 'finite':
		case 'string':
			return say(i.type);
		case 'min_value':
			return say('min', { min: Number(req) });
		case 'max_value':
			return say('max', { max: Number(req) });
		case 'gt_value':
			return say('above', { min: Number(req) });
		case 'regex':
			return say(String(req) === String(ID_PATTERN) ? 'id' : 'color');
		case 'min_length':
			return typeof i.input === 'string' ? say('empty') : say('min-items', { min: Number(req) });
		case 'max_length':
			return say(typeof i.input === 'string' ? 'too-long' : 'max-items', { max: Number(req) });
		case 'array':
			return say('list');
		case 'picklist':
			return say('one-of', { options: options(i.expected).join(OPTION_SEP) });
		case 'literal':
			return say('literal', { expected: String(i.expected) });
		case 'variant':
			return say('scheme-kind');
		case 'union':
			return say('trigger');
		case 'object':
			return say('object', { received: i.received });
		default:
			return say('invalid', { detail: i.message });
	}
}

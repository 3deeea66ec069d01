/**
 * Validating untrusted model JSON (file, share link, IndexedDB): version check, migration,
 * schema, then cross-field rules. Never throws; problems come back as data.
 */
import * as v from 'valibot';
import { migrateModel, readSchemaVersion } from './migrate';
import { parseRecipe } from '$lib/sources/recipe-schema';
import { MAX_DIMENSIONS, MAX_METRICS_PER_DIMENSION, ModelSchema } from './schema';
import { applyOverride } from './segments';
import { checkWeights, semanticIssues } from './semantic';
import { issueOfSchema, modelIssue } from './issues';
import { SCHEMA_VERSION, type Model, type ValidationIssue, type ValidationResult } from './types';

/** `dimensions[2].metrics[0].scheme.best` from a valibot issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
	let out = '';
	for (const item of issue.path ?? []) {
		const key: unknown = item.key;
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out;
}

function segmentWeightIssues(model: Model): ValidationIssue[] {
	const out: ValidationIssue[] = [];
	model.segments?.overrides.forEach((o, k) => {
		if (!o.weights?.length) return;
		const found: ValidationIssue[] = [];
		checkWeights(applyOverride(model, o).dimensions, 'dimensions', found);
		for (const f of found)
			out.push(
				modelIssue(
					`segments.overrides[${k}].weights`,
					'in-segment',
					`in this segment, ${f.message}`,
					{
						issue: f.code ?? 'invalid'
					}
				)
			);
	});
	return out;
}

/** Largest list anywhere in a valid model (segment weights: one per dimension and metric). */
const MAX_ANY_LIST = MAX_DIMENSIONS * (MAX_METRICS_PER_DIMENSION + 1);
/** A model file larger than this is refused before parsing (real models are a few KB). */
export const MAX_MODEL_FILE_CHARS = 5_000_000;

/**
 * Cheap size checks before the schema walks every item: a file with a million dimensions is
 * refused at once (validating each one first took 15 s). Null when the sizes are plausible.
 */
export function modelSizeIssue(json: unknown): ValidationIssue | null {
	if (typeof json !== 'object' || json === null) return null;
	const dims = (json as { dimensions?: unknown }).dimensions;
	if (Array.isArray(dims)) {
		if (dims.length > MAX_DIMENSIONS)
			return modelIssue('dimensions', 'max-items', `must have at most ${MAX_DIMENSIONS} items`, {
				max: MAX_DIMENSIONS
			});
		for (let k = 0; k < dims.length; k++) {
			const metrics = (dims[k] as { metrics?: unknown } | null)?.metrics;
			if (Array.isArray(metrics) && metrics.length > MAX_METRICS_PER_DIMENSION)
				return modelIssue(
					`dimensions[${k}].metrics`,
					'max-items',
					`must have at most ${MAX_METRICS_PER_DIMENSION} items`,
					{ max: MAX_METRICS_PER_DIMENSION }
				);
		}
	}
	// Any other list: a bounded walk (depth ≤ 12) that stops at the first oversized array.
	const stack: [unknown, string, number][] = [[json, '', 0]];
	while (stack.length > 0) {
		const [value, path, depth] = stack.pop()!;
		if (typeof value !== 'object' || value === null || depth > 12) continue;
		if (Array.isArray(value)) {
			if (value.length > MAX_ANY_LIST)
				return modelIssue(path, 'max-items', `must have at most ${MAX_ANY_LIST} items`, {
					max: MAX_ANY_LIST
				});
			value.forEach((item, k) => stack.push([item, `${path}[${k}]`, depth + 1]));
		} else
			for (const key of Object.keys(value)) {
				// The recipe has its own list caps (features, grid dates), checked by parseRecipe.
				if (path === '' && key === 'recipe') continue;
				stack.push([
					(value as Record<string, unknown>)[key],
					path === '' ? key : `${path}.${key}`,
					depth + 1
				]);
			}
	}
	return null;
}

/**
 * Validate untrusted model JSON. Returns the model (built only from the validated output, so
 * unknown keys and `__proto__` are dropped) or the issues, each with a JSON path such as
 * `dimensions[2].metrics[0].scheme.best`, a code such as `best-equals-worst` with its figures, and
 * the English message such as `must differ from worst`.
 * A model saved by a newer app yields a single issue at `schemaVersion`.
 */
export function validateModel(json: unknown): ValidationResult {
	try {
		const tooBig = modelSizeIssue(json);
		if (tooBig) return { ok: false, issues: [tooBig] };
		const version = readSchemaVersion(json);
		if (version !== null && version > SCHEMA_VERSION)
			return {
				ok: false,
				issues: [
					modelIssue(
						'schemaVersion',
						'newer-version',
						`saved by a newer version (${version}); this app reads up to ${SCHEMA_VERSION}`,
						{ version, max: SCHEMA_VERSION }
					)
				]
			};
		const parsed = v.safeParse(ModelSchema, migrateModel(json));
		if (!parsed.success)
			return {
				ok: false,
				issues: parsed.issues.map((i) => issueOfSchema(pathOf(i), i))
			};
		const { recipe: rawRecipe, ...rest } = parsed.output;
		const model: Model = rest;
		const issues = [...semanticIssues(model), ...segmentWeightIssues(model)];
		if (rawRecipe !== undefined) {
			const r = parseRecipe(rawRecipe);
			if (r.ok) model.recipe = r.recipe;
			else
				for (const i of r.issues)
					issues.push(
						// The recipe rule's code and figures ride along, for the UI language.
						modelIssue(i.path ? `recipe.${i.path}` : 'recipe', 'recipe', i.message, {
							detail: i.message,
							...i.params,
							recipeCode: i.code
						})
					);
		}
		return issues.length ? { ok: false, issues } : { ok: true, model };
	} catch (e) {
		// Defensive: hostile input (e.g. a throwing getter) must not escape as an exception.
		return {
			ok: false,
			issues: [
				modelIssue('', 'unreadable', `unreadable model: ${String(e)}`, { detail: String(e) })
			]
		};
	}
}

/**
 * Valibot schema of the model JSON (current `SCHEMA_VERSION`): types, finite numbers, capped
 * string and array lengths. Cross-field rules (unique ids, ordering of bands and tiers, weights
 * not all zero, …) live in `semantic.ts`. Unknown keys are dropped: the output is a fresh object
 * built only from known keys, so `__proto__` in the input never reaches the model.
 */
import * as v from 'valibot';
import { SCHEMA_VERSION } from './types';

/** Longest name, id, column or unit. */
export const MAX_SHORT = 200;
/** Longest prose field (description, hint, why, action). */
export const MAX_LONG = 1000;
export const MAX_DIMENSIONS = 50;
export const MAX_METRICS_PER_DIMENSION = 100;
export const MAX_TIERS = 20;
export const MAX_CATEGORIES = 500;
export const MAX_BANDS = 100;
export const MAX_OVERRIDES = 200;
export const MAX_PLAYBOOKS = 100;
/** Ids of dimensions, metrics and tiers: safe as SQL column suffixes. */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

const finite = v.pipe(v.number('must be a number'), v.finite('must be a finite number'));
const points = v.pipe(finite, v.minValue(0, 'must be ≥ 0'), v.maxValue(100, 'must be ≤ 100'));
const weight = v.pipe(finite, v.minValue(0, 'must be ≥ 0'));
const id = v.pipe(
	v.string('must be a string'),
	v.regex(ID_PATTERN, 'must be a lowercase id: a letter, then letters, digits or _ (≤ 64)')
);
const text = (min: number, max: number) =>
	v.pipe(
		v.string('must be a string'),
		v.minLength(min, 'must not be empty'),
		v.maxLength(max, `must be at most ${max} characters`)
	);
const shortText = text(1, MAX_SHORT);
const optShort = v.optional(text(0, MAX_SHORT));
const optLong = v.optional(text(0, MAX_LONG));
const list = <T extends v.GenericSchema>(item: T, max: number, min = 0) =>
	v.pipe(
		v.array(item, 'must be a list'),
		v.minLength(min, `must have at least ${min} item${min === 1 ? '' : 's'}`),
		v.maxLength(max, `must have at most ${max} items`)
	);

const linear = v.object({ kind: v.literal('linear'), worst: finite, best: finite });
const band = v.object({ upTo: v.nullable(finite), points });
const bands = v.object({ kind: v.literal('bands'), bands: list(band, MAX_BANDS, 1) });
const percentile = v.object({
	kind: v.literal('percentile'),
	within: v.picklist(['portfolio', 'segment'], 'must be portfolio or segment')
});
const boolean = v.object({ kind: v.literal('boolean'), truePoints: points, falsePoints: points });
const categoryEntry = v.object({ value: text(0, MAX_SHORT), points });
const category = v.object({
	kind: v.literal('category'),
	map: list(categoryEntry, MAX_CATEGORIES),
	otherPoints: v.nullable(points)
});
const manual = v.object({
	kind: v.literal('manual'),
	max: v.pipe(finite, v.gtValue(0, 'must be above 0'))
});

/** Schema of a scheme, discriminated by `kind`. */
export const SchemeSchema = v.variant(
	'kind',
	[linear, bands, percentile, boolean, category, manual],
	'must be a known scheme kind'
);

const MetricSchema = v.object({
	id,
	name: shortText,
	column: shortText,
	unit: optShort,
	hint: optLong,
	why: optLong,
	direction: v.picklist(['higher', 'lower'], 'must be higher or lower'),
	scheme: SchemeSchema,
	weight,
	missing: v.picklist(['exclude', 'zero', 'neutral'], 'must be exclude, zero or neutral'),
	timing: v.picklist(['leading', 'lagging'], 'must be leading or lagging')
});

const DimensionSchema = v.object({
	id,
	name: shortText,
	weight,
	floor: v.nullish(points),
	metrics: list(MetricSchema, MAX_METRICS_PER_DIMENSION)
});

const color = v.pipe(v.string('must be a string'), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be #rrggbb'));

/** Schema of one tier. */
export const TierSchema = v.object({
	id,
	name: shortText,
	min: points,
	color,
	action: text(0, MAX_LONG)
});
const tiers = list(TierSchema, MAX_TIERS, 1);

const OverrideSchema = v.object({
	value: text(0, MAX_SHORT),
	weights: v.optional(
		list(v.object({ id, weight }), MAX_DIMENSIONS * (MAX_METRICS_PER_DIMENSION + 1))
	),
	tiers: v.optional(tiers)
});

const flagKind = v.picklist(
	['dimension-below-floor', 'score-drop', 'metric-trend', 'override'],
	'must be dimension-below-floor, score-drop, metric-trend or override'
);
const PlaybookSchema = v.object({
	id: shortText,
	trigger: v.union(
		[v.object({ tier: id }), v.object({ flag: flagKind })],
		'must be a tier or flag'
	),
	action: text(0, MAX_LONG),
	owner: text(0, MAX_SHORT),
	dueDays: v.pipe(finite, v.minValue(0, 'must be ≥ 0'), v.maxValue(3650, 'must be ≤ 3650'))
});

/** Schema of the whole model at the current schema version. */
export const ModelSchema = v.object({
	schemaVersion: v.literal(SCHEMA_VERSION, `must be ${SCHEMA_VERSION}`),
	id: shortText,
	name: shortText,
	description: optLong,
	dimensions: list(DimensionSchema, MAX_DIMENSIONS, 1),
	tiers,
	minCoverage: v.pipe(finite, v.minValue(0, 'must be ≥ 0'), v.maxValue(1, 'must be ≤ 1')),
	segments: v.nullish(
		v.object({ column: shortText, overrides: list(OverrideSchema, MAX_OVERRIDES) })
	),
	playbooks: v.optional(list(PlaybookSchema, MAX_PLAYBOOKS)),
	/** Checked by the recipe's own schema (`parseRecipe`) in `validateModel`. */
	recipe: v.optional(v.unknown())
});

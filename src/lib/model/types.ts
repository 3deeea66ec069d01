/**
 * The model: the whole scoring design, as stored in JSON (see DESIGN.md, "Vocabulary").
 * Pure types only: this file is shared by the engine, the workers, the SQL exporter and the UI.
 */
import type { ModelIssueCode, ModelIssueParams } from './issues';
import type { Recipe } from '$lib/sources/types';

/** Current model JSON schema version. Bump only with a migration in `migrate.ts`. */
export const SCHEMA_VERSION = 1;

/** Whether a higher raw value is healthier (`higher`) or a lower one (`lower`). */
export type Direction = 'higher' | 'lower';

/**
 * What to do when a metric has no value for an account.
 * `exclude` re-weights over what is present (default); `zero` counts 0 points; `neutral` counts 50.
 */
export type MissingPolicy = 'exclude' | 'zero' | 'neutral';

/** Leading signals move before churn (usage); lagging ones after (NPS, late payment). */
export type SignalTiming = 'leading' | 'lagging';

/** Linear: clamp((x − worst) / (best − worst)) × 100. `best` > `worst` for higher-is-better. */
export interface LinearScheme {
	kind: 'linear';
	worst: number;
	best: number;
}

/**
 * One band: values ≤ `upTo` (and above the previous band's `upTo`) score `points`.
 * The last band has `upTo: null` and takes every value above the previous band.
 */
export interface Band {
	upTo: number | null;
	points: number;
}

/** Bands: ordered ranges → points, e.g. "0–2 tickets → 100, 3–5 → 60, 6+ → 20". */
export interface BandsScheme {
	kind: 'bands';
	bands: Band[];
}

/**
 * Percentile: 100 × percent_rank among accounts that have a value, within the portfolio or the
 * account's segment: (rank − 1) / (n − 1), ties share the lowest rank, 0 when n = 1 (SQL
 * `percent_rank()`). Ordered ascending for `higher`, descending for `lower`.
 */
export interface PercentileScheme {
	kind: 'percentile';
	within: 'portfolio' | 'segment';
}

/** Boolean: a milestone done (raw 1 / true) or not (raw 0 / false). */
export interface BooleanScheme {
	kind: 'boolean';
	truePoints: number;
	falsePoints: number;
}

/** One category value and its points. Category values compare exactly (case-sensitive). */
export interface CategoryPoints {
	value: string;
	points: number;
}

/** Category: value → points; a value not in the map scores `otherPoints`, or is missing if null. */
export interface CategoryScheme {
	kind: 'category';
	map: CategoryPoints[];
	otherPoints: number | null;
}

/** Manual: points typed by a CSM on a 0…`max` scale, read as raw / max × 100. */
export interface ManualScheme {
	kind: 'manual';
	max: number;
}

export type Scheme =
	LinearScheme | BandsScheme | PercentileScheme | BooleanScheme | CategoryScheme | ManualScheme;

export type SchemeKind = Scheme['kind'];

/** One signal read from a dataset column, turned into 0–100 points by its scheme. */
export interface Metric {
	/** Stable key, `[a-z][a-z0-9_]*`, unique across the model. */
	id: string;
	name: string;
	/** Dataset column the raw value is read from. */
	column: string;
	/** Unit shown beside the input, e.g. `%`, `tickets`, `days`. */
	unit?: string;
	/** One-line hint shown under the input. */
	hint?: string;
	/** Why this metric is in the model (shown on the model card). */
	why?: string;
	direction: Direction;
	scheme: Scheme;
	/** Relative weight inside its dimension, ≥ 0. */
	weight: number;
	missing: MissingPolicy;
	timing: SignalTiming;
}

/** A weighted group of metrics, e.g. "Product usage 40 %". */
export interface Dimension {
	/** Stable key, `[a-z][a-z0-9_]*`, unique across the model. */
	id: string;
	name: string;
	/** Relative weight, ≥ 0; shown normalised to 100 %. */
	weight: number;
	/** Optional floor: a dimension score below it raises a flag, whatever the tier. */
	floor?: number | null;
	metrics: Metric[];
}

/**
 * A tier: every shown (rounded) score ≥ `min` and below the next tier's `min`.
 * Tiers are stored best first (highest `min` first); the last one has `min` 0.
 */
export interface Tier {
	id: string;
	name: string;
	min: number;
	/** CSS colour, `#rrggbb`. */
	color: string;
	/** The action a CSM takes for an account in this tier. */
	action: string;
}

/** What a playbook fires on: a tier, or a flag kind. */
export type PlaybookTrigger = { tier: string } | { flag: FlagKind };

/** The action attached to a tier or flag: what to do, who owns it, how soon. */
export interface Playbook {
	id: string;
	trigger: PlaybookTrigger;
	action: string;
	owner: string;
	dueDays: number;
}

/** One segment value's overrides of weights (by dimension or metric id) and tiers. */
export interface SegmentOverride {
	value: string;
	weights?: { id: string; weight: number }[];
	tiers?: Tier[];
}

/** A segment column whose values get their own weights and thresholds where they differ. */
export interface Segmentation {
	column: string;
	overrides: SegmentOverride[];
}

/** The whole scoring design. */
export interface Model {
	schemaVersion: typeof SCHEMA_VERSION;
	id: string;
	name: string;
	description?: string;
	dimensions: Dimension[];
	tiers: Tier[];
	/** Share (0–1) of the model's weight that must be backed by real values to score an account. */
	minCoverage: number;
	segments?: Segmentation | null;
	playbooks?: Playbook[];
	/**
	 * How the modelling table is built from the team's raw exports (sources, keys, as-of grid,
	 * features, outcome); absent when the model reads an imported table directly.
	 */
	recipe?: Recipe;
}

/** Kinds of per-account flag ("a green score isn't a free pass"). */
export type FlagKind = 'dimension-below-floor' | 'score-drop' | 'metric-trend' | 'override';

/** A per-account flag. */
export interface AccountFlag {
	kind: FlagKind;
	/** Dimension or metric id the flag is about, if any. */
	subject?: string;
	/** In English words (Node, exports); a screen says it from `kind` and `params`. */
	message: string;
	/** The names and figures the message is built from (below a floor: name, score, floor). */
	params?: Record<string, string | number>;
}

/** Model-level warnings (shown beside the model, not per account). */
export type ModelWarningKind =
	'too-many-metrics' | 'lagging-only' | 'zero-weight' | 'mostly-missing' | 'small-segment';

export interface ModelWarning {
	kind: ModelWarningKind;
	/** Path of the field concerned, e.g. `dimensions[1].metrics[0]`. */
	path?: string;
	/** In English words (Node, exports); a screen says it from `kind` and `params`. */
	message: string;
	/** The names and figures the message is built from, for a translated sentence. */
	params?: Record<string, string | number>;
}

/**
 * A validation problem: the JSON path of the bad field and what is wrong with it — in English
 * (`message`) and, for a model, as a code and figures the screen says in the UI language.
 */
export interface ValidationIssue {
	path: string;
	message: string;
	code?: ModelIssueCode;
	params?: ModelIssueParams;
}

/** Result of validating untrusted model JSON: either a model or the issues, never both. */
export type ValidationResult =
	{ ok: true; model: Model } | { ok: false; issues: ValidationIssue[] };

// ---------------------------------------------------------------------------------------------
// Column-wise data, as the scoring engine reads it.

/** A numeric column: `NaN` marks a missing value. Booleans are 1 / 0. Dates are epoch days. */
export interface NumberColumn {
	kind: 'number';
	values: Float64Array;
}

/** A text column, dictionary-encoded: `codes[i]` indexes `dictionary`, −1 marks missing. */
export interface CategoryColumn {
	kind: 'category';
	codes: Int32Array;
	dictionary: string[];
}

export type Column = NumberColumn | CategoryColumn;

/** A table of `n` rows held column-wise. Column names are dataset column names. */
export interface ColumnTable {
	n: number;
	columns: Map<string, Column>;
}

/** One account's raw inputs, by column name (the calculator's form values). */
export type AccountValues = Record<string, number | string | boolean | null | undefined>;

// ---------------------------------------------------------------------------------------------
// Engine results (added by the scoring engine; additive).

/**
 * Stage 1 of scoring: each metric's 0–100 points per row, in model order (see `allMetrics`).
 * `NaN` marks a missing value (the missing-value policy is applied in stage 2, so that imputed
 * points never count as coverage).
 */
export interface MetricPoints {
	n: number;
	points: Float64Array[];
}

/** Scores of a whole table, column-wise. */
export interface ScoreResult {
	n: number;
	/** Full-precision score 0–100; `NaN` = not scored (too little data). */
	score: Float64Array;
	/** Score rounded half up to a whole number; `NaN` = not scored. Tiers are decided on this. */
	shown: Float64Array;
	/** Index into the tiers in force for the row (its segment's, or the model's); −1 = not scored. */
	tier: Int8Array;
	/** Share 0–1 of the model's nominal weight backed by real (not imputed) values. */
	coverage: Float64Array;
	/** One array per model dimension: the dimension score 0–100, `NaN` = no available metric. */
	dimensions: Float64Array[];
	/** One array per metric in model order: points 0–100, `NaN` = missing. */
	metricPoints: Float64Array[];
}

/** One dimension of one account's score breakdown. */
export interface DimensionScore {
	id: string;
	name: string;
	/** Dimension score 0–100, or null when none of its metrics is available. */
	score: number | null;
	/** Share 0–1 of the account score, re-normalised over the available dimensions. */
	weightShare: number;
	/** weightShare × 100: the most points this dimension can give the account score. */
	pointsMax: number;
	/** weightShare × score. */
	pointsEarned: number;
	/** pointsMax − pointsEarned. */
	pointsLost: number;
}

/** Raw value of one metric as entered (null = missing). */
export type RawValue = number | string | boolean | null;

/** One metric of one account's score breakdown. */
export interface MetricScore {
	id: string;
	name: string;
	dimensionId: string;
	raw: RawValue;
	/** Points 0–100 from the raw value, or null when missing (before the missing policy). */
	points: number | null;
	/** Share 0–1 of the account score this metric carries (dimension share × share inside). */
	effectiveShare: number;
}

/** One way to reach the next better tier by changing a single metric. */
export interface NextTierOption {
	metricId: string;
	metricName: string;
	fromRaw: RawValue;
	toRaw: RawValue;
	/** Points now (imputed points for a missing metric with the zero / neutral policy). */
	fromPoints: number;
	toPoints: number;
	/** E.g. `Raise Seat utilisation from 62 % to 71 %`. */
	text: string;
}

/** What it takes to reach the next better tier. */
export interface NextTier {
	tier: Tier;
	/** Score points needed: (next tier's min − 0.5) − score. */
	pointsNeeded: number;
	options: NextTierOption[];
}

/** Why an account scores what it scores. */
export interface Explanation {
	/** Available dimensions ranked by points lost, largest first. */
	drivers: DimensionScore[];
	/** Null when the account is in the best tier or not scored. */
	nextTier: NextTier | null;
}

/** One account's score with its breakdown, flags and explanation. */
export interface AccountScore {
	score: number | null;
	shown: number | null;
	tier: Tier | null;
	/** Index into the tiers in force for the account; −1 = not scored. */
	tierIndex: number;
	coverage: number;
	isScored: boolean;
	dimensions: DimensionScore[];
	metrics: MetricScore[];
	flags: AccountFlag[];
	explanation: Explanation;
}

/** A shipped model template. */
export interface ModelTemplate {
	id: string;
	name: string;
	description: string;
	model: Model;
}

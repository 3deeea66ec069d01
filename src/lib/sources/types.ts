/**
 * Sources and recipes (DESIGN.md, "Sources and features"): a team's raw exports — accounts,
 * billing periods, usage events, tickets, a churn log — and the recipe that turns them into the
 * modelling table (one row per account per as-of date T, one column per feature, outcome columns).
 *
 * Pure types only: shared by the feature build (`build.ts`), the pipeline SQL export, the recipe
 * schema and the UI. Dates are epoch days (integer day numbers since 1970-01-01) as the dataset
 * stores them; a source's days are calendar days in its time zone (UTC by default).
 */
import type { IssueParams, SourceIssueCode } from './issues';
import type { ColumnTable } from '$lib/model/types';

/** Current recipe JSON schema version. Bump only with a migration in `recipe-schema.ts`. */
export const RECIPE_SCHEMA_VERSION = 1;

/**
 * What one row of a source is:
 * - `account`: one row per account (CRM export);
 * - `snapshot`: one row per account per date (id × date unique);
 * - `event`: one row per event with a date (usage, tickets, invoices, churn log): ids repeat;
 * - `period`: one row per interval with a start and an (optional) end (subscriptions, contracts).
 */
export type SourceGrain = 'account' | 'snapshot' | 'event' | 'period';

export const SOURCE_GRAINS: readonly SourceGrain[] = ['account', 'snapshot', 'event', 'period'];

/**
 * A source's data as the build reads it: exactly the shape of a stored `Dataset` (ids of the
 * account-id column, every other column in `table`), so a dataset converts without copying:
 * `{ name, ids: ds.ids, idColumn: columnWithRole(ds.meta, 'account-id'), table: ds.table }`.
 * Number columns: Float64Array with NaN for missing, booleans 1/0, dates epoch days.
 * Text columns: dictionary-coded. Key columns may be the id column, text or numbers.
 */
export interface SourceTable {
	/** The recipe's source name (`SourceSpec.name`). */
	name: string;
	/** Values of the dataset's account-id column, one per row (null when the dataset had none). */
	ids: readonly string[] | null;
	/** Name of the column `ids` holds (so a recipe can refer to it as any other column). */
	idColumn: string | null;
	table: ColumnTable;
}

/**
 * A key that reaches the account through another source, e.g. feature usage → subscriptions:
 * this source's key values are looked up in `via`'s column `column`, and that row's own key
 * (`via`'s `key`) is the account id. One hop only.
 */
export interface SourceLink {
	/** Name of the source to go through. */
	via: string;
	/** Column of `via` holding this source's key values (e.g. `subscription_id`). */
	column: string;
}

/** One source in the recipe. */
export interface SourceSpec {
	/** Unique, shown in the UI and in feature descriptions, e.g. `support-tickets`. */
	name: string;
	/** Id of the stored dataset this source reads (set by the UI; absent in tests). */
	datasetId?: string;
	grain: SourceGrain;
	/** Column holding the account key (or, with `link`, the key of the `via` source). */
	key: string;
	link?: SourceLink | null;
	/** Event date (`event`) or snapshot date (`snapshot`) column; optional start for `account`. */
	time?: string | null;
	/** Period start and end columns (`period`); a blank end means still running. */
	start?: string | null;
	end?: string | null;
	/** IANA time zone the source's timestamps are read in; default `UTC`. */
	timeZone?: string;
	/** Columns the source had when the recipe was made (re-import change detection). */
	columns?: string[];
}

/** The dates T at which accounts are described. Dates are ISO `YYYY-MM-DD`. */
export type AsOfGrid =
	/** Month ends (`month-end`) or month starts (`month-start`) from → to, inclusive. */
	| { kind: 'monthly'; from: string; to: string; anchor: 'month-start' | 'month-end' }
	/** Every 7 days from `from` up to `to`, inclusive. */
	| { kind: 'weekly'; from: string; to: string }
	/** The distinct dates of a snapshot source. */
	| { kind: 'snapshot-dates'; source: string }
	/** An explicit list. */
	| { kind: 'dates'; dates: string[] };

/**
 * Reactivation rule. `none`: the first churn is final (nothing after it is described).
 * `new-life`: an account that returns after churning (a dated row in any source after its churn
 * date) starts a new life with id `<id>` + `LIFE_SEPARATOR` + n (n = 2, 3, …), so the backtest
 * counts each life once and each churn once.
 */
export type Reactivation = 'none' | 'new-life';

/** Separator between an account id and its life number in the built table's ids. */
export const LIFE_SEPARATOR = ' #';

/** Where the churn date comes from. */
export type OutcomeSpec =
	/** A churn-log source (event grain): each row's `column` date is a cancellation. */
	| { kind: 'churn-log'; source: string; column: string; reactivation: Reactivation }
	/**
	 * The end of the account's last period in a period source: periods are merged into covered
	 * stretches (a gap of more than `graceDays` days ends one); a stretch that ends on or before
	 * the end of the data is a churn on its end date.
	 */
	| { kind: 'period-end'; source: string; graceDays: number; reactivation: Reactivation }
	/** No outcome (the table can be scored, not backtested). */
	| { kind: 'none' };

/** Event aggregates. */
export type EventAgg =
	| 'count'
	| 'sum'
	| 'mean'
	| 'min'
	| 'max'
	| 'distinct'
	| 'last'
	| 'days-since-last'
	| 'days-since-first';

export const EVENT_AGGS: readonly EventAgg[] = [
	'count',
	'sum',
	'mean',
	'min',
	'max',
	'distinct',
	'last',
	'days-since-last',
	'days-since-first'
];

/** Keep only rows whose `column` value (as text; numbers as `String(x)`, booleans `1`/`0`) is one of `values`. */
export interface RowFilter {
	column: string;
	values: string[];
}

interface FeatureBase {
	/** Output column name, `[a-z][a-z0-9_]*` (≤ 64), unique in the recipe. */
	id: string;
	/** Label shown in the UI, e.g. `Tickets, last 90 days`. */
	name: string;
	/** Source name. */
	source: string;
}

/**
 * Aggregate of an event source's rows dated in the window `(T − days, T]` (or all history ≤ T
 * when `days` is null). `column` is required except for `count`, `days-since-last/first`.
 * Empty window: count, sum and distinct are 0; the others are missing.
 * `last`: value of the latest-dated row with a value (ties: the largest value).
 * A period source may be used too: its start date is the event date.
 */
export interface EventFeature extends FeatureBase {
	kind: 'event';
	agg: EventAgg;
	column?: string | null;
	days: number | null;
	filter?: RowFilter | null;
}

/** Period measures at T. A period covers T when start ≤ T and (no end, or end > T). */
export type PeriodMeasure =
	/** 1 when some period covers T, else 0. */
	| 'active'
	/** `column` of the covering periods: `latest` = the one with the latest start (ties: largest value), or `sum`. */
	| 'value'
	/** Days from the first period start (≤ T) to T. */
	| 'tenure'
	/** Days from T to the nearest end (> T) of a covering period: a scheduled renewal date. */
	| 'days-to-renewal'
	/** Number of periods starting in the window whose `column` is above (`up`) or below (`down`) the account's previous period's. */
	| 'changes';

export interface PeriodFeature extends FeatureBase {
	kind: 'period';
	measure: PeriodMeasure;
	column?: string | null;
	/** For `value`: how several covering periods combine. */
	combine?: 'latest' | 'sum';
	/** For `changes`: window in days (null = all history). */
	days?: number | null;
	direction?: 'up' | 'down';
}

/** Latest value at or before T of a snapshot source's column (ties: the largest value). */
export interface SnapshotFeature extends FeatureBase {
	kind: 'snapshot';
	column: string;
}

/** A column of the account list (one value per account, the same at every T). */
export interface AccountFeature extends FeatureBase {
	kind: 'account';
	column: string;
}

export type FeatureSpec = EventFeature | PeriodFeature | SnapshotFeature | AccountFeature;

export type FeatureKind = FeatureSpec['kind'];

/** The whole recipe: saved with the model. */
export interface Recipe {
	schemaVersion: typeof RECIPE_SCHEMA_VERSION;
	sources: SourceSpec[];
	/** The account list source (grain `account`), or null: the accounts are the ids seen anywhere. */
	accounts: string | null;
	grid: AsOfGrid;
	features: FeatureSpec[];
	outcome: OutcomeSpec;
	/** Feature id whose value is the segment (a text feature), or null. */
	segment?: string | null;
	/** Feature id whose value is the contract value (a number feature), or null. */
	contractValue?: string | null;
	/** Last day the data describes (ISO); default the latest date found in any source. */
	dataEnd?: string | null;
}

/** Names of the fixed columns of the built table. */
export const BUILT_COLUMNS = {
	asOf: 'as_of_date',
	churnDate: 'churn_date',
	churned: 'churned',
	life: 'life'
} as const;

/** A problem with the recipe or the data. `error` stops the build; `warning` is shown beside it. */
export interface SourceIssue {
	severity: 'error' | 'warning';
	source?: string;
	feature?: string;
	column?: string;
	/** 1-based data row number (header excluded) when the issue is about one row. */
	row?: number;
	/** How many rows the issue covers (the first one is `row`). */
	rows?: number;
	/** What is wrong, as a code and figures (said in the UI language by `sourceIssueText`). */
	code: SourceIssueCode;
	params?: IssueParams;
	/** A recipe rule's JSON path (`features[2].column`), when the issue is one. */
	path?: string;
	/** The core's English words (logs, Node, thrown errors). */
	message: string;
}

/** Rows of a source whose key matched no account. */
export interface OrphanCount {
	source: string;
	/** Rows whose key is blank, not found through the link, or not in the account list. */
	rows: number;
	/** Distinct keys among them. */
	keys: number;
	/** A few of those keys, for the message. */
	examples: string[];
}

/** What one output column is (for the dataset metadata the UI stores). */
export interface BuiltColumn {
	name: string;
	/** `as-of` = snapshot date, `churn-date`, `churned`, `segment`, `contract-value`, `feature`, `life`. */
	role: 'as-of' | 'churn-date' | 'churned' | 'segment' | 'contract-value' | 'feature' | 'life';
	type: 'number' | 'date' | 'boolean' | 'category';
	/** Feature id, for feature columns. */
	feature?: string;
	/** Source the column comes from (features). */
	source?: string;
	/** Plain-words definition (`describeFeature`). */
	description: string;
}

/** The modelling table: dataset-shaped, one row per account (life) per as-of date. */
export interface BuiltTable {
	/** Account id per row (`<id>` + LIFE_SEPARATOR + n for a second or later life). */
	ids: string[];
	/** The original account id per row (without the life suffix). */
	accountIds: string[];
	table: ColumnTable;
	columns: BuiltColumn[];
	/** The as-of days of the grid (epoch days), ascending. */
	asOfDays: number[];
	/** Last day the data describes (epoch day). */
	dataEndDay: number;
	/** Number of accounts (account list or ids seen). */
	accounts: number;
	/** Number of lives (accounts + returns). */
	lives: number;
	orphans: OrphanCount[];
	issues: SourceIssue[];
	/** How the outcome and reactivation were counted, in plain words. */
	outcomeDescription: string;
}

/** A proposal for a source's grain, with why. */
export interface GrainProposal {
	grain: SourceGrain;
	/** Columns the proposal relies on. */
	key: string | null;
	time?: string | null;
	start?: string | null;
	end?: string | null;
	reasons: string[];
}

/** A proposed key match between two sources. */
export interface KeyProposal {
	source: string;
	column: string;
	/** The other source and its column the values match. */
	target: string;
	targetColumn: string;
	/** Share 0–1 of this source's distinct non-blank key values found in the target column. */
	overlap: number;
	reasons: string[];
}

/** A feature without its id (distributes over the union, unlike `Omit<FeatureSpec, 'id'>`). */
export type FeatureDraft = FeatureSpec extends infer F
	? F extends unknown
		? Omit<F, 'id'>
		: never
	: never;

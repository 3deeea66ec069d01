/**
 * Messages between the backtest state and the backtest worker (a discriminated union, re-exported
 * from protocol.ts). Every request carries an id; replies echo it, so the page drops replies to
 * requests it has superseded. The dataset is posted once; each run then sends only the model(s)
 * and the settings.
 */
import type { ReportCard } from '$lib/backtest/report';
import type { FitResult } from '$lib/backtest/fit';
import type { MigrationMatrix } from '$lib/backtest/migration';
import type { SelectionCounts } from '$lib/backtest/select';
import type { ShownHistogram } from '$lib/draft/suggest';
import type { IdParts } from '$lib/data/csv/build';
import type { Column, Model } from '$lib/model/types';
import type { ValidationReply, ValidationRequest } from './validation-protocol';
import type { WorkerErrorCode } from './worker-error';

export type BacktestMode = 'cross-sectional' | 'point-in-time';

/** Column names of the roles a backtest reads (null = the dataset has no such column). */
export interface BacktestRoles {
	snapshotDate: string | null;
	churned: string | null;
	churnDate: string | null;
	/** Contract value (ARR) column, for the money figures; absent = none. */
	contractValue?: string | null;
}

/** What a run needs besides the model. */
export interface BacktestSettings {
	mode: BacktestMode;
	/** Point in time: as-of day T (epoch days). */
	asOfDay: number;
	/** Point in time: horizon H in days; the outcome is "churned in (T, T + H]". */
	horizonDays: number;
	/** Bootstrap seed (uint32). */
	seed: number;
	/** Bootstrap resamples (0 = no interval). */
	resamples: number;
	/** Point in time: also run the rolling backtest over several as-of days. */
	rolling: boolean;
	/** Red-cut target: red catches ≥ minCatch (0–1) of churners with ≤ maxFlagged (0–1) of accounts. */
	minCatch: number;
	maxFlagged: number;
	/** Cost of a missed churner and of a false alarm (any currency, ≥ 0). */
	costMiss: number;
	costFalseAlarm: number;
}

/** One as-of day of the rolling backtest. */
export interface RollingRow {
	asOfDay: number;
	accounts: number;
	churners: number;
	auc: number;
	/** Per tier (model order): accounts, churners and churn rate (NaN when empty). */
	tiers: { id: string; name: string; accounts: number; churners: number; rate: number }[];
}

/** One account that changed tier between champion and challenger. */
export interface ChangedAccount {
	accountId: string;
	fromTier: number;
	toTier: number;
	fromScore: number;
	toScore: number;
	metricName: string | null;
	metricFrom: number;
	metricTo: number;
}

/** Champion vs challenger on the same rows. */
export interface CompareResult {
	name: string;
	migration: MigrationMatrix;
	changed: ChangedAccount[];
}

/** The result of one run. */
export interface BacktestRunResult {
	mode: BacktestMode;
	asOfDay: number;
	horizonDays: number;
	dataEndDay: number;
	selection: SelectionCounts;
	/** Accounts the model scored among the selected (the report's population). */
	scored: number;
	report: ReportCard;
	rolling: RollingRow[] | null;
	compare: CompareResult | null;
	/** Worker time, ms. */
	ms: number;
}

/** The weight fit and how it was validated. */
export interface FitRunResult {
	fit: FitResult;
	/** Metric names by id (the model's). */
	names: Record<string, string>;
	/** 'kfold' on one population, or a time split: train as-of days → test as-of day. */
	split:
		| { kind: 'kfold'; folds: number }
		| { kind: 'time'; trainAsOfDays: number[]; testAsOfDay: number };
	/**
	 * The report's accounts scored by the current model (`before`) and with the rounded suggested
	 * weights (`after`), as shown-score histograms: the page re-places the thresholds from them.
	 */
	proposal: { before: ShownHistogram; after: ShownHistogram } | null;
	ms: number;
}

export type BacktestRequest =
	| {
			type: 'backtest/data';
			id: number;
			n: number;
			columns: [string, Column][];
			/** Account ids, joined in parts (one string per part, not one per account). */
			ids: IdParts | string[];
			roles: BacktestRoles;
	  }
	| {
			type: 'backtest/run';
			id: number;
			model: Model;
			challenger: { name: string; model: Model } | null;
			settings: BacktestSettings;
	  }
	| { type: 'backtest/fit'; id: number; model: Model; settings: BacktestSettings; folds: number }
	| ValidationRequest;

export type BacktestReply =
	| { type: 'backtest/data-ready'; id: number }
	| { type: 'backtest/progress'; id: number; stage: string }
	| { type: 'backtest/result'; id: number; result: BacktestRunResult }
	| { type: 'backtest/fit-result'; id: number; result: FitRunResult }
	| ValidationReply
	| { type: 'backtest/error'; id: number; code?: WorkerErrorCode; message: string };

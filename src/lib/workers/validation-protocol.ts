/**
 * Messages and result of a Validation run ("would it have warned us?"), carried by the backtest
 * worker (see backtest-protocol.ts for the union they join).
 */
import type { Concordance } from '$lib/backtest/concordance';
import type { AccountChange, ChangeSplit } from '$lib/backtest/change';
import type { LeadTimeResult } from '$lib/backtest/leadtime';
import type { MoneyResult } from '$lib/backtest/money';
import type { PsiResult } from '$lib/backtest/psi';
import type { RobustnessResult } from '$lib/backtest/robustness';
import type { SegmentReport } from '$lib/backtest/segments';
import type { SignalRow } from '$lib/backtest/signals';
import type { KaplanMeier, LogRankResult } from '$lib/backtest/survival';
import type { TierRow } from '$lib/backtest/tiers';
import type { MissingPolicy, Model } from '$lib/model/types';

export interface ValidationSettings {
	/** As-of day T (epoch days); NaN for a dataset without snapshots. */
	asOfDay: number;
	/** Horizon H, days: the tier table and signals use "churned in (T, T + H]". */
	horizonDays: number;
	seed: number;
	/** Weight perturbation, 0–1 (0.2 = ±20 %). */
	spread: number;
	draws: number;
	/** Drift: the earlier date (epoch days); NaN = about a year before T. */
	driftFromDay: number;
	/** Drift: the model in force at the earlier date (a saved version); absent/null = the same. */
	driftModel?: { name: string; model: Model } | null;
	/** Per-segment results: the column to split by; absent/null = the model's segment column. */
	segmentColumn?: string | null;
}

/** Kaplan–Meier curve of one tier (model order). */
export interface TierSurvival {
	tier: number;
	name: string;
	color: string;
	km: KaplanMeier;
}

export interface SurvivalResult {
	asOfDay: number;
	/** Accounts alive at T with a score (the curves' population). */
	accounts: number;
	/** Longest follow-up, days after T. */
	followUpDays: number;
	tiers: TierSurvival[];
	logRank: LogRankResult;
	/** Harrell's c of risk = 100 − score against (days to churn or to last seen, churned). */
	concordance: Concordance;
}

export interface DriftResult {
	fromDay: number;
	toDay: number;
	score: PsiResult;
	metrics: { id: string; name: string; psi: PsiResult }[];
	/** Points per dimension between the dates: the customer changed vs the formula changed. */
	change: DriftChange;
}

export interface DriftChange {
	/** Name of the earlier model, or null when it is the same model. */
	fromModel: string | null;
	portfolio: ChangeSplit;
	/** The accounts whose score moved most, with their account id. */
	movers: (AccountChange & { id: string })[];
}

export interface MissingPolicyRow {
	policy: MissingPolicy;
	auc: number;
	scored: number;
	/** Share of scored accounts per tier (model order). */
	tierShares: number[];
}

export interface ValidationResult {
	asOfDay: number;
	horizonDays: number;
	dataEndDay: number;
	/** Tiers of the model (model order). */
	tierNames: string[];
	/** Point-in-time figures need snapshot dates and churn dates; null otherwise (with why). */
	pointInTimeNote: string | null;
	/** Tier table of the backtest at (T, H) (or cross-sectional), with its base rate. */
	tierRows: TierRow[];
	baseRate: number;
	events: number;
	survival: SurvivalResult | null;
	lead: LeadTimeResult | null;
	/** Grid dates of the score history (epoch days). */
	gridDays: number[];
	signals: SignalRow[];
	robustness: RobustnessResult;
	drift: DriftResult | null;
	missing: MissingPolicyRow[];
	/** ARR figures (null without a contract-value column) and that column's name. */
	money: MoneyResult | null;
	valueColumn: string | null;
	/** Per dimension: share of accounts with at least one real value (at T). */
	dimensionCoverage: { id: string; name: string; share: number }[];
	/** Per-segment results beside the pooled model (null without a segment column). */
	segments: SegmentReport | null;
	/** Why there are no per-segment results when a column was asked for (or null). */
	segmentNote: string | null;
	/** The same reason as a code and its figures, for the screen to say in the UI language. */
	segmentIssue: SegmentIssue | null;
	ms: number;
}

/** Why a per-segment split could not be made: no such column, or too many values. */
export type SegmentIssue =
	| { code: 'no-column'; column: string }
	| { code: 'too-many'; column: string; values: number; max: number };

export type ValidationRequest = {
	type: 'validation/run';
	id: number;
	model: Model;
	settings: ValidationSettings;
};

export type ValidationReply = { type: 'validation/result'; id: number; result: ValidationResult };

/**
 * The backtest report card: every table and figure of DESIGN.md "Backtest" from one call, as
 * plain JSON-serialisable data (numbers, strings, booleans, arrays, objects; no typed arrays).
 * Non-finite numbers (NaN = "not defined", e.g. AUC with no churners) become `null` in
 * {@link reportToJson}.
 */
import {
	aucResamples,
	bootstrapAucDifference,
	bootstrapAucGroups,
	intervalFromResamples,
	sortedCodes,
	type BootstrapInterval
} from './bootstrap';
import { calibrationTable, type CalibrationResult } from './calibration';
import { groupByScore, type ScoreGroups } from './groups';
import { gainsFromGroups, liftFromGroups, type GainsPoint, type LiftRow } from './lift';
import { aucFromGroups, rocFromGroups, type RocPoint } from './metrics';
import { metricPower, type MetricPowerInput, type MetricPowerRow } from './power';
import type { SelectionCounts } from './select';
import {
	costOptimalCut,
	suggestRedCut,
	type CostOptimalCut,
	type RedCutSuggestion
} from './thresholds';
import { tierReport, type ConfusionMatrix, type TierLike, type TierReport } from './tiers';
import { wilson, type RateInterval } from './wilson';

/** Scores of the accounts under test (all arrays the same length, one entry per account). */
export interface ReportInput {
	/** Full-precision health score (NaN = not scored): AUC, ROC, KS, deciles, calibration. */
	score: Float64Array;
	/** Shown (rounded) score: threshold suggestions. */
	shown: Float64Array;
	/** Tier index per account (−1 = not scored), into `tiers`. */
	tier: Int8Array;
	/** 1 = churned, 0 = retained; other values excluded. */
	labels: Uint8Array;
	/** The model's tiers, best first. */
	tiers: readonly TierLike[];
	/** Tier indices that predict churn; default all but the best. */
	atRisk?: readonly number[];
	/** A challenger model's full-precision scores on the same accounts. */
	challenger?: { name: string; score: Float64Array };
	/** Per-metric columns for the predictive-power table. */
	metrics?: readonly MetricPowerInput[];
	/** Red-cut targets (0–1 shares) and costs for the threshold suggestions. */
	thresholds?: { minCatch: number; maxFlagged: number; costMiss?: number; costFalseAlarm?: number };
	/** Counts from the selection step (point-in-time exclusions, censoring). */
	selection?: SelectionCounts;
}

/** Report options. */
export interface ReportOptions {
	seed: number;
	/** Bootstrap resamples (default 1000; 0 = no interval). */
	resamples?: number;
	/** Max ROC points kept for charts (default 200). */
	rocPoints?: number;
	/** Calibration band width in points (default 10). */
	bandWidth?: number;
}

/** The whole report card. */
export interface ReportCard {
	version: 1;
	seed: number;
	resamples: number;
	selection: SelectionCounts | null;
	/** Accounts scored and labelled (AUC population). */
	n: number;
	positives: number;
	negatives: number;
	baseRate: RateInterval;
	excluded: { notScored: number; unlabelled: number };
	auc: BootstrapInterval;
	roc: RocPoint[];
	ks: { value: number; threshold: number };
	deciles: LiftRow[];
	gains: GainsPoint[];
	calibration: CalibrationResult;
	tiers: TierReport;
	/** Confusion matrix for the worst tier alone ("red predicts churn"). */
	worstTierConfusion: ConfusionMatrix;
	metricPower: MetricPowerRow[] | null;
	challenger: {
		name: string;
		n: number;
		champion: number;
		challenger: number;
		difference: BootstrapInterval;
		challengerBetterShare: number;
	} | null;
	thresholds: { redCut: RedCutSuggestion; cost: CostOptimalCut | null } | null;
}

/** Build the report card. Deterministic for a given input and seed. */
export function buildReport(input: ReportInput, options: ReportOptions): ReportCard {
	const g = groupByScore(input.score, input.labels);
	const auc = bootstrapAucGroups(g, { seed: options.seed, resamples: options.resamples ?? 1000 });
	return assemble(input, options, g, auc);
}

/**
 * Computes the AUC bootstrap's resamples `from` … `to − 1` elsewhere (e.g. in a helper worker),
 * as {@link aucResamples}(code, seed, from, to) would.
 */
export type ResampleRunner = (
	code: Uint8Array,
	seed: number,
	from: number,
	to: number
) => Promise<Float64Array>;

/**
 * {@link buildReport} with the last `share` of the AUC bootstrap's resamples handed to `runner`
 * (another core) while this thread computes the first ones and the rest of the card. The
 * resamples enter the seeded stream at their own index, so the card is identical to
 * `buildReport`'s for any share (tested); if the runner fails, its resamples are computed here.
 */
export async function buildReportShared(
	input: ReportInput,
	options: ReportOptions,
	runner: ResampleRunner,
	share = 0.75
): Promise<ReportCard> {
	const B = options.resamples ?? 1000;
	const seed = options.seed >>> 0;
	const g = groupByScore(input.score, input.labels);
	const code = sortedCodes(g);
	const cut = Math.max(0, Math.min(B, Math.round(B * (1 - share))));
	const far = cut < B ? runner(code, seed, cut, B) : Promise.resolve(new Float64Array(0));
	const near = aucResamples(code, seed, 0, cut);
	// The card around the interval while the runner works (its interval is replaced below).
	const card = assemble(input, options, g, intervalFromResamples(NaN, near, options.seed));
	const rest = await far.catch(() => aucResamples(code, seed, cut, B));
	const all = new Float64Array(B);
	all.set(near, 0);
	all.set(rest.subarray(0, B - cut), cut);
	card.auc = intervalFromResamples(aucFromGroups(g), all, options.seed);
	return card;
}

/** Every section of the card, with the given AUC interval. */
function assemble(
	input: ReportInput,
	options: ReportOptions,
	g: ScoreGroups,
	auc: BootstrapInterval
): ReportCard {
	const resamples = options.resamples ?? 1000;
	const roc = rocFromGroups(g, options.rocPoints ?? 200);
	const tiers = tierReport(input.tier, input.labels, input.tiers, input.atRisk);
	const worst = input.tiers.length - 1;
	const worstTierConfusion = tierReport(input.tier, input.labels, input.tiers, [worst]).confusion;
	let challenger: ReportCard['challenger'] = null;
	if (input.challenger) {
		const r = bootstrapAucDifference(input.score, input.challenger.score, input.labels, {
			seed: options.seed,
			resamples
		});
		challenger = { name: input.challenger.name, ...r };
	}
	let thresholds: ReportCard['thresholds'] = null;
	if (input.thresholds) {
		const t = input.thresholds;
		thresholds = {
			redCut: suggestRedCut(input.shown, input.labels, t.minCatch, t.maxFlagged),
			cost:
				t.costMiss !== undefined && t.costFalseAlarm !== undefined
					? costOptimalCut(input.shown, input.labels, t.costMiss, t.costFalseAlarm)
					: null
		};
	}
	return {
		version: 1,
		seed: options.seed,
		resamples,
		selection: input.selection ?? null,
		n: g.positives + g.negatives,
		positives: g.positives,
		negatives: g.negatives,
		baseRate: wilson(g.positives, g.positives + g.negatives),
		excluded: { notScored: g.notScored, unlabelled: g.unlabelled },
		auc,
		roc: roc.points,
		ks: { value: roc.ks, threshold: roc.ksThreshold },
		deciles: liftFromGroups(g, 10),
		gains: gainsFromGroups(g, 100),
		calibration: calibrationTable(input.score, input.labels, options.bandWidth ?? 10),
		tiers,
		worstTierConfusion,
		metricPower: input.metrics ? metricPower(input.metrics, input.labels) : null,
		challenger,
		thresholds
	};
}

/** JSON text of a report card; NaN and ±Infinity become `null`. */
export function reportToJson(card: ReportCard, indent = 2): string {
	return JSON.stringify(
		card,
		(_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
		indent
	);
}

export * from './csv';

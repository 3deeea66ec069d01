/**
 * Tier-level results: churn per tier, the share of churners the at-risk tiers caught, false
 * greens, and the confusion matrix of "an at-risk tier predicts churn".
 * Tiers are indices into the model's tier list, best first (0 = healthiest, e.g. green), as
 * `ScoreResult.tier` gives them; −1 = not scored. Rates carry Wilson 95 % intervals.
 */
import type { Tier } from '$lib/model/types';
import { wilson, type RateInterval } from './wilson';

/** One tier's row. */
export interface TierRow {
	index: number;
	id: string;
	name: string;
	accounts: number;
	churners: number;
	churnRate: RateInterval;
	/** churn rate ÷ base churn rate of all tiered, labelled accounts. */
	lift: number;
	/** Share of all accounts (in any tier). */
	accountShare: number;
	/** Share of all churners. */
	churnerShare: number;
}

/** A pair of tiers in the wrong order: the worse tier churned no more than the better one. */
export interface TierOrderViolation {
	better: string;
	worse: string;
	betterRate: number;
	worseRate: number;
}

/** 2×2 table of "predicted at risk" (tier in the at-risk set) vs "churned". */
export interface ConfusionMatrix {
	tp: number;
	fp: number;
	fn: number;
	tn: number;
	/** tp / (tp + fp): churn rate among flagged accounts (precision, PPV). */
	precision: RateInterval;
	/** tp / (tp + fn): share of churners flagged (recall, sensitivity, TPR). */
	recall: RateInterval;
	/** tn / (tn + fp). */
	specificity: RateInterval;
	/** fp / (fp + tn). */
	falsePositiveRate: number;
	/** (tp + tn) / n. */
	accuracy: number;
}

/** Result of {@link tierReport}. */
export interface TierReport {
	rows: TierRow[];
	accounts: number;
	churners: number;
	baseRate: RateInterval;
	/** True when every non-empty tier churns strictly more than every better non-empty tier. */
	monotonic: boolean;
	violations: TierOrderViolation[];
	/** Indices treated as at-risk. */
	atRisk: number[];
	/** Churners in at-risk tiers ÷ all churners (= recall). */
	caught: RateInterval;
	/**
	 * False greens: churners who sat in the best tier (index 0). `shareOfChurners` = those ÷ all
	 * churners; `rateInBest` = those ÷ accounts in the best tier (its churn rate).
	 */
	falseGreen: { churners: number; shareOfChurners: RateInterval; rateInBest: RateInterval };
	confusion: ConfusionMatrix;
	/** Rows with tier −1 (not scored) or a label other than 0/1. */
	excluded: { notScored: number; unlabelled: number };
}

/** Tier description: a model tier, or just an id and name. */
export type TierLike = Pick<Tier, 'id' | 'name'>;

/** Confusion matrix from counts. */
export function confusionFromCounts(
	tp: number,
	fp: number,
	fn: number,
	tn: number
): ConfusionMatrix {
	const n = tp + fp + fn + tn;
	return {
		tp,
		fp,
		fn,
		tn,
		precision: wilson(tp, tp + fp),
		recall: wilson(tp, tp + fn),
		specificity: wilson(tn, tn + fp),
		falsePositiveRate: fp + tn > 0 ? fp / (fp + tn) : NaN,
		accuracy: n > 0 ? (tp + tn) / n : NaN
	};
}

/**
 * Per-tier table and at-risk summary.
 * @param tier tier index per row (−1 = not scored); indices ≥ tiers.length are counted as not scored.
 * @param labels 1 = churned, 0 = retained; other values are excluded.
 * @param atRisk tier indices that count as "predicted to churn"; default all but the best tier.
 */
export function tierReport(
	tier: Int8Array,
	labels: Uint8Array,
	tiers: readonly TierLike[],
	atRisk?: readonly number[]
): TierReport {
	const T = tiers.length;
	const acc = new Float64Array(T);
	const chu = new Float64Array(T);
	let notScored = 0;
	let unlabelled = 0;
	for (let i = 0; i < tier.length; i++) {
		const y = labels[i];
		if (y !== 0 && y !== 1) {
			unlabelled++;
			continue;
		}
		const t = tier[i]!;
		if (t < 0 || t >= T) {
			notScored++;
			continue;
		}
		acc[t]! += 1;
		chu[t]! += y;
	}
	let n = 0;
	let P = 0;
	for (let t = 0; t < T; t++) {
		n += acc[t]!;
		P += chu[t]!;
	}
	const base = n > 0 ? P / n : NaN;
	const rows: TierRow[] = tiers.map((tr, t) => {
		const rate = wilson(chu[t]!, acc[t]!);
		return {
			index: t,
			id: tr.id,
			name: tr.name,
			accounts: acc[t]!,
			churners: chu[t]!,
			churnRate: rate,
			lift: rate.rate / base,
			accountShare: n > 0 ? acc[t]! / n : NaN,
			churnerShare: P > 0 ? chu[t]! / P : NaN
		};
	});
	const violations: TierOrderViolation[] = [];
	const nonEmpty = rows.filter((r) => r.accounts > 0);
	for (let a = 0; a < nonEmpty.length; a++) {
		for (let b = a + 1; b < nonEmpty.length; b++) {
			const better = nonEmpty[a]!;
			const worse = nonEmpty[b]!;
			if (!(worse.churnRate.rate > better.churnRate.rate)) {
				violations.push({
					better: better.id,
					worse: worse.id,
					betterRate: better.churnRate.rate,
					worseRate: worse.churnRate.rate
				});
			}
		}
	}
	const risky = (atRisk ?? tiers.map((_, t) => t).slice(1)).filter((t) => t >= 0 && t < T);
	const isRisky = new Uint8Array(T);
	for (const t of risky) isRisky[t] = 1;
	let tp = 0;
	let fp = 0;
	for (let t = 0; t < T; t++) {
		if (isRisky[t]) {
			tp += chu[t]!;
			fp += acc[t]! - chu[t]!;
		}
	}
	const fn = P - tp;
	const tn = n - P - fp;
	const bestChurners = T > 0 ? chu[0]! : 0;
	return {
		rows,
		accounts: n,
		churners: P,
		baseRate: wilson(P, n),
		monotonic: violations.length === 0,
		violations,
		atRisk: [...new Set(risky)].sort((a, b) => a - b),
		caught: wilson(tp, P),
		falseGreen: {
			churners: bestChurners,
			shareOfChurners: wilson(bestChurners, P),
			rateInBest: wilson(bestChurners, T > 0 ? acc[0]! : 0)
		},
		confusion: confusionFromCounts(tp, fp, fn, tn),
		excluded: { notScored, unlabelled }
	};
}

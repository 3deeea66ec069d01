/**
 * Weight robustness: "our weights are a guess — how much do the tiers depend on them?" Every
 * dimension and metric weight is multiplied by an independent factor drawn uniformly from
 * [1 − p, 1 + p] (seeded), the accounts are re-scored (metric points are reused: weights do not
 * change them), and each draw is compared with the model as set: the share of accounts that change
 * tier, Spearman's rank correlation of the scores, and the AUC.
 */
import { combineScores } from '$lib/model/score';
import type { ColumnTable, MetricPoints, Model } from '$lib/model/types';
import { denseRanks } from './groups';
import { rocAuc } from './metrics';
import { mulberry32, uniform } from './rng';

export interface RobustnessOptions {
	/** Perturbation, 0–1 (0.2 = ±20 %). */
	spread: number;
	draws: number;
	seed: number;
}

export interface RobustnessDraw {
	flipRate: number;
	spearman: number;
	auc: number;
}

export interface RobustnessResult {
	spread: number;
	draws: RobustnessDraw[];
	/** AUC of the model as set. */
	baseAuc: number;
	/** Mean and largest tier flip rate over the draws. */
	flipMean: number;
	flipMax: number;
	/** Smallest and median Spearman correlation. */
	spearmanMin: number;
	spearmanMedian: number;
	/** Lowest and highest AUC over the draws. */
	aucMin: number;
	aucMax: number;
}

/** The model with every dimension and metric weight scaled by a random factor in [1 − p, 1 + p]. */
export function perturbWeights(model: Model, spread: number, rng: () => number): Model {
	const f = () => 1 - spread + 2 * spread * rng();
	return {
		...model,
		dimensions: model.dimensions.map((d) => ({
			...d,
			weight: d.weight * f(),
			metrics: d.metrics.map((m) => ({ ...m, weight: m.weight * f() }))
		}))
	};
}

/** Average ranks (1-based; ties share the mean rank) of finite values, by a native sort. */
export function averageRanks(x: ArrayLike<number>): Float64Array {
	const { groupOf, values } = denseRanks(Float64Array.from(x));
	const count = new Float64Array(values.length);
	for (let i = 0; i < groupOf.length; i++) count[groupOf[i]!]!++;
	const mean = new Float64Array(values.length);
	let before = 0;
	for (let g = 0; g < values.length; g++) {
		mean[g] = before + (count[g]! + 1) / 2;
		before += count[g]!;
	}
	return Float64Array.from(groupOf, (g) => mean[g]!);
}

/** Pearson correlation of two rank vectors of equal length n (mean rank (n + 1) / 2). */
function rankCorrelation(rx: Float64Array, ry: Float64Array): number {
	const n = rx.length;
	if (n < 2) return NaN;
	const m = (n + 1) / 2;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = rx[i]! - m;
		const dy = ry[i]! - m;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN;
}

/** The values at rows where both a and b are finite. */
function pairedFinite(a: ArrayLike<number>, b: ArrayLike<number>): [Float64Array, Float64Array] {
	let n = 0;
	for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) n++;
	const xs = new Float64Array(n);
	const ys = new Float64Array(n);
	n = 0;
	for (let i = 0; i < a.length; i++)
		if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) {
			xs[n] = a[i]!;
			ys[n++] = b[i]!;
		}
	return [xs, ys];
}

/** Spearman's ρ: Pearson correlation of average ranks over pairs where both are finite. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const [xs, ys] = pairedFinite(a, b);
	return rankCorrelation(averageRanks(xs), averageRanks(ys));
}

/** Spearman against a fixed base whose ranks are reused when both have the same finite rows. */
function spearmanFromBase(
	base: Float64Array,
	baseRanks: Float64Array,
	baseFinite: number,
	b: Float64Array
): number {
	let same = true;
	let k = 0;
	for (let i = 0; i < base.length && same; i++) {
		const fa = Number.isFinite(base[i]!);
		if (fa !== Number.isFinite(b[i]!)) same = false;
		else if (fa) k++;
	}
	if (!same || k !== baseFinite) return spearman(base, b);
	const [, ys] = pairedFinite(base, b);
	return rankCorrelation(baseRanks, averageRanks(ys));
}

/** Monte Carlo weight perturbation (see the module note). */
export function weightRobustness(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	labels: Uint8Array,
	opts: RobustnessOptions
): RobustnessResult {
	const base = combineScores(model, points, table);
	const [baseXs] = pairedFinite(base.score, base.score);
	const baseRanks = averageRanks(baseXs);
	const rng = mulberry32(opts.seed);
	const draws: RobustnessDraw[] = [];
	for (let k = 0; k < opts.draws; k++) {
		const r = combineScores(
			perturbWeights(model, opts.spread, () => uniform(rng)),
			points,
			table
		);
		let both = 0;
		let flips = 0;
		for (let i = 0; i < r.n; i++) {
			if (base.tier[i]! < 0 || r.tier[i]! < 0) continue;
			both++;
			if (base.tier[i] !== r.tier[i]) flips++;
		}
		draws.push({
			flipRate: both ? flips / both : NaN,
			spearman: spearmanFromBase(base.score, baseRanks, baseXs.length, r.score),
			auc: rocAuc(r.score, labels)
		});
	}
	const sorted = (f: (d: RobustnessDraw) => number) => draws.map(f).sort((a, b) => a - b);
	const flips = sorted((d) => d.flipRate);
	const rho = sorted((d) => d.spearman);
	const aucs = sorted((d) => d.auc);
	return {
		spread: opts.spread,
		draws,
		baseAuc: rocAuc(base.score, labels),
		flipMean: flips.length ? flips.reduce((s, v) => s + v, 0) / flips.length : NaN,
		flipMax: flips.at(-1) ?? NaN,
		spearmanMin: rho[0] ?? NaN,
		spearmanMedian: rho.length ? rho[Math.floor((rho.length - 1) / 2)]! : NaN,
		aucMin: aucs[0] ?? NaN,
		aucMax: aucs.at(-1) ?? NaN
	};
}

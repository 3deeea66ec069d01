/**
 * Weight robustness: "our weights are a guess — how much do the tiers depend on them?" Every
 * dimension and metric weight is multiplied by an independent factor drawn uniformly from
 * [1 − p, 1 + p] (seeded), the accounts are re-scored (metric points are reused: weights do not
 * change them), and each draw is compared with the model as set: the share of accounts that change
 * tier, Spearman's rank correlation of the scores, and the AUC.
 */
import { combineScores } from '$lib/model/score';
import type { ColumnTable, MetricPoints, Model } from '$lib/model/types';
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

/** Average ranks (1-based; ties share the mean rank). */
export function averageRanks(x: ArrayLike<number>): Float64Array {
	const idx = Array.from({ length: x.length }, (_, i) => i).sort((a, b) => x[a]! - x[b]!);
	const r = new Float64Array(x.length);
	for (let p = 0; p < idx.length;) {
		let q = p;
		while (q < idx.length && x[idx[q]!] === x[idx[p]!]) q++;
		const mean = (p + q + 1) / 2;
		for (let k = p; k < q; k++) r[idx[k]!] = mean;
		p = q;
	}
	return r;
}

/** Spearman's ρ: Pearson correlation of average ranks over pairs where both are finite. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number {
	const xs: number[] = [];
	const ys: number[] = [];
	for (let i = 0; i < a.length; i++)
		if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) {
			xs.push(a[i]!);
			ys.push(b[i]!);
		}
	const rx = averageRanks(xs);
	const ry = averageRanks(ys);
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

/** Monte Carlo weight perturbation (see the module note). */
export function weightRobustness(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	labels: Uint8Array,
	opts: RobustnessOptions
): RobustnessResult {
	const base = combineScores(model, points, table);
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
			spearman: spearman(base.score, r.score),
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

/**
 * Suggested weights from the data: L2-regularised logistic regression of churn on the metric
 * points, with cross-validated AUC reported next to the hand-set model's AUC on the same folds.
 *
 * Features: each metric's points ÷ 100 (0–1, higher = healthier). Missing points are filled per
 * metric policy: `zero` → 0, `neutral` → 0.5, `exclude` (the default) → the mean of the training
 * rows' present points (the linear-model analogue of re-weighting over what is present; with no
 * present value, 0.5). Fill values come from the training rows only, so test rows never leak.
 *
 * Model: logit P(churn) = b + Σ βⱼ xⱼ, fitted by Newton/IRLS (see `logistic.ts`). A healthy
 * metric has βⱼ < 0, so its health coefficient is −βⱼ; suggested weights are the health
 * coefficients clipped at 0 and normalised to sum to 100 (a metric whose points *raise* churn
 * risk gets weight 0). This is a suggestion to inspect, not a causal estimate
 * ([Hosmer, Lemeshow & Sturdivant, Applied Logistic Regression, 3rd ed.](https://doi.org/10.1002/9781118548387)).
 *
 * Validation: stratified k-fold (seeded) or a time split (train on snapshots dated ≤ a day, test
 * on later ones), following [ESL §7.10](https://hastie.su.domains/ElemStatLearn/).
 */
import type { Dimension, MissingPolicy } from '$lib/model/types';
import { fitLogistic } from './logistic';
import { rocAuc } from './metrics';
import { mulberry32, shuffleInPlace } from './rng';

/** One metric's points column (NaN = missing) and its missing policy. */
export interface FitMetricInput {
	id: string;
	points: Float64Array;
	missing?: MissingPolicy;
}

/** How to validate. */
export type FitSplit =
	{ kind: 'kfold'; folds?: number } | { kind: 'time'; day: Float64Array; trainUntilDay: number };

/** Options for {@link fitWeights}. */
export interface FitOptions {
	/** Seed for the fold assignment. */
	seed: number;
	/** L2 penalty on the mean log-loss scale (default 1e-3). */
	lambda?: number;
	/** Default: 5-fold. */
	split?: FitSplit;
	/** The hand-set model's scores per row (higher = healthier), to compare on the same folds. */
	handScores?: Float64Array;
}

/** One metric's fitted coefficient and suggested weight. */
export interface SuggestedWeight {
	id: string;
	/** β: change in churn log-odds from 0 to 100 points. */
	coefficient: number;
	/** −β. */
	healthCoefficient: number;
	/** max(0, −β) normalised to sum 100 over metrics (all 0 if none is positive). */
	weight: number;
	/** Fill value (0–1 scale) used for missing points in the full-data fit. */
	fill: number;
}

/** AUCs on one test fold (risk-ranking of churners, 0.5 = chance). */
export interface FoldResult {
	fold: number;
	train: number;
	test: number;
	testPositives: number;
	/** AUC of the fitted logistic predictor. */
	fittedAuc: number;
	/** AUC of Σ suggested weight × points (what accepting the weights gives, before tiers). */
	suggestedAuc: number;
	/** AUC of the hand-set model's scores on the same test rows (NaN scores skipped). */
	handAuc: number;
}

/** Result of {@link fitWeights}. */
export interface FitResult {
	n: number;
	positives: number;
	lambda: number;
	intercept: number;
	converged: boolean;
	iterations: number;
	weights: SuggestedWeight[];
	cv: {
		kind: 'kfold' | 'time';
		folds: FoldResult[];
		mean: { fitted: number; suggested: number; hand: number };
	};
}

interface Trained {
	intercept: number;
	coef: Float64Array;
	fill: Float64Array;
	weights: Float64Array;
	converged: boolean;
	iterations: number;
}

function fillValues(metrics: readonly FitMetricInput[], rows: Int32Array): Float64Array {
	return Float64Array.from(metrics, (m) => {
		if (m.missing === 'zero') return 0;
		if (m.missing === 'neutral') return 0.5;
		let s = 0;
		let c = 0;
		for (let t = 0; t < rows.length; t++) {
			const v = m.points[rows[t]!]!;
			if (!Number.isNaN(v)) {
				s += v;
				c++;
			}
		}
		return c > 0 ? s / c / 100 : 0.5;
	});
}

function feature(m: FitMetricInput, i: number, fill: number): number {
	const v = m.points[i]!;
	return Number.isNaN(v) ? fill : v / 100;
}

function train(
	metrics: readonly FitMetricInput[],
	labels: Uint8Array,
	rows: Int32Array,
	lambda: number
): Trained {
	const d = metrics.length;
	const m = rows.length;
	const fill = fillValues(metrics, rows);
	const x = new Float64Array(m * d);
	const y = new Uint8Array(m);
	for (let t = 0; t < m; t++) {
		const i = rows[t]!;
		y[t] = labels[i]!;
		for (let j = 0; j < d; j++) x[t * d + j] = feature(metrics[j]!, i, fill[j]!);
	}
	const fit = fitLogistic(x, y, m, d, { lambda });
	const weights = Float64Array.from(fit.coef, (b) => Math.max(0, -b));
	let sum = 0;
	for (const w of weights) sum += w;
	for (let j = 0; j < d; j++) weights[j] = sum > 0 ? (weights[j]! / sum) * 100 : 0;
	return { ...fit, fill, weights };
}

function evaluate(
	model: Trained,
	metrics: readonly FitMetricInput[],
	labels: Uint8Array,
	rows: Int32Array,
	hand: Float64Array | undefined
): Omit<FoldResult, 'fold' | 'train'> {
	const m = rows.length;
	const health = new Float64Array(m);
	const suggested = new Float64Array(m);
	const y = new Uint8Array(m);
	const handTest = new Float64Array(m).fill(NaN);
	let P = 0;
	for (let t = 0; t < m; t++) {
		const i = rows[t]!;
		let eta = model.intercept;
		let s = 0;
		for (let j = 0; j < metrics.length; j++) {
			const x = feature(metrics[j]!, i, model.fill[j]!);
			eta += model.coef[j]! * x;
			s += model.weights[j]! * x;
		}
		health[t] = -eta;
		suggested[t] = s;
		y[t] = labels[i]!;
		P += y[t]!;
		if (hand) handTest[t] = hand[i]!;
	}
	return {
		test: m,
		testPositives: P,
		fittedAuc: rocAuc(health, y),
		suggestedAuc: rocAuc(suggested, y),
		handAuc: hand ? rocAuc(handTest, y) : NaN
	};
}

/** Stratified fold of each row (−1 = unlabelled): churners and non-churners dealt round-robin. */
export function assignFolds(labels: Uint8Array, k: number, seed: number): Int8Array {
	const rng = mulberry32(seed);
	const fold = new Int8Array(labels.length).fill(-1);
	for (const cls of [1, 0]) {
		const idx: number[] = [];
		for (let i = 0; i < labels.length; i++) if (labels[i] === cls) idx.push(i);
		const perm = shuffleInPlace(Int32Array.from(idx), rng);
		for (let t = 0; t < perm.length; t++) fold[perm[t]!] = t % k;
	}
	return fold;
}

/**
 * Fit suggested weights on all labelled rows and cross-validate. Labels: 1 = churned, 0 =
 * retained, anything else skipped. Deterministic for a given seed.
 */
export function fitWeights(
	metrics: readonly FitMetricInput[],
	labels: Uint8Array,
	opts: FitOptions
): FitResult {
	const lambda = opts.lambda ?? 1e-3;
	const split: FitSplit = opts.split ?? { kind: 'kfold', folds: 5 };
	const all: number[] = [];
	let P = 0;
	for (let i = 0; i < labels.length; i++) {
		if (labels[i] === 0 || labels[i] === 1) {
			all.push(i);
			P += labels[i]!;
		}
	}
	const allRows = Int32Array.from(all);
	const full = train(metrics, labels, allRows, lambda);
	const pairs: [Int32Array, Int32Array][] = [];
	if (split.kind === 'kfold') {
		const k = Math.max(2, Math.min(20, split.folds ?? 5));
		const fold = assignFolds(labels, k, opts.seed);
		for (let f = 0; f < k; f++) {
			pairs.push([allRows.filter((i) => fold[i] !== f), allRows.filter((i) => fold[i] === f)]);
		}
	} else {
		const day = split.day;
		pairs.push([
			allRows.filter((i) => day[i]! <= split.trainUntilDay),
			allRows.filter((i) => day[i]! > split.trainUntilDay)
		]);
	}
	const folds: FoldResult[] = pairs.map(([tr, te], f) => {
		const model = train(metrics, labels, tr, lambda);
		return { fold: f, train: tr.length, ...evaluate(model, metrics, labels, te, opts.handScores) };
	});
	const mean = (key: 'fittedAuc' | 'suggestedAuc' | 'handAuc') => {
		const v = folds.map((r) => r[key]).filter((a) => !Number.isNaN(a));
		return v.length ? v.reduce((s, a) => s + a, 0) / v.length : NaN;
	};
	return {
		n: allRows.length,
		positives: P,
		lambda,
		intercept: full.intercept,
		converged: full.converged,
		iterations: full.iterations,
		weights: metrics.map((m, j) => ({
			id: m.id,
			coefficient: full.coef[j]!,
			healthCoefficient: -full.coef[j]!,
			weight: full.weights[j]!,
			fill: full.fill[j]!
		})),
		cv: {
			kind: split.kind,
			folds,
			mean: { fitted: mean('fittedAuc'), suggested: mean('suggestedAuc'), hand: mean('handAuc') }
		}
	};
}

/**
 * Turn flat per-metric weights (summing to 100) into a model's dimension and metric weights:
 * a dimension's weight = the sum of its metrics' weights; a metric's weight inside its dimension
 * = its own weight (relative). Metrics without a suggestion keep weight 0. Returns new objects.
 */
export function applySuggestedWeights(
	dimensions: readonly Dimension[],
	weights: readonly Pick<SuggestedWeight, 'id' | 'weight'>[]
): Dimension[] {
	const byId = new Map(weights.map((w) => [w.id, w.weight]));
	return dimensions.map((d) => {
		const metrics = d.metrics.map((m) => ({ ...m, weight: byId.get(m.id) ?? 0 }));
		return { ...d, weight: metrics.reduce((s, m) => s + m.weight, 0), metrics };
	});
}

/**
 * Weight robustness: "our weights are a guess — how much do the tiers depend on them?" Every
 * dimension and metric weight is multiplied by an independent factor drawn uniformly from
 * [1 − p, 1 + p] (seeded), the accounts are re-scored (metric points are reused: weights do not
 * change them), and each draw is compared with the model as set: the share of accounts that change
 * tier, Spearman's rank correlation of the scores, and the AUC.
 */
import { combineScores } from '$lib/model/score';
import { ScoreCore } from '$lib/model/engine/cache';
import type { ColumnTable, MetricPoints, Model, ScoreResult } from '$lib/model/types';
import { rocAuc } from './metrics';
import { ascendingOrder } from './order';
import { mulberry32, uniform } from './rng';
import { Scratch } from '$lib/model/scratch';

/** `averageRanks`' temporaries and a draw's ranks (see scratch.ts). */
const work = new Scratch();

/** The draws' scoring arrays, overwritten draw by draw. */
const drawBuffers = new Scratch();

export interface RobustnessOptions {
	/** Perturbation, 0–1 (0.2 = ±20 %). */
	spread: number;
	draws: number;
	seed: number;
	/** The model's own scoring of these points (`combineScores`), when the caller has it. */
	base?: ScoreResult;
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

/**
 * Average ranks (1-based; ties share the mean rank) of the values that are not NaN; NaN stays
 * NaN. A run of equal values at sorted positions lo … up − 1 ranks lo + (up − lo + 1) / 2. The
 * values are ordered by `ascendingOrder` (a radix sort from 2,048 values): the weight-robustness
 * draws rank ~100k scores twenty times, where a comparison sort was most of the run.
 */
export function averageRanks(x: ArrayLike<number>, into?: Float64Array): Float64Array {
	const n = x.length;
	const out = (into ?? new Float64Array(n)).fill(NaN);
	// The values that are not NaN (−0 read as 0) and where they came from.
	let m = 0;
	for (let i = 0; i < n; i++) if (!Number.isNaN(x[i]!)) m++;
	const vals = work.f64('vals', m);
	const from = work.i32('from', m);
	m = 0;
	for (let i = 0; i < n; i++) {
		const v = x[i]!;
		if (Number.isNaN(v)) continue;
		vals[m] = v === 0 ? 0 : v;
		from[m++] = i;
	}
	const order = ascendingOrder(vals, work.i32('order', m));
	for (let lo = 0; lo < m;) {
		const v = vals[order[lo]!]!;
		let up = lo + 1;
		while (up < m && vals[order[up]!] === v) up++;
		const mean = lo + (up - lo + 1) / 2;
		for (let k = lo; k < up; k++) out[from[order[k]!]!] = mean;
		lo = up;
	}
	return out;
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

/**
 * ROC AUC of risk = 100 − score from the average score ranks of the scored rows (all labelled
 * 0/1): with R the churners' rank sum, the churner–retained pairs where the churner scores lower
 * (ties ½) are P·N − (R − P(P + 1)/2), so AUC = that / (P·N). Every term is a whole or half
 * number below 2^53, so this is exactly `rocAuc`'s count, divided the same way.
 */
function aucFromRanks(ranks: Float64Array, labels: Uint8Array): number {
	let P = 0;
	let R = 0;
	for (let j = 0; j < ranks.length; j++)
		if (labels[j] === 1) {
			P++;
			R += ranks[j]!;
		}
	const N = ranks.length - P;
	if (P === 0 || N === 0) return NaN;
	const twice = 2 * (P * N - (R - (P * (P + 1)) / 2));
	return twice / (2 * P * N);
}

/** The model as set, ranked once: what every draw is compared with. */
class Base {
	/** Rows with a score, ascending. */
	rows: Int32Array;
	/** Average ranks of the base scores at `rows`. */
	ranks: Float64Array;
	/** Labels at `rows` (when every one is 0 or 1; else null and AUC takes the general path). */
	labels: Uint8Array | null;
	#xs: Float64Array;

	constructor(score: Float64Array, labels: Uint8Array) {
		let m = 0;
		for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]!)) m++;
		this.rows = new Int32Array(m);
		m = 0;
		for (let i = 0; i < score.length; i++) if (Number.isFinite(score[i]!)) this.rows[m++] = i;
		const xs = Float64Array.from(this.rows, (i) => score[i]!);
		this.ranks = averageRanks(xs);
		const ys = Uint8Array.from(this.rows, (i) => labels[i]!);
		this.labels = ys.every((y) => y === 0 || y === 1) ? ys : null;
		this.#xs = new Float64Array(m);
	}

	/**
	 * Spearman against the base and the AUC of a draw, sharing one ranking when the draw scores
	 * exactly the base's rows (the usual case); else the general functions.
	 */
	compare(
		base: Float64Array,
		draw: Float64Array,
		labels: Uint8Array
	): { spearman: number; auc: number } {
		let k = 0;
		for (let i = 0; i < draw.length; i++) if (Number.isFinite(draw[i]!)) k++;
		let same = k === this.rows.length;
		for (let j = 0; j < this.rows.length && same; j++) {
			const v = draw[this.rows[j]!]!;
			if (!Number.isFinite(v)) same = false;
			else this.#xs[j] = v;
		}
		if (!same) return { spearman: spearman(base, draw), auc: rocAuc(draw, labels) };
		const ranks = averageRanks(this.#xs, work.f64('draw ranks', this.#xs.length));
		return {
			spearman: rankCorrelation(this.ranks, ranks),
			auc: this.labels ? aucFromRanks(ranks, this.labels) : rocAuc(draw, labels)
		};
	}
}

/** Monte Carlo weight perturbation (see the module note). */
export function weightRobustness(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	labels: Uint8Array,
	opts: RobustnessOptions
): RobustnessResult {
	const base = opts.base ?? combineScores(model, points, table);
	const ranked = new Base(base.score, labels);
	const rng = mulberry32(opts.seed);
	const draws: RobustnessDraw[] = [];
	// The draws change weights only: the fast engine keeps the points' presence classes and runs
	// the generated kernels (bit-identical to combineScores; robustness.test.ts checks).
	// Each draw's arrays are read before the next draw overwrites them: buffers are reused.
	const core = new ScoreCore({ buffers: drawBuffers });
	core.setTableWithPoints(table, null, model, points);
	for (let k = 0; k < opts.draws; k++) {
		const r = core.score(perturbWeights(model, opts.spread, () => uniform(rng))).result!;
		let both = 0;
		let flips = 0;
		for (let i = 0; i < r.n; i++) {
			if (base.tier[i]! < 0 || r.tier[i]! < 0) continue;
			both++;
			if (base.tier[i] !== r.tier[i]) flips++;
		}
		const c = ranked.compare(base.score, r.score, labels);
		draws.push({ flipRate: both ? flips / both : NaN, spearman: c.spearman, auc: c.auc });
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

/**
 * Suggestions as a complete step: accepting suggested weights also re-places the thresholds by a
 * rule (by default keeping the current tier shares), shown as a before/after table (tier shares,
 * churn per tier, churners caught, AUC); the tier order (the worse tier churns at least as often)
 * is checked before anything is applied; and a cost-based red cut that keeps the tier order and a
 * capacity ("at most N Red accounts per CSM, M CSMs").
 *
 * Works on histograms of the shown (rounded 0–100) scores, since tiers are decided on them: the
 * worker sends 101 counts per model, the page re-places thresholds for any rule at once. Pure.
 */
import type { CutPoint } from '$lib/backtest/thresholds';
import { msg, type DraftMessage } from './messages';

/** Accounts and churners per shown score 0…100 (not-scored accounts left out), and the AUC. */
export interface ShownHistogram {
	/** all[s] = scored accounts whose shown score is s. */
	all: number[];
	/** pos[s] = churners among them. */
	pos: number[];
	/** ROC AUC of the full-precision score on the same accounts (NaN if a class is empty). */
	auc: number;
}

/** Counts per shown score from shown scores and 0/1 labels (NaN scores skipped). */
export function shownHistogram(
	shown: Float64Array,
	labels: Uint8Array,
	auc: number
): ShownHistogram {
	const all = new Array<number>(101).fill(0);
	const pos = new Array<number>(101).fill(0);
	for (let i = 0; i < shown.length; i++) {
		const s = shown[i]!;
		if (!Number.isFinite(s)) continue;
		const b = Math.min(100, Math.max(0, Math.round(s)));
		all[b]!++;
		if (labels[i] === 1) pos[b]!++;
	}
	return { all, pos, auc };
}

/** How the thresholds move when the weights change. */
export type PlacementRule =
	| { kind: 'keep-shares' }
	| { kind: 'keep-cuts' }
	/** Red (the worst tier) catches at least `share` (0–1) of churners; the others keep their shares. */
	| { kind: 'red-catch'; share: number };

/** Tier index (best first) of shown score `s` under tier minimums `mins` (−1 below every min). */
function tierOf(mins: readonly number[], s: number): number {
	for (let t = 0; t < mins.length; t++) if (s >= mins[t]!) return t;
	return -1;
}

/** One tier in a before/after table. */
export interface StepTier {
	accounts: number;
	/** Share 0–1 of scored accounts. */
	share: number;
	churners: number;
	/** Churn rate 0–1 (NaN when the tier is empty). */
	rate: number;
}

/** Tier shares, churn per tier, churners caught and AUC for one model and its thresholds. */
export interface StepTable {
	mins: number[];
	tiers: StepTier[];
	accounts: number;
	churners: number;
	/** Churners in every tier but the best (0–1 of churners). */
	caughtAtRisk: number;
	/** Churners in the worst tier (0–1 of churners). */
	caughtWorst: number;
	auc: number;
}

/** The before/after table of one model (histogram) under tier minimums `mins` (best first). */
export function stepTable(mins: readonly number[], h: ShownHistogram): StepTable {
	const T = mins.length;
	const acc = new Array<number>(T).fill(0);
	const chu = new Array<number>(T).fill(0);
	for (let s = 0; s <= 100; s++) {
		const t = tierOf(mins, s);
		if (t < 0) continue;
		acc[t]! += h.all[s]!;
		chu[t]! += h.pos[s]!;
	}
	const accounts = acc.reduce((a, b) => a + b, 0);
	const churners = chu.reduce((a, b) => a + b, 0);
	const atRisk = chu.slice(1).reduce((a, b) => a + b, 0);
	return {
		mins: [...mins],
		tiers: acc.map((a, t) => ({
			accounts: a,
			share: accounts ? a / accounts : 0,
			churners: chu[t]!,
			rate: a ? chu[t]! / a : NaN
		})),
		accounts,
		churners,
		caughtAtRisk: churners ? atRisk / churners : NaN,
		caughtWorst: churners ? chu[T - 1]! / churners : NaN,
		auc: h.auc
	};
}

/** Share of accounts below each cut c = 0…101 (shown < c). */
function below(counts: readonly number[]): number[] {
	const total = counts.reduce((a, b) => a + b, 0);
	const out = [0];
	let run = 0;
	for (let s = 0; s <= 100; s++) {
		run += counts[s]!;
		out.push(total ? run / total : 0);
	}
	return out;
}

/** The cut in [from, to] whose share below is closest to `target` (smallest on ties). */
function closest(cum: readonly number[], target: number, from: number, to: number): number {
	let best = from;
	for (let c = from; c <= to; c++)
		if (Math.abs(cum[c]! - target) < Math.abs(cum[best]! - target) - 1e-12) best = c;
	return best;
}

/**
 * Tier minimums (best first) for the new model's histogram `after` by `rule`; `mins` are the
 * current ones and `before` the current model's histogram (whose tier shares "keep-shares" keeps).
 * The worst tier keeps its min; the cuts stay strictly decreasing within 1…100.
 */
export function placeMins(
	mins: readonly number[],
	before: ShownHistogram,
	after: ShownHistogram,
	rule: PlacementRule
): number[] {
	const T = mins.length;
	if (rule.kind === 'keep-cuts' || T < 2) return [...mins];
	const shares = stepTable(mins, before).tiers.map((t) => t.share);
	const cum = below(after.all);
	const out = [...mins];
	let prev = Math.max(0, mins[T - 1]!);
	for (let t = T - 2; t >= 0; t--) {
		const from = prev + 1;
		const to = Math.max(from, 100 - t);
		let cut: number;
		if (rule.kind === 'red-catch' && t === T - 2) {
			const pc = below(after.pos);
			cut = to;
			for (let c = from; c <= to; c++)
				if (pc[c]! >= rule.share - 1e-12) {
					cut = c;
					break;
				}
		} else {
			const target = shares.slice(t + 1).reduce((a, b) => a + b, 0);
			cut = closest(cum, target, from, to);
		}
		out[t] = cut;
		prev = cut;
	}
	return out;
}

/**
 * Null when the tiers are in order (each worse tier churns at least as often as the better one;
 * empty tiers are skipped), else why not, naming the two tiers and their churn rates.
 */
export function orderProblem(names: readonly string[], table: StepTable): DraftMessage | null {
	const rows = table.tiers
		.map((t, i) => ({ ...t, name: names[i] ?? `Tier ${i + 1}` }))
		.filter((t) => t.accounts > 0 && Number.isFinite(t.rate));
	for (let k = 1; k < rows.length; k++) {
		const better = rows[k - 1]!;
		const worse = rows[k]!;
		if (worse.rate < better.rate - 1e-12)
			return msg('refuse.order', {
				better: better.name,
				betterRate: pct(better.rate),
				worse: worse.name,
				worseRate: pct(worse.rate)
			});
	}
	return null;
}

/** A churn rate 0–1 as a percentage with one decimal (the messages add the % sign). */
const pct = (x: number) => (x * 100).toFixed(1);

/** A red cut's accounts and churners, and those of the tier just above it. */
export interface CutCheck {
	/** Null when the cut can be applied, else why not. */
	problem: DraftMessage | null;
	redRate: number;
	aboveRate: number;
}

/** Shown < cut counts from an ascending cut curve (the first point at or past `cut`). */
function countsBelow(curve: readonly CutPoint[], cut: number): { flagged: number; caught: number } {
	for (const p of curve) if (p.cut >= cut) return p;
	const last = curve.at(-1);
	return last ?? { flagged: 0, caught: 0 };
}

/**
 * Whether moving the red cut to `cut` keeps the tier order: the cut lies below `upper` (the
 * min of the tier above Red's neighbour; Infinity with two tiers) and Red churns at least as
 * often as the tier just above it. `names` are [the tier above Red, Red].
 */
export function checkRedCut(
	curve: readonly CutPoint[],
	cut: number,
	upper: number,
	names: readonly [string, string]
): CutCheck {
	const [aboveName, redName] = names;
	const red = countsBelow(curve, cut);
	const up = Number.isFinite(upper) ? countsBelow(curve, upper) : (curve.at(-1) ?? red);
	const aboveAcc = up.flagged - red.flagged;
	const redRate = red.flagged ? red.caught / red.flagged : NaN;
	const aboveRate = aboveAcc > 0 ? (up.caught - red.caught) / aboveAcc : NaN;
	let problem: DraftMessage | null = null;
	if (!(cut > 0)) problem = msg('refuse.cut-empty-red', { cut, red: redName });
	else if (!(cut < upper))
		problem = msg('refuse.cut-no-room', {
			red: redName,
			cut,
			above: aboveName,
			end: upper - 1
		});
	else if (red.flagged === 0) problem = msg('refuse.cut-no-account', { cut, red: redName });
	else if (Number.isFinite(aboveRate) && redRate < aboveRate - 1e-12)
		problem = msg('refuse.cut-order', {
			red: redName,
			redRate: pct(redRate),
			above: aboveName,
			aboveRate: pct(aboveRate)
		});
	return { problem, redRate, aboveRate };
}

/** Options for {@link capacityCostCut}. */
export interface CapacityOptions {
	costMiss: number;
	costFalseAlarm: number;
	/** Min of the tier above Red's neighbour (Infinity with two tiers): the cut stays below it. */
	upper: number;
	/** At most this many Red accounts (CSMs × accounts per CSM); Infinity for no limit. */
	capacity: number;
	names: readonly [string, string];
}

/** The cheapest red cut that keeps the tier order and the capacity, or why there is none. */
export interface CapacityCut {
	best: (CutPoint & { cost: number }) | null;
	/** Set when `best` is null. */
	why: DraftMessage | null;
}

/**
 * Cost-optimal red cut within the tier order and a capacity: minimise missed churners × costMiss
 * + false alarms × costFalseAlarm over the cuts 1 ≤ cut < upper with at most `capacity` accounts
 * in Red and Red churning at least as often as the tier above it (lowest cut on equal costs).
 */
export function capacityCostCut(curve: readonly CutPoint[], o: CapacityOptions): CapacityCut {
	const P = curve.at(-1)?.caught ?? 0;
	let best: (CutPoint & { cost: number }) | null = null;
	for (const p of curve) {
		if (p.flagged > o.capacity) continue;
		if (checkRedCut(curve, p.cut, o.upper, o.names).problem) continue;
		const cost = (P - p.caught) * o.costMiss + (p.flagged - p.caught) * o.costFalseAlarm;
		if (!best || cost < best.cost - 1e-9) best = { ...p, cost };
	}
	if (best) return { best, why: null };
	const names = { red: o.names[1], above: o.names[0] };
	return {
		best: null,
		why: Number.isFinite(o.capacity)
			? msg('refuse.no-cut-capacity', {
					...names,
					capacity: o.capacity.toLocaleString('en-US')
				})
			: msg('refuse.no-cut', names)
	};
}

/** Suggested weights as they are applied: rounded to 0.1 (the worker scores the same ones). */
export function roundedWeights(
	weights: readonly { id: string; weight: number }[]
): { id: string; weight: number }[] {
	return weights.map((w) => ({ id: w.id, weight: Math.round(w.weight * 10) / 10 }));
}

/** Accepting suggested weights as one step: the thresholds it would set and the table. */
export interface WeightStep {
	/** New tier minimums (best first). */
	mins: number[];
	before: StepTable;
	after: StepTable;
	/** Null when the new tiers are in order, else why the step is refused. */
	problem: DraftMessage | null;
}

/** The step for `tiers` (best first), the worker's before/after histograms and a rule. */
export function weightStep(
	tiers: readonly { name: string; min: number }[],
	proposal: { before: ShownHistogram; after: ShownHistogram },
	rule: PlacementRule
): WeightStep {
	const current = tiers.map((t) => t.min);
	const mins = placeMins(current, proposal.before, proposal.after, rule);
	const after = stepTable(mins, proposal.after);
	return {
		mins,
		before: stepTable(current, proposal.before),
		after,
		problem: orderProblem(
			tiers.map((t) => t.name),
			after
		)
	};
}

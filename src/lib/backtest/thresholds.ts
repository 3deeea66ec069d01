/**
 * Threshold suggestions for the red cut (the `min` of the tier just above red): an account is red
 * when its shown score < cut. Every candidate cut is a distinct shown score (plus one past the
 * highest), so the sweep is exact for the rounded 0–100 scores the tiers use.
 */
import { groupByScore, type ScoreGroups } from './groups';

/** One candidate cut. */
export interface CutPoint {
	/** Red when shown score < cut. */
	cut: number;
	/** Accounts flagged red. */
	flagged: number;
	/** Churners flagged red. */
	caught: number;
	/** flagged ÷ accounts. */
	flaggedShare: number;
	/** caught ÷ churners. */
	caughtShare: number;
}

/** Result of {@link suggestRedCut}. */
export interface RedCutSuggestion {
	/** Requested: red catches ≥ `minCatch` of churners … */
	minCatch: number;
	/** … while flagging ≤ `maxFlagged` of accounts. */
	maxFlagged: number;
	/** Every cut meeting both targets, ascending. */
	achievable: CutPoint[];
	/** The achievable cut catching the most churners (then flagging fewest); null if none. */
	best: CutPoint | null;
	/** Pareto frontier: cuts where no other cut catches as many churners with fewer flagged. */
	frontier: CutPoint[];
}

/** All candidate cuts, ascending, from tie groups of the shown scores. */
export function cutCurve(g: ScoreGroups): CutPoint[] {
	const n = g.positives + g.negatives;
	const P = g.positives;
	const out: CutPoint[] = [];
	let flagged = 0;
	let caught = 0;
	for (let k = 0; k <= g.count; k++) {
		const cut = k < g.count ? g.values[k]! : g.count > 0 ? g.values[g.count - 1]! + 1 : 0;
		out.push({
			cut,
			flagged,
			caught,
			flaggedShare: n > 0 ? flagged / n : NaN,
			caughtShare: P > 0 ? caught / P : NaN
		});
		if (k < g.count) {
			flagged += g.pos[k]! + g.neg[k]!;
			caught += g.pos[k]!;
		}
	}
	return out;
}

/**
 * Suggest a red cut so that red catches ≥ `minCatch` (0–1) of churners with ≤ `maxFlagged` (0–1)
 * of accounts. NaN shown scores and labels other than 0/1 are skipped.
 */
export function suggestRedCut(
	shown: Float64Array,
	labels: Uint8Array,
	minCatch: number,
	maxFlagged: number
): RedCutSuggestion {
	const curve = cutCurve(groupByScore(shown, labels));
	const eps = 1e-12;
	const achievable = curve.filter(
		(c) => c.caughtShare >= minCatch - eps && c.flaggedShare <= maxFlagged + eps
	);
	let best: CutPoint | null = null;
	for (const c of achievable) {
		if (!best || c.caught > best.caught || (c.caught === best.caught && c.flagged < best.flagged)) {
			best = c;
		}
	}
	// Caught never falls and flagged rises with the cut, so a cut is dominated exactly when the
	// cut before it already caught as many churners (with fewer accounts flagged).
	const frontier = curve.filter((c, k) => k === 0 || curve[k - 1]!.caught < c.caught);
	return { minCatch, maxFlagged, achievable, best, frontier };
}

/** One cut's expected cost. */
export interface CostPoint extends CutPoint {
	/** missed churners × costMiss + false alarms × costFalseAlarm. */
	cost: number;
}

/** Result of {@link costOptimalCut}. */
export interface CostOptimalCut {
	costMiss: number;
	costFalseAlarm: number;
	/** The cheapest cut (lowest cut among equal costs). */
	best: CostPoint;
	/** Cost of every candidate cut, ascending cut. */
	curve: CostPoint[];
}

/**
 * Cost-optimal red cut: minimise costMiss · (churners not red) + costFalseAlarm · (non-churners
 * red), sweeping every distinct shown score. Null when there is no labelled, scored row.
 */
export function costOptimalCut(
	shown: Float64Array,
	labels: Uint8Array,
	costMiss: number,
	costFalseAlarm: number
): CostOptimalCut | null {
	const g = groupByScore(shown, labels);
	if (g.positives + g.negatives === 0) return null;
	const curve = cutCurve(g).map((c) => ({
		...c,
		cost: (g.positives - c.caught) * costMiss + (c.flagged - c.caught) * costFalseAlarm
	}));
	let best = curve[0]!;
	for (const c of curve) if (c.cost < best.cost) best = c;
	return { costMiss, costFalseAlarm, best, curve };
}

/**
 * Tier placement for a drafted model by a rule the user picks, and the check that tiers come
 * out in order (Red churns more than Yellow, Yellow more than Green). Works on the shown
 * (rounded) scores, since tiers are decided on them. Pure.
 */
import type { Tier } from '$lib/model/types';
import type { Labels } from './stats';

/**
 * `share`: Red = the riskiest `red` share of accounts (e.g. 0.15), Yellow the next 30 %.
 * `catch`: Red catches `red` of the churners (e.g. ⅔), Red and Yellow together 90 %.
 */
export type TierRule = { kind: 'share'; red: number } | { kind: 'catch'; red: number };

/** Accounts and churners per tier, best tier first. */
export interface TierCheck {
	accounts: number[];
	churned: number[];
	/** Share 0–1 of scored accounts per tier. */
	share: number[];
	/** Churn rate 0–1 per tier (NaN without labels or accounts). */
	churnRate: number[];
	/** Churn rate rises from the best tier to the worst (true without labels). */
	inOrder: boolean;
}

/** Counts per shown score 0–100 over `rows`: all accounts and churners. */
function histogram(shown: Float64Array, labels: Labels | null, rows: Int32Array) {
	const all = new Float64Array(101);
	const pos = new Float64Array(101);
	for (const i of rows) {
		const s = shown[i]!;
		if (!Number.isFinite(s)) continue;
		all[s]!++;
		if (labels && labels[i] === 1) pos[s]!++;
	}
	return { all, pos };
}

/** Share below each cut c (shown < c), c = 0…101. */
function cumulative(h: Float64Array): number[] {
	const total = h.reduce((a, b) => a + b, 0);
	const out = [0];
	let run = 0;
	for (let s = 0; s <= 100; s++) {
		run += h[s]!;
		out.push(total ? run / total : 0);
	}
	return out;
}

/** The cut 1…100 whose share below is closest to `target` (smallest cut on ties). */
function closest(cum: readonly number[], target: number, from: number): number {
	let best = from;
	for (let c = from; c <= 100; c++)
		if (Math.abs(cum[c]! - target) < Math.abs(cum[best]! - target)) best = c;
	return best;
}

/** The smallest cut 1…100 with at least `target` below it (100 if none). */
function reaching(cum: readonly number[], target: number, from: number): number {
	for (let c = from; c <= 100; c++) if (cum[c]! >= target - 1e-12) return c;
	return 100;
}

/**
 * Tier minimums [Green, Yellow, Red = 0] for the shown scores by `rule`. The catch rule needs
 * labels; without them it falls back to the share rule with the same number as a share.
 */
export function placeTiers(
	shown: Float64Array,
	labels: Labels | null,
	rows: Int32Array,
	rule: TierRule
): [number, number, number] {
	const { all, pos } = histogram(shown, labels, rows);
	const hasPos = pos.some((x) => x > 0);
	let red: number;
	let yellow: number;
	if (rule.kind === 'catch' && labels && hasPos) {
		const cum = cumulative(pos);
		red = reaching(cum, rule.red, 1);
		yellow = reaching(cum, Math.max(0.9, rule.red), red + 1);
	} else {
		const cum = cumulative(all);
		red = closest(cum, rule.red, 1);
		yellow = closest(cum, Math.min(1, rule.red + 0.3), Math.min(100, red + 1));
	}
	red = Math.min(99, Math.max(1, red));
	yellow = Math.min(100, Math.max(red + 1, yellow));
	return [yellow, red, 0];
}

/** Accounts, churners, shares and churn rates per tier (tiers best first, by `min`). */
export function checkTiers(
	tiers: readonly Pick<Tier, 'min'>[],
	shown: Float64Array,
	labels: Labels | null,
	rows: Int32Array
): TierCheck {
	const k = tiers.length;
	const accounts = new Array<number>(k).fill(0);
	const churned = new Array<number>(k).fill(0);
	for (const i of rows) {
		const s = shown[i]!;
		if (!Number.isFinite(s)) continue;
		const t = tiers.findIndex((x) => s >= x.min);
		if (t < 0) continue;
		accounts[t]!++;
		if (labels && labels[i] === 1) churned[t]!++;
	}
	const total = accounts.reduce((a, b) => a + b, 0);
	const churnRate = accounts.map((a, t) => (labels && a > 0 ? churned[t]! / a : NaN));
	const present = churnRate.filter((r) => !Number.isNaN(r));
	const inOrder = !labels || present.every((r, t) => t === 0 || r > present[t - 1]!);
	return {
		accounts,
		churned,
		share: accounts.map((a) => (total ? a / total : 0)),
		churnRate,
		inOrder
	};
}

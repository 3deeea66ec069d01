/**
 * Champion vs challenger on the same accounts: the tier-migration matrix, and for each account
 * that changed tier the metric that moved it most.
 *
 * "Weighted points" of a metric on one account = its share of the account score × its points, so
 * the weighted points of all metrics add up to the score (DESIGN.md "Score": dimension score =
 * weighted mean of its available metric points, account score = weighted mean of its available
 * dimension scores). A missing metric counts per its policy: `exclude` → not available (its
 * weight is re-spread), `zero` → 0 points, `neutral` → 50 points. The metric that moved an
 * account is the one whose weighted points changed most between the two models (metrics are
 * matched by id; a metric only one model has counts 0 in the other). Segment weight overrides are
 * not applied here (base weights).
 */
import type { Model } from '$lib/model/types';

/** Tier-migration counts: `counts[a][b]` = accounts in champion tier a and challenger tier b. */
export interface MigrationMatrix {
	/** Champion tier names, best first, then 'Not scored'. */
	rows: string[];
	/** Challenger tier names, best first, then 'Not scored'. */
	columns: string[];
	counts: number[][];
	/** Accounts whose tier index changed (including to / from not scored). */
	changed: number;
	/** Accounts moved to a worse tier (higher index, both scored). */
	worse: number;
	/** Accounts moved to a better tier. */
	better: number;
	total: number;
}

/**
 * Cross-tabulate two tier columns (index into each model's tiers, −1 = not scored; indices past
 * the tier list count as not scored).
 */
export function tierMigration(
	champion: Int8Array,
	challenger: Int8Array,
	championTiers: readonly string[],
	challengerTiers: readonly string[]
): MigrationMatrix {
	const A = championTiers.length;
	const B = challengerTiers.length;
	const counts = Array.from({ length: A + 1 }, () => new Array<number>(B + 1).fill(0));
	let changed = 0;
	let worse = 0;
	let better = 0;
	const n = Math.min(champion.length, challenger.length);
	for (let i = 0; i < n; i++) {
		const a0 = champion[i]!;
		const b0 = challenger[i]!;
		const a = a0 >= 0 && a0 < A ? a0 : A;
		const b = b0 >= 0 && b0 < B ? b0 : B;
		counts[a]![b]!++;
		if (a === A && b === B) continue;
		if (a !== b || (a === A) !== (b === B)) changed++;
		if (a < A && b < B) {
			if (b > a) worse++;
			else if (b < a) better++;
		}
	}
	return {
		rows: [...championTiers, 'Not scored'],
		columns: [...challengerTiers, 'Not scored'],
		counts,
		changed,
		worse,
		better,
		total: n
	};
}

/** Per-metric weighted points on one row: id → share × points (0–100 scale, sums to the score). */
export function weightedPoints(
	model: Model,
	points: readonly Float64Array[],
	row: number
): Map<string, number> {
	const out = new Map<string, number>();
	const dims: { weight: number; parts: [string, number][] }[] = [];
	let k = 0;
	for (const d of model.dimensions) {
		let wSum = 0;
		const parts: [string, number][] = [];
		for (const m of d.metrics) {
			const raw = points[k++]?.[row] ?? NaN;
			const p = raw === raw ? raw : m.missing === 'zero' ? 0 : m.missing === 'neutral' ? 50 : NaN;
			if (p !== p || !(m.weight > 0)) continue;
			wSum += m.weight;
			parts.push([m.id, m.weight * p]);
		}
		if (wSum > 0 && d.weight > 0) {
			dims.push({ weight: d.weight, parts: parts.map(([id, wp]) => [id, wp / wSum]) });
		}
	}
	const total = dims.reduce((s, d) => s + d.weight, 0);
	for (const d of dims) {
		for (const [id, v] of d.parts) out.set(id, (out.get(id) ?? 0) + (d.weight / total) * v);
	}
	return out;
}

/** One account whose tier changed, and what moved it. */
export interface TierChange {
	/** Row index in the scored population. */
	row: number;
	fromTier: number;
	toTier: number;
	fromScore: number;
	toScore: number;
	/** Metric with the largest |Δ weighted points|; null when no metric is scored in either. */
	metricId: string | null;
	/** Its weighted points in the champion and the challenger. */
	metricFrom: number;
	metricTo: number;
}

/** The metric whose weighted points changed most between two breakdowns. */
export function largestMove(
	from: ReadonlyMap<string, number>,
	to: ReadonlyMap<string, number>
): { id: string | null; from: number; to: number } {
	let best: { id: string | null; from: number; to: number } = { id: null, from: 0, to: 0 };
	let bestDelta = -1;
	for (const id of new Set([...from.keys(), ...to.keys()])) {
		const a = from.get(id) ?? 0;
		const b = to.get(id) ?? 0;
		const d = Math.abs(b - a);
		if (d > bestDelta) {
			bestDelta = d;
			best = { id, from: a, to: b };
		}
	}
	return best;
}

/** Inputs for {@link tierChanges}: one model's scores on the shared rows. */
export interface ScoredSide {
	model: Model;
	score: Float64Array;
	tier: Int8Array;
	metricPoints: readonly Float64Array[];
}

/**
 * Accounts whose tier index differs, largest |score change| first, at most `limit`, each with
 * the metric that moved it.
 */
export function tierChanges(
	champion: ScoredSide,
	challenger: ScoredSide,
	limit = 100
): TierChange[] {
	const n = Math.min(champion.tier.length, challenger.tier.length);
	const rows: number[] = [];
	for (let i = 0; i < n; i++) if (champion.tier[i] !== challenger.tier[i]) rows.push(i);
	const delta = (i: number) => {
		const d = Math.abs(challenger.score[i]! - champion.score[i]!);
		return d === d ? d : Infinity;
	};
	rows.sort((a, b) => delta(b) - delta(a) || a - b);
	return rows.slice(0, limit).map((i) => {
		const move = largestMove(
			weightedPoints(champion.model, champion.metricPoints, i),
			weightedPoints(challenger.model, challenger.metricPoints, i)
		);
		return {
			row: i,
			fromTier: champion.tier[i]!,
			toTier: challenger.tier[i]!,
			fromScore: champion.score[i]!,
			toScore: challenger.score[i]!,
			metricId: move.id,
			metricFrom: move.from,
			metricTo: move.to
		};
	});
}

/**
 * A blind-rating round: the facilitator picks N accounts from the portfolio (random with a seed,
 * or stratified by score) and the room rates them Red / Yellow / Green from their raw values only.
 *
 * What travels to participants (`RoundShare`) holds anonymised cards (`Account A`, `B`, …) with
 * metric names and raw values, never account ids, scores or tiers. The facilitator's own copy
 * (`Round`) also keeps which dataset row each card is, so results can be set beside the model.
 * Pure: no DOM, no clock, no `Math.random`.
 */
import { mulberry32, uniform } from '$lib/backtest/rng';

/** The three ratings, worst first (the order used in every count table). */
export const RATINGS = ['R', 'Y', 'G'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_NAMES: Record<Rating, string> = { R: 'Red', Y: 'Yellow', G: 'Green' };

/** One raw value on a card: the metric's name and the value as text (`62 %`, `Enterprise`). */
export interface CardValue {
	label: string;
	text: string;
}

/** One anonymised account as participants see it. */
export interface RoundCard {
	/** `A`, `B`, … */
	ref: string;
	values: CardValue[];
}

/** A dimension participants allocate points to. */
export interface RoundDimension {
	id: string;
	name: string;
}

/** What a participant's link carries. */
export interface RoundShare {
	v: 1;
	/** Short id tying answer codes to this round. */
	id: string;
	title: string;
	cards: RoundCard[];
	dimensions: RoundDimension[];
}

/** The facilitator's round: the shared part plus the dataset row behind each card. */
export interface Round extends RoundShare {
	/** Per card, the dataset row it was taken from. */
	rows: number[];
	/** Per card, the account id (kept by the facilitator only). */
	accountIds: string[];
	method: PickMethod;
	seed: number;
	/** The dataset the rows index into. */
	datasetId: string;
	/** The model in use when the round was made (its dimensions are the round's). */
	modelId: string;
}

export type PickMethod = 'random' | 'stratified';

/** Card reference for index i: A…Z, then AA, AB, … */
export function cardRef(i: number): string {
	let s = '';
	let x = i;
	do {
		s = String.fromCharCode(65 + (x % 26)) + s;
		x = Math.floor(x / 26) - 1;
	} while (x >= 0);
	return s;
}

/**
 * The rows that stand for the accounts: the last row of each account id (latest snapshot when
 * `dates` is given, else the last row in file order). Returned in first-seen order of the ids.
 */
export function latestRowPerAccount(ids: readonly string[], dates?: Float64Array | null): number[] {
	const best = new Map<string, number>();
	for (let i = 0; i < ids.length; i++) {
		const id = ids[i]!;
		const prev = best.get(id);
		if (prev === undefined) best.set(id, i);
		else if (!dates) best.set(id, i);
		else {
			const d = dates[i]!;
			const p = dates[prev]!;
			if (Number.isNaN(p) || (!Number.isNaN(d) && d >= p)) best.set(id, i);
		}
	}
	return [...best.values()];
}

/** A short round id from the seed (base-36, 6 characters). */
export function roundId(seed: number): string {
	const r = mulberry32(seed ^ 0x5bd1e995);
	return (r().toString(36) + r().toString(36)).slice(0, 6).padEnd(6, '0');
}

function shuffleInPlace<T>(items: T[], rng: () => number): void {
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(uniform(rng) * (i + 1));
		[items[i], items[j]] = [items[j]!, items[i]!];
	}
}

/**
 * Pick `n` rows from `candidates`.
 * - `random`: a seeded uniform sample without replacement.
 * - `stratified`: the scored candidates sorted by score, cut into `n` equal strata, one row drawn
 *   at random from each, so the pick spans the whole score range (rows with a NaN score are left
 *   out). The cards are then shuffled, so their order says nothing about the score.
 * Fewer candidates than `n` → all of them.
 */
export function pickRows(
	candidates: readonly number[],
	n: number,
	method: PickMethod,
	seed: number,
	scores?: Float64Array | null
): number[] {
	const rng = mulberry32(seed);
	let out: number[];
	if (method === 'stratified' && scores) {
		const scored = candidates.filter((r) => Number.isFinite(scores[r]!));
		scored.sort((a, b) => scores[a]! - scores[b]! || a - b);
		const k = Math.min(n, scored.length);
		out = [];
		for (let s = 0; s < k; s++) {
			const lo = Math.floor((s * scored.length) / k);
			const hi = Math.floor(((s + 1) * scored.length) / k);
			out.push(scored[lo + Math.floor(uniform(rng) * (hi - lo))]!);
		}
	} else {
		const pool = [...candidates];
		const k = Math.min(n, pool.length);
		// Partial Fisher–Yates: the first k places.
		for (let i = 0; i < k; i++) {
			const j = i + Math.floor(uniform(rng) * (pool.length - i));
			[pool[i], pool[j]] = [pool[j]!, pool[i]!];
		}
		out = pool.slice(0, k);
	}
	shuffleInPlace(out, rng);
	return out;
}

/** The part of a round that goes into participants' links. */
export function shareOf(round: Round): RoundShare {
	return {
		v: 1,
		id: round.id,
		title: round.title,
		cards: round.cards,
		dimensions: round.dimensions
	};
}

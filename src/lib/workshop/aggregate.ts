/**
 * The room's answers summarised: rating counts per account with Fleiss' κ and disagreements
 * first, each rater and the room beside the model's tiers, the room's weight allocation (mean,
 * median, spread) sorted by disagreement, and the ratings as expert labels for a backtest.
 * Pure.
 */
import { rocAuc } from '$lib/backtest/metrics';
import type { Answer } from './codes';
import { fleissKappa, type FleissResult } from './kappa';
import { RATINGS, type Rating, type RoundShare } from './round';

/** One account's ratings. */
export interface CardTally {
	index: number;
	ref: string;
	/** Raters per rating, in `RATINGS` order (Red, Yellow, Green). */
	counts: [number, number, number];
	/** The most common rating, or null when two or more tie. */
	majority: Rating | null;
	/** Share of rater pairs that agree on this account (Fleiss' Pᵢ), 0–1. */
	agreement: number;
}

export interface RatingSummary {
	raters: number;
	/** In card order. */
	cards: CardTally[];
	/** Cards sorted by agreement, lowest first (ties by card order). */
	disagreementsFirst: CardTally[];
	fleiss: FleissResult;
}

export function summariseRatings(round: RoundShare, answers: readonly Answer[]): RatingSummary {
	const cards: CardTally[] = round.cards.map((c, i) => {
		const counts: [number, number, number] = [0, 0, 0];
		for (const a of answers) counts[RATINGS.indexOf(a.ratings[i]!)]! += 1;
		const top = Math.max(...counts);
		const winners = RATINGS.filter((_, j) => counts[j] === top);
		return {
			index: i,
			ref: c.ref,
			counts,
			majority: answers.length > 0 && winners.length === 1 ? winners[0]! : null,
			agreement: NaN
		};
	});
	const fleiss = fleissKappa(cards.map((c) => c.counts));
	cards.forEach((c, i) => (c.agreement = fleiss.perSubject[i] ?? NaN));
	const disagreementsFirst = [...cards].sort(
		(a, b) => a.agreement - b.agreement || a.index - b.index
	);
	return { raters: answers.length, cards, disagreementsFirst, fleiss };
}

/**
 * The model's tier for each card as a rating: the model's first (best) tier is Green, its last is
 * Red, any tier between is Yellow; null when the account is not scored.
 */
export function tierAsRating(tierIndex: number, tierCount: number): Rating | null {
	if (tierIndex < 0 || tierCount <= 0) return null;
	if (tierIndex === 0) return 'G';
	if (tierIndex === tierCount - 1) return 'R';
	return 'Y';
}

/** How one rater (or the room's majority) matches the model's tiers. */
export interface ModelAgreement {
	who: string;
	/** Cards where both the rater and the model have a rating. */
	compared: number;
	same: number;
	/** same / compared (NaN when nothing compared). */
	share: number;
	/** Cards the rater put worse than the model (e.g. room Red, model Green). */
	harsher: number;
	/** Cards the rater put better than the model. */
	kinder: number;
}

function agreementWith(
	who: string,
	ratings: readonly (Rating | null)[],
	model: readonly (Rating | null)[]
): ModelAgreement {
	let compared = 0;
	let same = 0;
	let harsher = 0;
	let kinder = 0;
	ratings.forEach((r, i) => {
		const m = model[i];
		if (!r || !m) return;
		compared++;
		const d = RATINGS.indexOf(r) - RATINGS.indexOf(m);
		if (d === 0) same++;
		else if (d < 0) harsher++;
		else kinder++;
	});
	return { who, compared, same, share: compared > 0 ? same / compared : NaN, harsher, kinder };
}

/** Each rater, then the room's majority, against the model's tier of each card. */
export function ratersVsModel(
	summary: RatingSummary,
	answers: readonly Answer[],
	modelRatings: readonly (Rating | null)[]
): ModelAgreement[] {
	const rows = answers.map((a) => agreementWith(a.name, a.ratings, modelRatings));
	rows.push(
		agreementWith(
			'Room (majority)',
			summary.cards.map((c) => c.majority),
			modelRatings
		)
	);
	return rows;
}

/** One dimension's allocation across the room. */
export interface WeightStat {
	id: string;
	name: string;
	/** Points per participant who allocated points, in answer order. */
	points: number[];
	mean: number;
	median: number;
	/** Population standard deviation of the points (the spread sorted on). */
	sd: number;
	min: number;
	max: number;
}

export function median(xs: readonly number[]): number {
	if (xs.length === 0) return NaN;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Mean, median and spread of the room's points per dimension, most disputed first. */
export function summariseWeights(round: RoundShare, answers: readonly Answer[]): WeightStat[] {
	const given = answers.filter((a) => a.points !== null);
	const stats = round.dimensions.map((d, j) => {
		const points = given.map((a) => a.points![j]!);
		const n = points.length;
		const mean = n > 0 ? points.reduce((s, p) => s + p, 0) / n : NaN;
		const sd = n > 0 ? Math.sqrt(points.reduce((s, p) => s + (p - mean) ** 2, 0) / n) : NaN;
		return {
			id: d.id,
			name: d.name,
			points,
			mean,
			median: median(points),
			sd,
			min: n > 0 ? Math.min(...points) : NaN,
			max: n > 0 ? Math.max(...points) : NaN
		};
	});
	return stats
		.map((s, i) => ({ s, i }))
		.sort((a, b) => (b.s.sd || 0) - (a.s.sd || 0) || a.i - b.i)
		.map((x) => x.s);
}

/**
 * Expert labels: the room's majority per card as an outcome, "at risk" = Red. Cards without a
 * majority are left out. Returns the labels and the AUC of the model's scores for them
 * (risk = 100 − score, as in the backtest), NaN when one class is empty.
 */
export function expertLabelCheck(
	summary: RatingSummary,
	scores: readonly number[]
): { labelled: number; atRisk: number; auc: number } {
	const s: number[] = [];
	const l: number[] = [];
	for (const c of summary.cards) {
		const sc = scores[c.index];
		if (!c.majority || sc === undefined || !Number.isFinite(sc)) continue;
		s.push(sc);
		l.push(c.majority === 'R' ? 1 : 0);
	}
	const auc = rocAuc(Float64Array.from(s), Uint8Array.from(l));
	return { labelled: s.length, atRisk: l.filter((x) => x === 1).length, auc };
}

import { describe, expect, it } from 'vitest';
import type { Answer } from './codes';
import {
	expertLabelCheck,
	median,
	ratersVsModel,
	summariseRatings,
	summariseWeights,
	tierAsRating
} from './aggregate';
import type { Rating, RoundShare } from './round';

const round: RoundShare = {
	v: 1,
	id: 'r1',
	title: '',
	cards: ['A', 'B', 'C', 'D'].map((ref) => ({ ref, values: [] })),
	dimensions: [
		{ id: 'u', name: 'Usage' },
		{ id: 's', name: 'Support' },
		{ id: 'e', name: 'Engagement' }
	]
};
const ans = (name: string, r: string, points: number[] | null): Answer => ({
	v: 1,
	round: 'r1',
	name,
	ratings: [...r] as Rating[],
	points
});
// A: RRR, B: YGG, C: RYG, D: GGG → the κ = 7/22 table of kappa.test.ts.
const answers = [
	ans('Aiko', 'RYRG', [50, 30, 20]),
	ans('Bo', 'RGYG', [40, 40, 20]),
	ans('Chen', 'RGGG', [30, 50, 20])
];

describe('summariseRatings', () => {
	it('counts, majorities, κ and disagreements first', () => {
		const s = summariseRatings(round, answers);
		expect(s.cards.map((c) => c.counts)).toEqual([
			[3, 0, 0],
			[0, 1, 2],
			[1, 1, 1],
			[0, 0, 3]
		]);
		expect(s.cards.map((c) => c.majority)).toEqual(['R', 'G', null, 'G']);
		expect(s.fleiss.kappa).toBeCloseTo(7 / 22, 12);
		expect(s.disagreementsFirst.map((c) => c.ref)).toEqual(['C', 'B', 'A', 'D']);
	});
});

describe('raters vs model', () => {
	it('maps tiers best→Green, worst→Red, between→Yellow', () => {
		expect([0, 1, 2, -1].map((i) => tierAsRating(i, 3))).toEqual(['G', 'Y', 'R', null]);
		expect([0, 1, 2, 3].map((i) => tierAsRating(i, 4))).toEqual(['G', 'Y', 'Y', 'R']);
	});

	it('counts same, harsher and kinder per rater and for the room', () => {
		const s = summariseRatings(round, answers);
		// Model: A Yellow, B Green, C Red, D not scored.
		const rows = ratersVsModel(s, answers, ['Y', 'G', 'R', null]);
		// Aiko R/Y/R vs model Y/G/R: two harsher, one the same.
		expect(rows[0]).toEqual({
			who: 'Aiko',
			compared: 3,
			same: 1,
			share: 1 / 3,
			harsher: 2,
			kinder: 0
		});
		// Chen R/G/G vs Y/G/R: one harsher, one the same, one kinder.
		expect(rows[2]).toMatchObject({ same: 1, harsher: 1, kinder: 1 });
		// Room: A R (harsher), B G (same), C no majority → 2 compared.
		expect(rows[3]).toEqual({
			who: 'Room (majority)',
			compared: 2,
			same: 1,
			share: 0.5,
			harsher: 1,
			kinder: 0
		});
	});
});

describe('summariseWeights', () => {
	it('mean, median, population SD, sorted by spread', () => {
		const w = summariseWeights(round, [...answers, ans('Dee', 'RRRR', null)]);
		// Usage 50/40/30 and Support 30/40/50 both have SD √(200/3) = 8.165; Engagement 0.
		expect(w.map((x) => x.name)).toEqual(['Usage', 'Support', 'Engagement']);
		expect(w[0]!.mean).toBe(40);
		expect(w[0]!.median).toBe(40);
		expect(w[0]!.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
		expect(w[2]!.sd).toBe(0);
		expect(w[0]!.points).toEqual([50, 40, 30]);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});
});

describe('expertLabelCheck', () => {
	it('room Red is the at-risk label; AUC of risk = 100 − score', () => {
		const s = summariseRatings(round, answers);
		// Labelled: A (R, score 30), B (G, 70), D (G, 20); C has no majority.
		// Pairs (at-risk, healthy): A vs B → A riskier ✓, A vs D → D riskier ✗ → AUC 0.5.
		const r = expertLabelCheck(s, [30, 70, 55, 20]);
		expect(r).toEqual({ labelled: 3, atRisk: 1, auc: 0.5 });
		expect(expertLabelCheck(s, [10, 70, 55, 80]).auc).toBe(1);
	});
});

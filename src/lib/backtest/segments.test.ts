import { describe, expect, it } from 'vitest';
import { MISSING_SEGMENT, segmentReport, smallSegmentWarning } from './segments';

/** Brute-force AUC of risk = −score: pairs (churner, retained) where the churner scored lower. */
function pairAuc(score: number[], labels: number[], rows: number[]): number {
	let num = 0;
	let den = 0;
	for (const i of rows)
		for (const j of rows) {
			if (labels[i] !== 1 || labels[j] !== 0) continue;
			if (Number.isNaN(score[i]!) || Number.isNaN(score[j]!)) continue;
			den++;
			num += score[i]! < score[j]! ? 1 : score[i] === score[j] ? 0.5 : 0;
		}
	return num / den;
}

describe('segmentReport', () => {
	// Segment 0 "SMB": rows 0–4; segment 1 "Enterprise": rows 5–7; row 8 has no segment.
	const key = Int32Array.from([0, 0, 0, 0, 0, 1, 1, 1, -1]);
	const labels = Uint8Array.from([1, 0, 1, 0, 0, 1, 0, 2, 1]);
	const score = [20, 80, 50, 50, 30, 40, 60, 10, 5];
	const pooled = [70, 60, 50, 40, 30, 40, 35, 10, 5];
	const r = segmentReport({
		column: 'plan',
		key,
		names: ['SMB', 'Enterprise'],
		labels,
		score: Float64Array.from(score),
		pooledScore: Float64Array.from(pooled)
	});

	it('counts accounts with a known outcome and churn events per segment (largest first)', () => {
		expect(r.rows.map((x) => [x.value, x.accounts, x.events])).toEqual([
			['SMB', 5, 2],
			['Enterprise', 2, 1], // row 7 has label 2 (unknown): left out
			[MISSING_SEGMENT, 1, 1]
		]);
		expect(r.rows[0]!.churnRate).toBeCloseTo(2 / 5, 12);
		expect([r.all.accounts, r.all.events]).toEqual([8, 4]);
	});

	it('gives each segment the model AUC and the pooled model AUC (brute-force pair count)', () => {
		// SMB by hand: churners 20, 50 vs retained 80, 50, 30 → (1 + 1 + 1) + (1 + 0.5 + 0) = 4.5 / 6.
		expect(r.rows[0]!.auc).toBeCloseTo(4.5 / 6, 12);
		expect(r.rows[0]!.auc).toBeCloseTo(pairAuc(score, [...labels], [0, 1, 2, 3, 4]), 12);
		// Pooled SMB: churners 70, 50 vs retained 60, 40, 30 → (0 + 0 + 0) + (1 + 0 + 0) = 1 / 6.
		expect(r.rows[0]!.pooledAuc).toBeCloseTo(1 / 6, 12);
		expect(r.rows[1]!.auc).toBe(1); // 40 < 60
		expect(r.rows[1]!.pooledAuc).toBe(0); // 40 > 35
		expect(r.rows[2]!.auc).toBeNaN(); // no retained account
		const all = [0, 1, 2, 3, 4, 5, 6, 7, 8];
		expect(r.all.auc).toBeCloseTo(pairAuc(score, [...labels], all), 12);
		expect(r.all.pooledAuc).toBeCloseTo(pairAuc(pooled, [...labels], all), 12);
	});

	it('warns in words below 30 churn events, and only there', () => {
		for (const row of r.rows) expect(row.warning).toMatch(/fewer than 30/);
		expect(r.rows[1]!.warning).toContain('Only 1 churn event (');
		expect(smallSegmentWarning(29)).toContain('Only 29 churn events (fewer than 30)');
		expect(smallSegmentWarning(30)).toBeNull();
		expect(smallSegmentWarning(5, 5)).toBeNull();
		expect(smallSegmentWarning(4, 5)).toContain('fewer than 5');
	});

	it('warns on a big segment only when its events fall short', () => {
		const n = 200;
		const k = Int32Array.from({ length: n }, (_, i) => (i < 150 ? 0 : 1));
		// 40 churners in segment 0, 10 in segment 1.
		const lab = Uint8Array.from({ length: n }, (_, i) => (i < 40 || (i >= 150 && i < 160) ? 1 : 0));
		const s = Float64Array.from({ length: n }, (_, i) => (i * 37) % 101);
		const rep = segmentReport({
			column: 'c',
			key: k,
			names: ['a', 'b'],
			labels: lab,
			score: s,
			pooledScore: s
		});
		expect(rep.rows.map((x) => [x.value, x.events, x.warning === null])).toEqual([
			['a', 40, true],
			['b', 10, false]
		]);
		expect(rep.rows[0]!.auc).toBe(rep.rows[0]!.pooledAuc);
	});
});

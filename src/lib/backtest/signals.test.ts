import { describe, expect, it } from 'vitest';
import { mulberry32, uniform } from './rng';
import { signalRegister, worstBand } from './signals';

describe('worstBand', () => {
	// 10 accounts, logins (higher is better) 1..10; churners at logins 1, 2, 5; one missing value.
	const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN]);
	const labels = Uint8Array.from([1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
	it('lowest fifth for higher-is-better', () => {
		// Band = logins ≤ 2: 2 accounts, both churned. Base = 3/10. Lift = 1 / 0.3; share 2/3.
		const r = worstBand({ id: 'l', name: 'l', values, direction: 'higher' }, labels);
		expect(r).toMatchObject({ bandCut: 2, bandAccounts: 2, bandChurners: 2 });
		expect(r.lift).toBeCloseTo(1 / 0.3, 12);
		expect(r.churnerShare).toBeCloseTo(2 / 3, 12);
	});
	it('highest fifth for lower-is-better; ties at the cut join the band', () => {
		const tickets = Float64Array.from([0, 0, 1, 1, 1, 2, 2, 5, 5, 5]);
		const y = Uint8Array.from([0, 0, 0, 0, 1, 0, 0, 1, 1, 0]);
		// Riskiest fifth = 2 accounts → cut at 5, three accounts tie at 5 (2 churned).
		const r = worstBand({ id: 't', name: 't', values: tickets, direction: 'lower' }, y);
		expect(r).toMatchObject({ bandCut: 5, bandAccounts: 3, bandChurners: 2 });
		expect(r.lift).toBeCloseTo(2 / 3 / 0.3, 12);
	});
	it('register: AUC, missing share, strongest first', () => {
		const noise = Float64Array.from([5, 1, 9, 2, 8, 3, 7, 4, 6, 10, 1]);
		const rows = signalRegister(
			[
				{ id: 'noise', name: 'noise', values: noise, direction: 'higher' },
				{ id: 'l', name: 'logins', values, direction: 'higher' }
			],
			labels
		);
		expect(rows[0]!.id).toBe('l');
		// Churners 1, 2, 5 vs retained 3,4,6..10: pairs where churner is lower: 1,2 beat all 7;
		// 5 beats 6..10 (5) and loses to 3, 4 → (7 + 7 + 5) / 21.
		expect(rows[0]!.auc).toBeCloseTo(19 / 21, 12);
		expect(rows[0]!.missingShare).toBeCloseTo(1 / 11, 12);
	});
});

/** The first worstBand's cut: a comparator sort of the risks, descending, read at ⌈n·share⌉. */
function cutOld(values: Float64Array, labels: Uint8Array, sign: number, share: number): number {
	const risk: number[] = [];
	for (let i = 0; i < labels.length; i++) {
		const v = values[i]!;
		if (Number.isNaN(v) || (labels[i] !== 0 && labels[i] !== 1)) continue;
		risk.push(sign * v);
	}
	risk.sort((a, b) => b - a);
	return sign * risk[Math.max(0, Math.ceil(risk.length * share) - 1)]!;
}

describe('worstBand cut (typed sort)', () => {
	it('is the value the comparator sort picked, with ties, gaps and unlabelled rows', () => {
		const rng = mulberry32(7);
		for (let trial = 0; trial < 40; trial++) {
			const n = 1 + Math.floor(uniform(rng) * 300);
			const levels = 1 + Math.floor(uniform(rng) * 20);
			const values = Float64Array.from({ length: n }, () =>
				uniform(rng) < 0.1 ? NaN : Math.floor(uniform(rng) * levels) - levels / 3
			);
			const labels = Uint8Array.from({ length: n }, () =>
				uniform(rng) < 0.05 ? 2 : uniform(rng) < 0.3 ? 1 : 0
			);
			for (const direction of ['higher', 'lower'] as const)
				for (const share of [0.2, 0.5, 0.01, 1]) {
					const r = worstBand({ id: 'm', name: 'm', values, direction }, labels, share);
					const sign = direction === 'higher' ? -1 : 1;
					const any = values.some((v, i) => !Number.isNaN(v) && labels[i]! <= 1);
					if (any) expect(r.bandCut).toBe(cutOld(values, labels, sign, share) + 0);
					else expect(r.bandCut).toBeNaN();
				}
		}
	});
});

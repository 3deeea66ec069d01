import { describe, expect, it } from 'vitest';
import { accountTable, rawValue, scoreAccount } from './account';
import { scoreTable } from './score';
import { dimension, metric, model } from './testing/models';
import type { Model } from './types';

const base = (): Model =>
	model([
		dimension('a', [metric('x'), metric('y', { weight: 3, missing: 'zero' })], {
			weight: 3,
			floor: 60
		}),
		dimension('b', [
			metric('z', {
				scheme: { kind: 'category', map: [{ value: 'gold', points: 100 }], otherPoints: 20 }
			})
		])
	]);

describe('accountTable and rawValue', () => {
	it('types columns: text → category, number/boolean → number, empty → missing', () => {
		const t = accountTable(base(), { x: '42', y: true, z: '' });
		expect(t.n).toBe(1);
		expect(t.columns.get('x')).toEqual({
			kind: 'category',
			codes: Int32Array.of(0),
			dictionary: ['42']
		});
		expect(t.columns.get('y')).toEqual({ kind: 'number', values: Float64Array.of(1) });
		expect(Number.isNaN((t.columns.get('z') as { values: Float64Array }).values[0])).toBe(true);
	});
	it.each([
		[{ x: null }, null],
		[{ x: undefined }, null],
		[{ x: '  ' }, null],
		[{}, null],
		[{ x: 0 }, 0],
		[{ x: false }, false],
		[{ x: 'a' }, 'a']
	])('rawValue(%j) = %j', (values, raw) => expect(rawValue(values, 'x')).toBe(raw));
	it('reads only own properties', () => {
		expect(rawValue(Object.create({ x: 5 }) as Record<string, number>, 'x')).toBeNull();
		expect(rawValue({}, 'toString')).toBeNull();
	});
	it('adds the segment column', () => {
		const m = base();
		m.segments = { column: 'seg', overrides: [] };
		expect(accountTable(m, { seg: 'smb' }).columns.get('seg')?.kind).toBe('category');
	});
});

describe('scoreAccount', () => {
	it('breakdown: shares re-normalised over available dimensions, points earned and lost', () => {
		const r = scoreAccount(base(), { x: 100, y: 40, z: 'silver' });
		// a = (100 + 120)/4 = 55, b = 20 → score (165 + 20)/4 = 46.25 → 46 Red
		expect(r.score).toBe(46.25);
		expect(r.shown).toBe(46);
		expect(r.tier?.id).toBe('red');
		expect(r.tierIndex).toBe(2);
		expect(r.isScored).toBe(true);
		expect(r.dimensions).toEqual([
			{
				id: 'a',
				name: 'a',
				score: 55,
				weightShare: 0.75,
				pointsMax: 75,
				pointsEarned: 41.25,
				pointsLost: 33.75
			},
			{
				id: 'b',
				name: 'b',
				score: 20,
				weightShare: 0.25,
				pointsMax: 25,
				pointsEarned: 5,
				pointsLost: 20
			}
		]);
		expect(r.metrics.map((m) => [m.id, m.raw, m.points, m.effectiveShare])).toEqual([
			['x', 100, 100, 0.1875],
			['y', 40, 40, 0.5625],
			['z', 'silver', 20, 0.25]
		]);
		expect(r.flags).toEqual([
			{
				kind: 'dimension-below-floor',
				subject: 'a',
				message: 'a is at 55, below its floor of 60',
				params: { dimension: 'a', score: 55, floor: 60 }
			}
		]);
		expect(r.explanation.drivers.map((d) => d.id)).toEqual(['a', 'b']);
	});

	it('missing: exclude re-weights (share 0), zero keeps its share; unavailable dimension share 0', () => {
		const r = scoreAccount(base(), { x: null, y: null });
		// a: x skipped, y imputed 0 → 0; b missing (category otherPoints applies only to values)
		expect(r.dimensions[0]!.weightShare).toBe(1);
		expect(r.dimensions[1]).toMatchObject({
			score: null,
			weightShare: 0,
			pointsMax: 0,
			pointsLost: 0
		});
		expect(r.metrics.map((m) => m.effectiveShare)).toEqual([0, 1, 0]);
		expect(r.metrics[1]!.points).toBeNull();
		expect(r.coverage).toBe(0);
		expect(r.isScored).toBe(false);
	});

	it('not scored: null score, no tier, no next tier', () => {
		const r = scoreAccount(base(), {});
		expect(r).toMatchObject({
			score: null,
			shown: null,
			tier: null,
			tierIndex: -1,
			isScored: false
		});
		expect(r.explanation.nextTier).toBeNull();
	});

	it('uses the segment override from values', () => {
		const m = base();
		m.segments = {
			column: 'seg',
			overrides: [{ value: 'ent', weights: [{ id: 'b', weight: 3 }] }]
		};
		const r = scoreAccount(m, { x: 100, y: 40, z: 'silver', seg: 'ent' });
		expect(r.score).toBe((3 * 55 + 3 * 20) / 6);
		expect(r.dimensions[1]!.weightShare).toBe(0.5);
	});

	it('equals the matching row of scoreTable', () => {
		const m = base();
		const values = { x: 30, y: '70', z: 'gold' };
		const r = scoreAccount(m, values);
		const t = scoreTable(m, accountTable(m, values));
		expect(r.score).toBe(t.score[0]);
		expect(r.coverage).toBe(t.coverage[0]);
	});

	it('percentile on one account scores 0 (percent_rank with n = 1)', () => {
		const m = model([
			dimension('d', [metric('p', { scheme: { kind: 'percentile', within: 'portfolio' } })])
		]);
		expect(scoreAccount(m, { p: 99 }).score).toBe(0);
	});
});

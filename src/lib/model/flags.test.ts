import { describe, expect, it } from 'vitest';
import { accountFlags, modelWarnings } from './flags';
import { dimension, metric, model, numberTable, tableOf } from './testing/models';
import type { DimensionScore } from './types';

const ds = (score: number | null): DimensionScore => ({
	id: 'd',
	name: 'd',
	score,
	weightShare: 1,
	pointsMax: 100,
	pointsEarned: 0,
	pointsLost: 0
});

describe('accountFlags', () => {
	it.each<[number | null | undefined, number | null, number]>([
		[50, 49.6, 1],
		[50, 50, 0],
		[null, 10, 0],
		[undefined, 10, 0],
		[50, null, 0]
	])('floor %j, score %j → %d flags', (floor, score, count) => {
		const m = model([dimension('d', [metric('m')], { floor })]);
		expect(accountFlags(m, [ds(score)])).toHaveLength(count);
	});
	it('message names the dimension, its shown score and the floor', () => {
		const m = model([dimension('usage', [metric('m')], { name: 'Product usage', floor: 40 })]);
		expect(accountFlags(m, [ds(31.5)])[0]).toEqual({
			kind: 'dimension-below-floor',
			subject: 'usage',
			message: 'Product usage is at 32, below its floor of 40',
			params: { dimension: 'Product usage', score: 32, floor: 40 }
		});
	});
});

describe('modelWarnings', () => {
	it('too many metrics', () => {
		const m = model([
			dimension(
				'd',
				Array.from({ length: 11 }, (_, i) => metric(`m${i}`))
			)
		]);
		expect(modelWarnings(m).map((w) => w.kind)).toEqual(['too-many-metrics']);
		expect(modelWarnings(m)[0]!.message).toContain('noise, not signal');
	});
	it('lagging-only counts weighted metrics only', () => {
		const lag = model([
			dimension('d', [metric('a', { timing: 'lagging' }), metric('b', { weight: 0 })])
		]);
		expect(modelWarnings(lag).map((w) => w.kind)).toEqual(['lagging-only', 'zero-weight']);
		const mixed = model([dimension('d', [metric('a', { timing: 'lagging' }), metric('b')])]);
		expect(modelWarnings(mixed)).toEqual([]);
	});
	it('zero weights name their paths', () => {
		const m = model([
			dimension('a', [metric('x')]),
			dimension('b', [metric('y', { weight: 0 })], { weight: 0 })
		]);
		expect(modelWarnings(m).map((w) => w.path)).toEqual([
			'dimensions[1]',
			'dimensions[1].metrics[0]'
		]);
	});
	it('mostly missing metrics (> 50 %) with a table; absent column = all missing', () => {
		const m = model([dimension('d', [metric('a'), metric('b'), metric('c'), metric('e')])]);
		const t = tableOf([
			{ a: 1, b: null, c: 'x' },
			{ a: null, b: null, c: null },
			{ a: null, b: 2, c: null }
		]);
		const w = modelWarnings(m, t);
		expect(w.map((x) => x.path)).toEqual([
			'dimensions[0].metrics[0]',
			'dimensions[0].metrics[1]',
			'dimensions[0].metrics[2]',
			'dimensions[0].metrics[3]'
		]);
		expect(w[0]!.message).toBe('a is missing for 67 % of accounts');
		expect(modelWarnings(m, numberTable({ a: [1, NaN], b: [1, 1], c: [1, 1], e: [1, 1] }))).toEqual(
			[]
		);
		expect(modelWarnings(m, { n: 0, columns: new Map() })).toEqual([]);
	});
	it('small segments: table values and override values with < 30 rows', () => {
		const m = model([dimension('d', [metric('a')])], {
			segments: { column: 'seg', overrides: [{ value: 'ent' }] }
		});
		const rows = [
			...Array.from({ length: 30 }, () => ({ a: 1, seg: 'smb' })),
			{ a: 1, seg: 'mid' }
		];
		expect(modelWarnings(m, tableOf(rows)).map((w) => w.message)).toEqual([
			'segment "ent" has 0 rows (fewer than 30)',
			'segment "mid" has 1 row (fewer than 30)'
		]);
		expect(modelWarnings(m, numberTable({ a: [1] })).map((w) => w.kind)).toEqual(['small-segment']);
		const numeric = model([dimension('d', [metric('a')])], {
			segments: { column: 'seg', overrides: [] }
		});
		const w = modelWarnings(numeric, numberTable({ a: [1, 1, 1], seg: [2, 2, NaN] }));
		expect(w.map((x) => x.message)).toEqual(['segment "2" has 2 rows (fewer than 30)']);
	});
});

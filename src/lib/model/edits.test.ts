import { describe, expect, it } from 'vitest';
import type { Model } from './types';
import {
	addDimension,
	addMetric,
	addTier,
	clearSegmentOverride,
	defaultScheme,
	findMetric,
	moveDimension,
	moveItem,
	moveMetric,
	removeDimension,
	removeMetric,
	removeTier,
	renameDimension,
	renameModel,
	setModelDescription,
	renameMetric,
	setDimensionWeight,
	setMetricWeight,
	setSegmentColumn,
	setSegmentTiers,
	setSegmentWeight,
	setTierMins,
	uniqueId,
	updateMetric,
	updateTier,
	weightShares
} from './edits';

const base: Model = {
	schemaVersion: 1,
	id: 'm',
	name: 'Test',
	minCoverage: 0.5,
	dimensions: [
		{
			id: 'usage',
			name: 'Usage',
			weight: 40,
			metrics: [
				{
					id: 'logins',
					name: 'Logins',
					column: 'logins_30d',
					direction: 'higher',
					scheme: { kind: 'linear', worst: 0, best: 20 },
					weight: 1,
					missing: 'exclude',
					timing: 'leading'
				},
				{
					id: 'seats',
					name: 'Seats',
					column: 'seats',
					direction: 'higher',
					scheme: { kind: 'linear', worst: 0, best: 50 },
					weight: 1,
					missing: 'exclude',
					timing: 'leading'
				}
			]
		},
		{ id: 'support', name: 'Support', weight: 20, metrics: [] }
	],
	tiers: [
		{ id: 'green', name: 'Green', min: 80, color: '#1a7f4b', action: 'Expand' },
		{ id: 'yellow', name: 'Yellow', min: 50, color: '#8a6100', action: 'Check in' },
		{ id: 'red', name: 'Red', min: 0, color: '#b42318', action: 'Rescue' }
	]
};

describe('ids and ordering', () => {
	it.each([
		['Product usage', [], 'product_usage'],
		['Usage', ['usage'], 'usage_2'],
		['Usage', ['usage', 'usage_2'], 'usage_3'],
		['30d logins', [], 'x_30d_logins'],
		['!!!', [], 'x']
	])('uniqueId(%s)', (name, taken, want) => {
		expect(uniqueId(name, new Set(taken))).toBe(want);
	});

	it.each([
		[[1, 2, 3], 0, 1, [2, 1, 3]],
		[[1, 2, 3], 2, -1, [1, 3, 2]],
		[[1, 2, 3], 0, -1, [1, 2, 3]],
		[[1, 2, 3], 2, 1, [1, 2, 3]]
	])('moveItem(%j, %i, %i)', (items, i, d, want) => {
		expect(moveItem(items, i, d)).toEqual(want);
	});
});

describe('dimension edits', () => {
	it('adds with a unique id and removes', () => {
		const m = addDimension(base, 'Usage');
		expect(m.dimensions.map((d) => d.id)).toEqual(['usage', 'support', 'usage_2']);
		expect(removeDimension(m, 'usage_2').dimensions).toHaveLength(2);
		expect(base.dimensions).toHaveLength(2);
	});
	it('renames, reorders and weighs', () => {
		expect(renameDimension(base, 'support', 'Support experience').dimensions[1]?.name).toBe(
			'Support experience'
		);
		expect(moveDimension(base, 'support', -1).dimensions.map((d) => d.id)).toEqual([
			'support',
			'usage'
		]);
		expect(setDimensionWeight(base, 'usage', -5).dimensions[0]?.weight).toBe(0);
		expect(setDimensionWeight(base, 'usage', 25).dimensions[0]?.weight).toBe(25);
	});
	it('returns the same object for unknown ids', () => {
		expect(renameDimension(base, 'nope', 'x')).toBe(base);
		expect(removeDimension(base, 'nope')).toBe(base);
		expect(renameMetric(base, 'nope', 'x')).toBe(base);
	});
});

describe('metric edits', () => {
	it('adds, renames, moves, weighs, patches and removes', () => {
		let m = addMetric(base, 'support', 'tickets_60d', 'Tickets');
		expect(findMetric(m, 'tickets')?.dimension.id).toBe('support');
		m = renameMetric(m, 'tickets', 'Open tickets');
		expect(findMetric(m, 'tickets')?.metric.name).toBe('Open tickets');
		m = moveMetric(m, 'seats', -1);
		expect(m.dimensions[0]?.metrics.map((x) => x.id)).toEqual(['seats', 'logins']);
		m = setMetricWeight(m, 'logins', 3);
		expect(findMetric(m, 'logins')?.metric.weight).toBe(3);
		m = updateMetric(m, 'tickets', { direction: 'lower', timing: 'lagging' });
		expect(findMetric(m, 'tickets')?.metric).toMatchObject({
			direction: 'lower',
			timing: 'lagging'
		});
		m = removeMetric(m, 'tickets');
		expect(findMetric(m, 'tickets')).toBeNull();
	});
});

describe('schemes and weights', () => {
	it('seeds a scheme from the observed range', () => {
		expect(defaultScheme('linear', { lo: 2, hi: 8 })).toEqual({
			kind: 'linear',
			worst: 2,
			best: 8
		});
		expect(defaultScheme('bands', { lo: 0, hi: 9 })).toEqual({
			kind: 'bands',
			bands: [
				{ upTo: 3, points: 20 },
				{ upTo: 6, points: 60 },
				{ upTo: null, points: 100 }
			]
		});
		expect(defaultScheme('category', null, ['a', 'b'])).toEqual({
			kind: 'category',
			map: [
				{ value: 'a', points: 50 },
				{ value: 'b', points: 50 }
			],
			otherPoints: null
		});
	});
	it('lower is better: linear worst at the top, bands and yes/no points reversed', () => {
		expect(defaultScheme('linear', { lo: 2, hi: 8 }, [], 'lower')).toEqual({
			kind: 'linear',
			worst: 8,
			best: 2
		});
		const bands = defaultScheme('bands', { lo: 0, hi: 9 }, [], 'lower');
		expect(bands.kind === 'bands' && bands.bands.map((b) => b.points)).toEqual([100, 60, 20]);
		expect(defaultScheme('boolean', null, [], 'lower')).toEqual({
			kind: 'boolean',
			truePoints: 0,
			falsePoints: 100
		});
	});
	it('a new metric takes the direction and scheme from the data when given', () => {
		const m = addMetric(base, 'support', 'late_payments', 'Late payments', {
			direction: 'lower',
			scheme: { kind: 'boolean', truePoints: 0, falsePoints: 100 }
		});
		const added = m.dimensions.find((d) => d.id === 'support')!.metrics.at(-1)!;
		expect(added).toMatchObject({
			name: 'Late payments',
			direction: 'lower',
			scheme: { kind: 'boolean', truePoints: 0, falsePoints: 100 }
		});
	});
	it.each([
		[
			[40, 20, 20, 20],
			[40, 20, 20, 20]
		],
		[
			[1, 1],
			[50, 50]
		],
		[
			[0, 0],
			[0, 0]
		],
		[
			[3, 1],
			[75, 25]
		]
	])('weightShares(%j)', (w, want) => {
		expect(weightShares(w)).toEqual(want);
	});
});

describe('tiers', () => {
	it('sets mins from a drag and keeps best first', () => {
		expect(setTierMins(base, [80, 50, 0])).toBe(base);
		const m = setTierMins(base, [75, 45, 0]);
		expect(m.tiers.map((t) => t.min)).toEqual([75, 45, 0]);
	});
	it('re-sorts when a min passes another and forces the last to 0', () => {
		const m = updateTier(base, 'yellow', { min: 90 });
		expect(m.tiers.map((t) => t.id)).toEqual(['yellow', 'green', 'red']);
		expect(updateTier(base, 'red', { min: 10 }).tiers.at(-1)?.min).toBe(0);
		expect(updateTier(base, 'red', { name: 'At risk' }).tiers[2]?.name).toBe('At risk');
	});
	it('adds a tier above the top and refuses to remove the only tier', () => {
		expect(addTier(base).tiers.map((t) => t.min)).toEqual([90, 80, 50, 0]);
		const one = { ...base, tiers: base.tiers.slice(2) };
		expect(removeTier(one, 'red')).toBe(one);
		expect(removeTier(base, 'yellow').tiers.map((t) => t.id)).toEqual(['green', 'red']);
	});
});

describe('segments', () => {
	it('sets weights and tiers per segment value, and clears them', () => {
		let m = setSegmentColumn(base, 'segment');
		m = setSegmentWeight(m, 'SMB', 'usage', 60);
		m = setSegmentWeight(m, 'SMB', 'support', 10);
		m = setSegmentWeight(m, 'SMB', 'support', null);
		expect(m.segments?.overrides).toEqual([
			{ value: 'SMB', weights: [{ id: 'usage', weight: 60 }] }
		]);
		m = setSegmentTiers(m, 'SMB', base.tiers);
		expect(m.segments?.overrides[0]?.tiers).toHaveLength(3);
		m = setSegmentTiers(m, 'SMB', null);
		expect(m.segments?.overrides[0]?.tiers).toBeUndefined();
		m = clearSegmentOverride(m, 'SMB');
		expect(m.segments?.overrides).toEqual([]);
		expect(setSegmentColumn(m, null).segments).toBeNull();
	});
});

describe('identity', () => {
	it('renaming a "New dimension" gives it a readable id (export dim_activity), named ids stay', () => {
		let m = addDimension(base, 'New dimension');
		const placeholder = m.dimensions.at(-1)!.id;
		expect(placeholder).toMatch(/^new_dimension/);
		m = renameDimension(m, placeholder, 'Activity');
		expect(m.dimensions.at(-1)).toMatchObject({ id: 'activity', name: 'Activity' });
		const again = renameDimension(m, 'activity', 'Product activity');
		expect(again.dimensions.at(-1)!.id).toBe('activity');
	});
	it('model name and description are editable; blank name is refused', () => {
		expect(renameModel(base, '  Bank churn v1 ').name).toBe('Bank churn v1');
		expect(renameModel(base, '   ')).toBe(base);
		const d = setModelDescription(base, 'Drafted from the bank file');
		expect(d.description).toBe('Drafted from the bank file');
		expect('description' in setModelDescription(d, '')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import type { Metric } from '$lib/model/types';
import { metricPreview } from './metric-preview';

const metric: Metric = {
	id: 'tickets',
	name: 'Tickets',
	column: 'tickets',
	direction: 'lower',
	scheme: {
		kind: 'bands',
		bands: [
			{ upTo: 2, points: 100 },
			{ upTo: 5, points: 60 },
			{ upTo: null, points: 20 }
		]
	},
	weight: 1,
	missing: 'exclude',
	timing: 'lagging'
};

describe('metricPreview', () => {
	it('gives band shares and a points curve over the histogram', () => {
		const values = Float64Array.from([0, 1, 2, 3, 5, 6, 9, NaN]);
		const p = metricPreview(metric, { kind: 'number', values }, null);
		if (p.kind !== 'numeric') throw new Error(p.kind);
		expect(p.present).toBe(7);
		expect(p.missing).toBe(1);
		expect(p.bands?.map((b) => [b.label, b.count])).toEqual([
			['up to 2', 3],
			['2–5', 2],
			['above 5', 2]
		]);
		expect(p.bands?.[0]?.share).toBeCloseTo(3 / 7);
		expect(p.curve[0]).toEqual([0, 100]);
		expect(p.curve.at(-1)?.[1]).toBe(20);
	});
	it('uses only the rows on show', () => {
		const values = Float64Array.from([0, 10, 20]);
		const p = metricPreview(metric, { kind: 'number', values }, Int32Array.from([2]));
		expect(p.kind === 'numeric' && p.present).toBe(1);
	});
	it('counts categories with their points', () => {
		const m: Metric = {
			...metric,
			scheme: { kind: 'category', map: [{ value: 'Gold', points: 90 }], otherPoints: null }
		};
		const p = metricPreview(
			m,
			{ kind: 'category', codes: Int32Array.from([0, 1, 0, -1]), dictionary: ['Gold', 'Tin'] },
			null
		);
		expect(p).toEqual({
			kind: 'category',
			items: [
				{ value: 'Gold', count: 2, points: 90 },
				{ value: 'Tin', count: 1, points: null }
			],
			present: 3,
			missing: 1
		});
	});
	it('explains a missing column', () => {
		expect(metricPreview(metric, undefined, null).kind).toBe('none');
	});
});

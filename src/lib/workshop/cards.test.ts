import { describe, expect, it } from 'vitest';
import type { ColumnTable, Model } from '$lib/model/types';
import { TEMPLATES } from '$lib/model/templates';
import { allMetrics } from '$lib/model/structure';
import { buildRound, cardValues } from './cards';

const model: Model = TEMPLATES.find((t) => t.model.dimensions.length >= 3)!.model;
const metrics = allMetrics(model);

function table(n: number): ColumnTable {
	const columns = new Map<
		string,
		ColumnTable['columns'] extends Map<string, infer C> ? C : never
	>();
	for (const m of metrics) {
		const values = Float64Array.from({ length: n }, (_, i) => (i === 1 ? NaN : i * 10));
		columns.set(m.column, { kind: 'number', values });
	}
	columns.set('plan', {
		kind: 'category',
		codes: Int32Array.from([0, -1, 1]),
		dictionary: ['Pro', 'Free']
	});
	return { n, columns };
}

describe('cards', () => {
	it('show each model column once with its raw value, — when missing, never a score', () => {
		const t = table(3);
		const v = cardValues(model, t, 2);
		expect(v.length).toBe(new Set(metrics.map((m) => m.column)).size);
		expect(v[0]!.label).toBe(metrics[0]!.name);
		expect(v[0]!.text).toMatch(/^20/);
		expect(cardValues(model, t, 1).every((x) => x.text === '—')).toBe(true);
	});

	it('a round holds no account ids or rows in its shared part, and is reproducible', () => {
		const ids = ['acme', 'globex', 'initech'];
		const input = {
			title: ' Room 1 ',
			count: 2,
			method: 'random' as const,
			seed: 5,
			model,
			datasetId: 'ds1',
			ids,
			table: table(3),
			dates: null,
			scores: null
		};
		const r = buildRound(input);
		expect(r.cards.map((c) => c.ref)).toEqual(['A', 'B']);
		expect(r.title).toBe('Room 1');
		expect(r.accountIds).toEqual(r.rows.map((i) => ids[i]));
		expect(buildRound(input)).toEqual(r);
		expect(JSON.stringify(r.cards)).not.toMatch(/acme|globex|initech/);
	});
});

import { describe, expect, it } from 'vitest';
import type { ColumnTable, Model } from '$lib/model/types';
import { dataWarnings, describePath, labelsFrom } from './warnings';

const n = 100;
const table: ColumnTable = {
	n,
	columns: new Map([
		[
			'exited',
			{ kind: 'number', values: Float64Array.from({ length: n }, (_, i) => (i < 20 ? 1 : 0)) }
		],
		// Credit score 350–850 on a default linear 0 → 100: everyone gets 100 points.
		['credit', { kind: 'number', values: Float64Array.from({ length: n }, (_, i) => 350 + 5 * i) }],
		// Closed accounts: 0 for churners, 1 otherwise (the outcome recorded after the fact).
		[
			'closed_at_days',
			{ kind: 'number', values: Float64Array.from({ length: n }, (_, i) => (i < 20 ? 0 : 40 + i)) }
		],
		['logins', { kind: 'number', values: Float64Array.from({ length: n }, (_, i) => i % 10) }]
	])
};
const metric = (
	id: string,
	column: string,
	scheme: Model['dimensions'][0]['metrics'][0]['scheme']
) => ({
	id,
	name: id,
	column,
	direction: 'higher' as const,
	scheme,
	weight: 1,
	missing: 'exclude' as const,
	timing: 'leading' as const
});
const model: Model = {
	schemaVersion: 1,
	id: 'm',
	name: 'm',
	dimensions: [
		{
			id: 'usage',
			name: 'Usage',
			weight: 1,
			metrics: [
				metric('Credit score', 'credit', { kind: 'linear', worst: 0, best: 100 }),
				metric('Logins', 'logins', { kind: 'linear', worst: 0, best: 9 }),
				metric('Exited', 'exited', { kind: 'boolean', truePoints: 0, falsePoints: 100 }),
				metric('Closed', 'closed_at_days', { kind: 'linear', worst: 0, best: 140 })
			]
		}
	],
	tiers: [{ id: 'red', name: 'Red', min: 0, color: '#c62828', action: '' }],
	minCoverage: 0.5
};

describe('data warnings', () => {
	const labels = labelsFrom(table, 'exited');
	const w = dataWarnings(model, table, ['exited'], labels);
	it('a scheme giving ≥ 95 % of accounts the same points, in plain words with names', () => {
		const same = w.filter((x) => x.kind === 'same-points');
		expect(same).toHaveLength(1);
		expect(same[0]).toMatchObject({ where: 'Usage › Credit score' });
		expect(same[0]!.message).toBe(
			'Credit score gives 100 % of accounts the same 100 points, so it hardly tells accounts apart. Check its scheme against the data.'
		);
	});
	it('the outcome as a metric, and a metric with AUC ≥ 0.95 (outcome in disguise)', () => {
		expect(w.find((x) => x.kind === 'outcome-metric')!.where).toBe('Usage › Exited');
		const leak = w.filter((x) => x.kind === 'outcome-in-disguise');
		expect(leak.map((x) => x.where)).toEqual(['Usage › Closed']);
		expect(leak[0]!.message).toMatch(/AUC 1\.00\): it may be the outcome in disguise/);
		expect(w.some((x) => x.where === 'Usage › Logins')).toBe(false);
	});
	it('warnings name the dimension and metric, never a JSON path', () => {
		expect(describePath(model, 'dimensions[0].metrics[1]')).toBe('Usage › Logins');
		expect(describePath(model, 'dimensions[0]')).toBe('Usage');
		expect(describePath(model, 'tiers[0]')).toBeUndefined();
		for (const x of w) expect(x.message).not.toMatch(/dimensions\[/);
	});
});

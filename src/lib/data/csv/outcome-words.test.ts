// Issue 10: outcomes written in words are proposed as the outcome with the churn value chosen,
// and the build reads them as 1 / 0 by that value (any case, surrounding spaces ignored).
import { describe, expect, it } from 'vitest';
import { buildTable } from './build';
import { profileTable } from './infer';
import { parseCsv } from './parse';

/** `n` cells cycling through `values` (every value repeats, so the column is a category). */
function cycle(values: string[], n = 30): string[] {
	return Array.from({ length: n }, (_, i) => values[i % values.length]!);
}

describe('worded outcomes: header + values → role and churn value', () => {
	const cases: [string, string[], string, string | undefined][] = [
		['Status', ['Churned', 'Active', 'Paused'], 'churned', 'Churned'],
		['customer_status', ['active', 'cancelled'], 'churned', 'cancelled'],
		['Outcome', ['Stayed', 'Left'], 'churned', 'Left'],
		// Any name, as long as another value says the account stayed.
		['result', ['Renewed', 'Not renewed'], 'churned', 'Not renewed'],
		['Churn', ['Churned', 'Retained'], 'churned', 'Churned'],
		// No stay word and not named like an outcome: a plain category, scored as a metric.
		['Region', ['North', 'Lost Valley', 'Left Bank'], 'metric', undefined],
		// Two churn words: ambiguous, left to the user.
		['Status', ['Churned', 'Cancelled', 'Active'], 'metric', undefined],
		// Yes/No stays a yes/no column (the usual reading, no churn value needed).
		['Churn', ['Yes', 'No'], 'churned', undefined]
	];
	it.each(cases)('%s %j → %s (%s)', (header, values, role, churnValue) => {
		const [p] = profileTable([header, 'usage'], [cycle(values), cycle(['1', '2', '3', '4'])]);
		expect(p!.role).toBe(role);
		expect(p!.churnValue).toBe(churnValue);
	});

	it('keeps the first worded outcome only, and never when a yes/no outcome exists', () => {
		const ps = profileTable(
			['Exited', 'Status'],
			[cycle(['0', '1']), cycle(['Churned', 'Active'])]
		);
		expect(ps.map((p) => p.role)).toEqual(['churned', 'ignore']);
		expect(ps[1]!.roleNote).toMatch(/leak/);
	});

	it('counts each value (trimmed) over the profiled rows, most first', () => {
		const [p] = profileTable(
			['Status'],
			[['Active', ' Churned', 'Active', 'Paused', '', 'Active']]
		);
		expect(p!.valueCounts).toEqual([
			['Active', 3],
			['Churned', 1],
			['Paused', 1]
		]);
	});
});

describe('build: a yes/no column read by its churn value', () => {
	const csv = 'id,Status,Churn\nA,Churned,Yes\nB, active ,no\nC,Paused,Y\nD,,N\nE,CHURNED,\n';
	it('words: the churn value → 1, other words → 0, blank → missing', async () => {
		const r = await parseCsv(new TextEncoder().encode(csv));
		if (r.status !== 'ok') throw new Error('parse');
		const b = buildTable(r.table, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'churned', type: 'boolean', churnValue: 'Churned' },
			{ index: 2, role: 'metric', type: 'boolean', churnValue: 'No' }
		]);
		if (!b.ok) throw new Error('build');
		const col = (name: string) => {
			const c = b.table.columns.get(name);
			return c?.kind === 'number' ? [...c.values] : null;
		};
		expect(col('Status')).toEqual([1, 0, 0, NaN, 1]);
		// Flipped yes/no: "No" means churned; `N` reads as no, so it matches too.
		expect(col('Churn')).toEqual([0, 1, 0, 1, NaN]);
		expect(b.columns[1]).toMatchObject({ name: 'Status', churnValue: 'Churned' });
	});
});

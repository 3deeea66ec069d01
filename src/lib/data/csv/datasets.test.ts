/** The real datasets in ../shared/data parse as documented (telco-churn.md, ravenstack.md). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildTable } from './build';
import { profileTable } from './infer';
import { parseCsv } from './parse';
import { dirname } from 'node:path';
import { hasSharedData, sharedDataPath } from '../../../../tests/shared-data';

const DATA = dirname(sharedDataPath('telco-churn.csv'));
const have = hasSharedData('telco-churn.csv');

/** Independent count: newline bytes, minus the header, for unquoted files ending in a newline. */
function countDataLines(bytes: Uint8Array): number {
	let n = 0;
	for (const b of bytes) {
		if (b === 0x22) throw new Error('file has quotes: line count is not a row count');
		if (b === 0x0a) n++;
	}
	if (bytes[bytes.length - 1] !== 0x0a) n++;
	return n - 1;
}

describe.runIf(have)('telco-churn.csv', () => {
	it('7,043 rows × 21 columns; TotalCharges 11 blanks, 0 errors; Churn = churned (1,869 Yes); customerID = account id', async () => {
		const bytes = new Uint8Array(readFileSync(`${DATA}/telco-churn.csv`));
		const r = await parseCsv(new Blob([bytes]));
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		expect(r.table.rows).toBe(7043);
		expect(r.table.rows).toBe(countDataLines(bytes));
		expect(r.table.headers).toHaveLength(21);
		expect(r.issues).toEqual([]);
		const p = profileTable(r.table.headers, r.table.columns);
		const by = Object.fromEntries(p.map((c) => [c.name, c]));
		expect(by.TotalCharges).toMatchObject({ type: 'number', missing: 11, failures: 0 });
		expect(by.Churn).toMatchObject({ type: 'boolean', role: 'churned' });
		expect(by.customerID).toMatchObject({ type: 'text', role: 'account-id', idLike: true });
		expect(p.filter((c) => c.role === 'churned')).toHaveLength(1);
		const b = buildTable(
			r.table,
			p.map((c) => ({ index: c.index, role: c.role, type: c.type, decimal: c.decimal }))
		);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.issueCount).toBe(0);
		expect(b.table.n).toBe(7043);
		expect(b.ids[0]).toBe('7590-VHVEG');
		const churn = b.table.columns.get('Churn');
		expect(churn?.kind === 'number' && churn.values.reduce((s, x) => s + x, 0)).toBe(1869);
		const total = b.table.columns.get('TotalCharges');
		expect(total?.kind === 'number' && total.values.filter((x) => Number.isNaN(x)).length).toBe(11);
		expect(b.columns.find((c) => c.name === 'TotalCharges')!.missingShare).toBeCloseTo(
			11 / 7043,
			12
		);
	});
});

describe.runIf(have)('ravenstack-*.csv', () => {
	it.each([
		['accounts', 500, 10],
		['subscriptions', 5000, 14],
		['feature-usage', 25000, 8],
		['support-tickets', 2000, 9],
		['churn-events', 600, 9]
	])('%s: %d rows × %d columns, CRLF, no issues', async (name, rows, cols) => {
		const bytes = new Uint8Array(readFileSync(`${DATA}/ravenstack-${name}.csv`));
		const r = await parseCsv(new Blob([bytes]), { chunkBytes: 64 * 1024 });
		expect(r.status).toBe('ok');
		if (r.status !== 'ok') return;
		expect(r.dialect).toMatchObject({ delimiter: ',', newline: '\r\n' });
		expect(r.table.rows).toBe(countDataLines(bytes));
		expect(r.table.rows).toBe(rows);
		expect(r.table.headers).toHaveLength(cols);
		expect(r.issues).toEqual([]);
		// No cell keeps a stray \r from the CRLF endings.
		expect(r.table.columns.every((c) => c.every((v) => !v.includes('\r')))).toBe(true);
	});

	it('accounts: roles and types inferred', async () => {
		const r = await parseCsv(new Blob([readFileSync(`${DATA}/ravenstack-accounts.csv`)]));
		if (r.status !== 'ok') throw new Error(r.status);
		const p = profileTable(r.table.headers, r.table.columns);
		const by = Object.fromEntries(p.map((c) => [c.name, [c.type, c.role]]));
		expect(by).toMatchObject({
			account_id: ['text', 'account-id'],
			signup_date: ['date', 'ignore'],
			plan_tier: ['category', 'segment'],
			seats: ['number', 'metric'],
			is_trial: ['boolean', 'metric'],
			churn_flag: ['boolean', 'churned']
		});
		const b = buildTable(
			r.table,
			p.map((c) => ({ index: c.index, role: c.role, type: c.type }))
		);
		const churn = b.ok ? b.table.columns.get('churn_flag') : undefined;
		expect(churn?.kind === 'number' && churn.values.reduce((s, x) => s + x, 0)).toBe(110);
	});

	it('subscriptions: end_date blank on 4,514 rows (missing, not errors)', async () => {
		const r = await parseCsv(new Blob([readFileSync(`${DATA}/ravenstack-subscriptions.csv`)]));
		if (r.status !== 'ok') throw new Error(r.status);
		const p = profileTable(r.table.headers, r.table.columns);
		expect(p.find((c) => c.name === 'end_date')).toMatchObject({
			type: 'date',
			missing: 4514,
			failures: 0
		});
	});
});

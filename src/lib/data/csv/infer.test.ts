import { describe, expect, it } from 'vitest';
import { histogram, profileColumn, profileTable, suggestRoles } from './infer';

describe('profileColumn: type', () => {
	it.each([
		['numbers', ['1', '2.5', '3', ''], 'number'],
		['numbers with a few blanks', ['10', ' ', '20', '30'], 'number'],
		['Yes/No', ['Yes', 'No', 'yes'], 'boolean'],
		['0/1', ['0', '1', '1', '0'], 'boolean'],
		['True/False', ['True', 'False'], 'boolean'],
		['ISO dates', ['2024-01-02', '2024-02-03'], 'date'],
		['leading zeros → text', ['001', '002', '010'], 'text'],
		['alnum ids → text', ['A-1x', 'B-2y', 'C-3z', 'D-4w'], 'text'],
		['few repeated labels → category', ['SMB', 'Enterprise', 'SMB', 'Mid', 'SMB'], 'category'],
		['free text → text', ['hello world', 'foo bar', 'baz qux'], 'text'],
		['all blank → text', ['', ' '], 'text'],
		['mixed numbers and words (< 95 %) → category', ['1', '2', 'n/a', 'n/a'], 'category']
	])('%s → %s', (_n, cells, type) => {
		expect(profileColumn(0, 'x', cells).type).toBe(type);
	});

	it('Excel serials are dates only under a date-like header', () => {
		expect(profileColumn(0, 'signup_date', ['45292', '45300']).type).toBe('date');
		expect(profileColumn(0, 'signup_date', ['45292', '45300']).excelSerial).toBe(true);
		expect(profileColumn(0, 'revenue', ['45292', '45300']).type).toBe('number');
	});

	it('profile numbers: missing share, distinct, min/max, histogram', () => {
		const p = profileColumn(0, 'v', ['1', '2', '2', '', '10', ' ']);
		expect(p).toMatchObject({ rows: 6, missing: 2, distinct: 3, min: 1, max: 10, failures: 0 });
		expect(p.missingShare).toBeCloseTo(2 / 6, 12);
		// width 0.9: 1 → bin 0, 2 → bin 1, 10 → bin 9
		expect(p.histogram!.counts).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 1]);
	});

	it('failures counted for the chosen type', () => {
		const cells = Array.from({ length: 100 }, (_, i) => String(i));
		cells[50] = 'oops';
		expect(profileColumn(0, 'n', cells)).toMatchObject({ type: 'number', failures: 1 });
	});

	it('flags ambiguous decimal and date order', () => {
		expect(profileColumn(0, 'a', ['1,234', '5,678']).decimalAmbiguous).toBe(true);
		expect(profileColumn(0, 'd', ['01/02/2024', '03/04/2024'])).toMatchObject({
			type: 'date',
			dateOrderAmbiguous: true
		});
	});
});

describe('histogram', () => {
	it('equal-width bins; max falls in the last bin; NaN skipped', () => {
		expect(histogram(new Float64Array([0, 5, 10, NaN]), 0, 10, 2).counts).toEqual([1, 2]);
		expect(histogram(new Float64Array([3, 3]), 3, 3).counts).toEqual([2]);
	});
});

describe('suggestRoles', () => {
	const cols = (spec: Record<string, string[]>) =>
		profileTable(Object.keys(spec), Object.values(spec));
	it('matches names and types; single-use roles go once', () => {
		const p = cols({
			customer_id: ['C1', 'C2', 'C3'],
			snapshot_date: ['2024-01-01', '2024-01-01', '2024-02-01'],
			segment: ['SMB', 'SMB', 'ENT'],
			churned: ['Yes', 'No', 'No'],
			churn_date: ['2024-03-01', '', ''],
			renewal_date: ['2025-01-01', '2025-02-01', '2025-03-01'],
			expansion: ['0', '1', '0'],
			ARR: ['1200', '3400', '560'],
			logins_30d: ['10', '20', '30'],
			notes: ['a b', 'c d', 'e f']
		});
		expect(p.map((c) => c.role)).toEqual([
			'account-id',
			'snapshot-date',
			'segment',
			'churned',
			'churn-date',
			'renewal-date',
			'expansion',
			'contract-value',
			'metric',
			'ignore'
		]);
	});

	it('finds the account id by content when no name matches', () => {
		const p = cols({ ref: ['X-01a', 'X-02b', 'X-03c'], score: ['1', '2', '3'] });
		expect(p[0]!.role).toBe('account-id');
	});

	it('a second churn-like column is not an input (it would leak the outcome)', () => {
		const p = suggestRoles(cols({ id: ['a1', 'b2'], churn: ['Yes', 'No'], churned: ['1', '0'] }));
		expect(p.map((c) => c.role)).toEqual(['account-id', 'churned', 'ignore']);
		expect(p[2]!.roleNote).toMatch(/outcome/);
	});
});

describe('suggestRoles: a table of headers and values → role', () => {
	const count = (n: number, from = 1) => Array.from({ length: n }, (_, i) => String(i + from));
	const n = 12;
	const pick = <T>(xs: T[]) => Array.from({ length: n }, (_, i) => xs[i % xs.length]!);
	const cases: [string, string[], string, RegExp | null][] = [
		['Exited', pick(['0', '1', '0']), 'churned', null],
		['Churn', pick(['Yes', 'No']), 'churned', null],
		['is_cancelled', pick(['true', 'false']), 'churned', null],
		['left', pick(['1', '0', '0']), 'churned', null],
		['Attrition_Flag', pick(['Attrited Customer', 'Existing Customer']), 'ignore', /outcome/],
		['churn_reason', pick(['price', 'support', 'other']), 'ignore', /outcome/],
		['RowNumber', count(n), 'ignore', /Row index/],
		['index', count(n, 0), 'ignore', /Row index/],
		['CreditScore', pick(['619', '608', '502', '699']), 'metric', null],
		['Geography', pick(['France', 'Spain', 'Germany']), 'metric', /Category with 3 values/],
		['Surname', count(n).map((i) => `Name${i}x`), 'ignore', null],
		['HasCrCard', pick(['1', '0']), 'metric', null],
		['signup_date', pick(['2024-01-01', '2024-02-01']), 'ignore', null]
	];
	it.each(cases)('%s → %s', (name, values, role, note) => {
		const p = profileTable(['account', name], [count(n).map((i) => `A-${i}a`), values]);
		expect(p[0]!.role).toBe('account-id');
		expect(p[1]!.role).toBe(role);
		if (note) expect(p[1]!.roleNote).toMatch(note);
	});

	it('an 8-digit CustomerId is the account id and RowNumber is left out', () => {
		const p = profileTable(
			['RowNumber', 'CustomerId', 'Exited', 'Age'],
			[count(n), count(n, 15_634_602), pick(['0', '1']), pick(['42', '41', '39'])]
		);
		expect(p.map((c) => c.role)).toEqual(['ignore', 'account-id', 'churned', 'metric']);
	});

	it('a numeric identifier other than the account id is never an input', () => {
		const p = profileTable(
			['account_id', 'order_id', 'spend'],
			[count(n).map((i) => `A${i}x`), count(n, 900_001).reverse(), pick(['5', '7'])]
		);
		expect(p.map((c) => c.role)).toEqual(['account-id', 'ignore', 'metric']);
		expect(p[1]!.roleNote).toMatch(/identifier/);
	});

	it('a count from 1 in a tiny file (under 10 rows) is still a metric', () => {
		const p = profileTable(
			['id', 'seats'],
			[
				['a1', 'b2', 'c3'],
				['1', '2', '3']
			]
		);
		expect(p[1]!.role).toBe('metric');
	});

	it('a file with no id column proposes no account id', () => {
		const p = profileTable(['Age', 'Exited'], [pick(['40', '50']), pick(['0', '1'])]);
		expect(p.map((c) => c.role)).toEqual(['metric', 'churned']);
	});
});

import { describe, expect, it } from 'vitest';
import { stored } from './csv/testing/helpers';
import { usableDataset } from './dataset';
import { applyRemap, remapColumns, TYPE_NOTES, typeForRole, type RemapColumn } from './remap';

/** The English words of a re-mapping's problems or changes. */
const words = (notes: readonly { message: string }[]) => notes.map((n) => n.message);

// A churn file where the outcome `Exited` (0/1) was ignored at import, as the user did.
const churn = () =>
	stored(
		['CustomerId', 'Plan', 'Logins', 'Exited', 'Status'],
		[
			['1001', 'Gold', '12', '0', 'Active'],
			['1002', 'Silver', '3', '1', 'Churned'],
			['1003', 'Gold', '7', '0', 'Active'],
			['1004', 'Bronze', '1', '1', 'Churned']
		],
		[
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'segment', type: 'category' },
			{ index: 2, role: 'metric', type: 'number' },
			{ index: 3, role: 'ignore', type: 'boolean', hold: { type: 'boolean' } },
			{ index: 4, role: 'ignore', type: 'category', hold: { type: 'category' } }
		]
	);

const next = { id: 'ds-new', createdAt: 2 };

function edit(cols: RemapColumn[], name: string, role: RemapColumn['role']): RemapColumn[] {
	return cols.map((c) => {
		if (c.name !== name) return c;
		const d = { ...c, role };
		d.type = typeForRole(d, role, c.storedRole === 'ignore' ? 'boolean' : undefined);
		return d;
	});
}

describe('held ignored columns', () => {
	it('the import keeps an ignored column as text, and no screen sees it', () => {
		const ds = churn();
		const exited = ds.meta.columns.find((c) => c.name === 'Exited')!;
		expect(exited).toMatchObject({ role: 'ignore', type: 'text', heldAs: { type: 'boolean' } });
		const col = ds.table.columns.get('Exited');
		expect(col?.kind).toBe('category');
		const usable = usableDataset(ds);
		expect(usable.meta.columns.map((c) => c.name)).toEqual(['CustomerId', 'Plan', 'Logins']);
		expect([...usable.table.columns.keys()]).toEqual(['Plan', 'Logins']);
	});

	it('a held column never makes a row unreadable (its text is not parsed)', () => {
		const ds = stored(
			['id', 'x'],
			[
				['a', 'not a number'],
				['b', '2']
			],
			[
				{ index: 0, role: 'account-id', type: 'text' },
				{ index: 1, role: 'ignore', type: 'number', hold: { type: 'number' } }
			]
		);
		expect(ds.table.n).toBe(2);
	});
});

describe('remapColumns', () => {
	it('lists every stored column, the id first, with the types it can take', () => {
		const cols = remapColumns(churn());
		expect(cols.map((c) => [c.name, c.role])).toEqual([
			['CustomerId', 'account-id'],
			['Plan', 'segment'],
			['Logins', 'metric'],
			['Exited', 'ignore'],
			['Status', 'ignore']
		]);
		const exited = cols.find((c) => c.name === 'Exited')!;
		expect(exited.types).toEqual(expect.arrayContaining(['number', 'boolean', 'category']));
		// "Gold/Silver/Bronze" are not numbers or dates.
		const plan = cols.find((c) => c.name === 'Plan')!;
		expect(plan.types).not.toContain('number');
		expect(plan.types).not.toContain('date');
		// Logins (12, 3, 7, 1) are not all 0/1: not offered as yes/no.
		const logins = cols.find((c) => c.name === 'Logins')!;
		expect(logins.types).not.toContain('boolean');
	});

	it('a stored date cannot change type: the original text is not stored, and it says so', () => {
		const ds = stored(
			['id', 'signup'],
			[
				['a', '2024-01-02'],
				['b', '2024-02-03']
			],
			[
				{ index: 0, role: 'account-id', type: 'text' },
				{ index: 1, role: 'keep', type: 'date' }
			]
		);
		const signup = remapColumns(ds).find((c) => c.name === 'signup')!;
		expect(signup.types).toEqual(['date']);
		expect(signup.typeNote && TYPE_NOTES[signup.typeNote]).toMatch(
			/original text.*not stored.*Import the file again/
		);
	});
});

describe('applyRemap', () => {
	it('an ignored outcome becomes the churned flag, read from the held text', () => {
		const ds = churn();
		const r = applyRemap(ds, edit(remapColumns(ds), 'Exited', 'churned'), next);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const info = r.dataset.meta.columns.find((c) => c.name === 'Exited')!;
		expect(info).toMatchObject({ role: 'churned', type: 'boolean' });
		const col = r.dataset.table.columns.get('Exited');
		expect(col?.kind === 'number' && [...col.values]).toEqual([0, 1, 0, 1]);
		expect(r.dataset.meta.id).toBe('ds-new');
		expect(r.dataset.ids).toEqual(['1001', '1002', '1003', '1004']);
		expect(words(r.changes)).toEqual(['“Exited”: ignored column → churned flag.']);
		// Unchanged columns are the stored ones.
		expect(r.dataset.table.columns.get('Logins')).toBe(ds.table.columns.get('Logins'));
	});

	it('a worded outcome (Churned / Active) reads its churn word as 1', () => {
		const ds = churn();
		const cols = remapColumns(ds).map((c) =>
			c.name === 'Status'
				? { ...c, role: 'churned' as const, type: 'boolean' as const, churnValue: 'Churned' }
				: c
		);
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const col = r.dataset.table.columns.get('Status');
		expect(col?.kind === 'number' && [...col.values]).toEqual([0, 1, 0, 1]);
		expect(r.dataset.meta.columns.find((c) => c.name === 'Status')?.churnValue).toBe('Churned');
	});

	it('a metric back to ignored is still held, so it can come back later', () => {
		const ds = churn();
		const r = applyRemap(ds, edit(remapColumns(ds), 'Logins', 'ignore'), next);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const info = r.dataset.meta.columns.find((c) => c.name === 'Logins')!;
		expect(info).toMatchObject({ role: 'ignore', heldAs: { type: 'number' } });
		expect(r.dataset.table.columns.has('Logins')).toBe(true);
		expect(usableDataset(r.dataset).table.columns.has('Logins')).toBe(false);
	});

	it('refuses an account id whose values repeat, naming the column and the rows', () => {
		const ds = churn();
		const both = applyRemap(ds, edit(remapColumns(ds), 'Plan', 'account-id'), next);
		expect(both.ok === false && both.errors[0]!.message).toBe(
			'Only one column can be the account id: “CustomerId” and “Plan” are both. Choose one.'
		);
		const cols = edit(edit(remapColumns(ds), 'Plan', 'account-id'), 'CustomerId', 'ignore');
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(words(r.errors).join(' ')).toContain(
			'Column “Plan” cannot be the account id: “Gold” is on row 1'
		);
		expect(words(r.errors).join(' ')).toContain('row 3');
	});

	it('no id column on an account list: the rows are numbered, said in the changes', () => {
		const ds = churn();
		const cols = edit(remapColumns(ds), 'CustomerId', 'metric');
		const id = cols.find((c) => c.name === 'CustomerId')!;
		expect(id.types).toContain('number');
		id.type = 'number';
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.dataset.ids).toEqual(['1', '2', '3', '4']);
		expect(r.dataset.meta.columns[0]).toMatchObject({ role: 'account-id', rowNumbers: true });
		expect(words(r.changes).join(' ')).toMatch(/row numbers 1, 2, 3/);
		// The old id is now a number metric read from its text.
		const col = r.dataset.table.columns.get('CustomerId');
		expect(col?.kind === 'number' && [...col.values]).toEqual([1001, 1002, 1003, 1004]);
	});

	it('refuses no id when one account has several rows (snapshots)', () => {
		const ds = stored(
			['id', 'as_of', 'x'],
			[
				['a', '2024-01-01', '1'],
				['a', '2024-02-01', '2']
			],
			[
				{ index: 0, role: 'account-id', type: 'text' },
				{ index: 1, role: 'snapshot-date', type: 'date' },
				{ index: 2, role: 'metric', type: 'number' }
			],
			'snapshot'
		);
		const r = applyRemap(ds, edit(remapColumns(ds), 'id', 'ignore'), next);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]!.message).toMatch(/several rows.*account id/);
	});

	it('refuses a metric that repeats the churned flag (the outcome in disguise)', () => {
		const ds = churn();
		let cols = edit(remapColumns(ds), 'Exited', 'churned');
		cols = cols.map((c) =>
			c.name === 'Status'
				? { ...c, role: 'metric' as const, type: 'boolean' as const, churnValue: 'Churned' }
				: c
		);
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors[0]!.message).toContain(
			'Column “Status” holds the same values as the churned flag “Exited”'
		);
	});

	it('refuses two churned flags and a date role on a column without dates', () => {
		const ds = churn();
		const cols = remapColumns(ds).map((c) =>
			c.name === 'Exited'
				? { ...c, role: 'churned' as const, type: 'boolean' as const }
				: c.name === 'Status'
					? { ...c, role: 'churned' as const, type: 'boolean' as const, churnValue: 'Churned' }
					: c.name === 'Plan'
						? { ...c, role: 'renewal-date' as const }
						: c
		);
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(words(r.errors)).toContain(
			'Only one column can be the churned flag: “Exited” and “Status” are both. Choose one.'
		);
		expect(words(r.errors).join(' ')).toContain('Column “Plan” is read as category, not dates');
	});

	it('a number column read as a category keeps its values as text', () => {
		const ds = churn();
		const cols = remapColumns(ds).map((c) =>
			c.name === 'Logins'
				? { ...c, role: 'segment' as const, type: 'category' as const }
				: c.name === 'Plan'
					? { ...c, role: 'keep' as const }
					: c
		);
		const r = applyRemap(ds, cols, next);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const col = r.dataset.table.columns.get('Logins');
		expect(col?.kind === 'category' && col.codes.length).toBe(4);
		expect(col?.kind === 'category' && col.dictionary).toEqual(['12', '3', '7', '1']);
	});
});

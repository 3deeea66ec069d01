import { describe, expect, it } from 'vitest';
import { buildTable, buildTablePacked, unpackIds, type ColumnMapping } from './build';
import { missingCounts } from './infer';
import { parseCsv } from './parse';
import type { RawTable } from './parse';
import { daysFromCivil } from './values';

function raw(headers: string[], rows: string[][], rowNumbers?: number[]): RawTable {
	return {
		headers,
		originalHeaders: headers,
		headerNotes: [],
		columns: headers.map((_, c) => rows.map((r) => r[c]!)),
		rowNumbers: new Uint32Array(rowNumbers ?? rows.map((_, i) => i + 2)),
		rows: rows.length
	};
}

const table = raw(
	['id', 'seg', 'mrr', 'churned', 'date'],
	[
		['A', 'SMB', '1,200.5', 'Yes', '2024-01-02'],
		['B', 'ENT', ' ', 'No', '2024-01-03'],
		['C', 'SMB', '300', 'No', '']
	]
);
const mapping: ColumnMapping[] = [
	{ index: 0, role: 'account-id', type: 'text' },
	{ index: 1, role: 'segment', type: 'category' },
	{ index: 2, role: 'metric', type: 'number' },
	{ index: 3, role: 'churned', type: 'boolean' },
	{ index: 4, role: 'snapshot-date', type: 'date' }
];

describe('buildTable', () => {
	it('types columns: Float64 with NaN, dictionary codes with −1, ids apart', () => {
		const b = buildTable(table, mapping);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.ids).toEqual(['A', 'B', 'C']);
		expect(b.table.n).toBe(3);
		expect([...b.table.columns.keys()]).toEqual(['seg', 'mrr', 'churned', 'date']);
		expect(b.table.columns.get('seg')).toEqual({
			kind: 'category',
			codes: new Int32Array([0, 1, 0]),
			dictionary: ['SMB', 'ENT']
		});
		const mrr = b.table.columns.get('mrr');
		expect(mrr?.kind === 'number' && Array.from(mrr.values)).toEqual([1200.5, NaN, 300]);
		const churned = b.table.columns.get('churned');
		expect(churned?.kind === 'number' && Array.from(churned.values)).toEqual([1, 0, 0]);
		const date = b.table.columns.get('date');
		expect(date?.kind === 'number' && Array.from(date.values)).toEqual([19724, 19725, NaN]);
		expect(b.dateRange).toEqual([19724, 19725]);
		expect(b.columns.map((c) => [c.name, c.role, c.missingShare])).toEqual([
			['id', 'account-id', 0],
			['seg', 'segment', 0],
			['mrr', 'metric', 1 / 3],
			['churned', 'churned', 0],
			['date', 'snapshot-date', 1 / 3]
		]);
		expect(b.table.columns.has('id')).toBe(false);
	});

	const bad = raw(
		['id', 'TotalCharges', 'flag'],
		[
			['A', '10', 'Yes'],
			['B', 'abc', 'No'],
			['', '5', 'Yes'],
			['A', '7', 'maybe'],
			['D', '8', 'No']
		],
		[2, 3, 5, 6, 7]
	);
	const badMap: ColumnMapping[] = [
		{ index: 0, role: 'account-id', type: 'text' },
		{ index: 1, role: 'metric', type: 'number' },
		{ index: 2, role: 'metric', type: 'boolean' }
	];

	it('all or nothing: unreadable cells → issues with Excel row numbers, no table', () => {
		const b = buildTable(bad, badMap);
		expect(b.ok).toBe(false);
		if (b.ok) return;
		expect(b.badRows).toBe(3);
		expect(b.issues.map((i) => i.message)).toEqual([
			'row 5, column "id": the account id is blank',
			'row 3, column "TotalCharges": "abc" is not a number',
			'row 6, column "flag": "maybe" is not yes/no, true/false or 1/0',
			'row 6, column "id": account id "A" repeats row 2'
		]);
		expect('table' in b).toBe(false);
	});

	it('skipRows leaves out unreadable rows and keeps the rest whole', () => {
		const b = buildTable(bad, badMap, { skipRows: true });
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		expect(b.ids).toEqual(['A', 'D']);
		expect(b.skippedRows).toBe(3);
		expect(Array.from(b.rowNumbers)).toEqual([2, 7]);
		const tc = b.table.columns.get('TotalCharges');
		expect(tc?.kind === 'number' && Array.from(tc.values)).toEqual([10, 8]);
	});

	it('duplicate ids are fine across snapshot dates, not within one', () => {
		const t = raw(
			['id', 'd'],
			[
				['A', '2024-01-01'],
				['A', '2024-02-01'],
				['A', '2024-02-01']
			]
		);
		const b = buildTable(t, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'snapshot-date', type: 'date' }
		]);
		expect(b.ok).toBe(false);
		if (!b.ok) expect(b.issues.map((i) => [i.row, i.code])).toEqual([[4, 'duplicate-id']]);
	});

	it('mapping problems: no account id, a single-use role twice, bad index', () => {
		const noId = buildTable(table, [{ index: 2, role: 'metric', type: 'number' }]);
		expect(!noId.ok && noId.issues.map((i) => i.code)).toEqual(['no-account-id']);
		const twice = buildTable(table, [...mapping, { index: 2, role: 'churned', type: 'number' }]);
		expect(!twice.ok && twice.issues.map((i) => i.code)).toEqual(['duplicate-role']);
		const badIndex = buildTable(table, [...mapping, { index: 9, role: 'metric', type: 'number' }]);
		expect(!badIndex.ok && badIndex.issues.map((i) => i.code)).toEqual(['bad-mapping']);
	});

	it('decimal comma and date order per column', () => {
		const t = raw(['id', 'v', 'd'], [['A', '1.234,5', '13/02/2024']]);
		const b = buildTable(t, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'metric', type: 'number', decimal: ',' },
			{ index: 2, role: 'metric', type: 'date', dateOrder: 'dmy' }
		]);
		const v = b.ok ? b.table.columns.get('v') : undefined;
		const d = b.ok ? b.table.columns.get('d') : undefined;
		expect(v?.kind === 'number' && v.values[0]).toBe(1234.5);
		expect(d?.kind === 'number' && d.values[0]).toBe(Date.UTC(2024, 1, 13) / 86_400_000);
	});

	it('issue list is capped but counted', () => {
		const t = raw(
			['id', 'v'],
			Array.from({ length: 50 }, (_, i) => [`a${i}`, 'x'])
		);
		const b = buildTable(
			t,
			[
				{ index: 0, role: 'account-id', type: 'text' },
				{ index: 1, role: 'metric', type: 'number' }
			],
			{ maxIssues: 10 }
		);
		expect(!b.ok && [b.issues.length, b.issueCount]).toEqual([10, 50]);
	});
});

describe('byte path of the build (plain files)', () => {
	const csv = [
		'id,date,x',
		'A1,2024-01-01,1',
		' A1 ,2024-01-02,2',
		'A1,2024-01-01,3',
		'B2,,4',
		'B2,,5',
		'  ,2024-01-01,6',
		'C3,2024-01-01,7',
		'A1,2024-01-02,8',
		'C3x,2024-01-01,9'
	].join('\n');
	const maps: ColumnMapping[][] = [
		[
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'snapshot-date', type: 'date' },
			{ index: 2, role: 'metric', type: 'number' }
		],
		[
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 2, role: 'metric', type: 'number' }
		]
	];
	it.each(maps.map((m, k) => [k, m] as const))(
		'duplicates, blank ids and packed ids match the string path (mapping %i)',
		async (_, m) => {
			const fast = await parseCsv(new TextEncoder().encode(csv));
			const slow = await parseCsv(new TextEncoder().encode(csv), { fastPath: false });
			if (fast.status !== 'ok' || slow.status !== 'ok') throw new Error('parse');
			expect(fast.table.cells).toBeDefined();
			const a = buildTable(fast.table, m, { skipRows: true });
			const b = buildTable(slow.table, m, { skipRows: true });
			expect(a).toEqual(b);
			if (!a.ok) throw new Error('build');
			expect(a.issues.map((i) => [i.row, i.code])).toEqual(
				m.length === 3
					? [
							[7, 'missing-id'],
							[4, 'duplicate-id'],
							[6, 'duplicate-id'],
							[9, 'duplicate-id']
						]
					: [
							[7, 'missing-id'],
							[3, 'duplicate-id'],
							[4, 'duplicate-id'],
							[6, 'duplicate-id'],
							[9, 'duplicate-id']
						]
			);
			for (const raw of [fast.table, slow.table]) {
				const packed = buildTablePacked(raw, m, { skipRows: true }, 2);
				expect(packed.result.ok && packed.result.ids).toEqual([]);
				expect(await unpackIds(packed.idParts!)).toEqual(a.ids);
			}
		}
	);

	it('counts missing cells per column in one pass', async () => {
		const r = await parseCsv(new TextEncoder().encode('a,b,c\n1,, \n ,x,\n\t2,y,3\n'));
		if (r.status !== 'ok') throw new Error('parse');
		expect([...missingCounts(r.table.cells!, r.table.rows)]).toEqual([1, 1, 2]);
	});
});

describe('buildTable: grains', () => {
	const events = raw(
		['ticket_id', 'account_id', 'submitted_at', 'closed_at'],
		[
			['T1', 'A', '2024-01-02', '2024-01-02 10:00:00'],
			['T2', 'A', '2024-01-05', '2024-01-06T01:00+09:00'],
			['T3', 'B', '', ''],
			['T4', 'A', '2024-01-05', '']
		]
	);
	const eventMap: ColumnMapping[] = [
		{ index: 0, role: 'ignore', type: 'text' },
		{ index: 1, role: 'account-id', type: 'text' },
		{ index: 2, role: 'event-time', type: 'date' },
		{ index: 3, role: 'metric', type: 'date' }
	];

	it('events: repeated ids are kept; an undated event is named by row and column', () => {
		const b = buildTable(events, eventMap, { grain: 'event', timeZone: 'UTC' });
		expect(b.ok).toBe(false);
		expect(b.issues.map((i) => i.message)).toEqual([
			'row 4, column "submitted_at": the event date is blank'
		]);
		const s = buildTable(events, eventMap, { grain: 'event', timeZone: 'UTC', skipRows: true });
		if (!s.ok) throw new Error('not ok');
		expect(s.ids).toEqual(['A', 'A', 'A']);
		expect(s.dateRange).toEqual([daysFromCivil(2024, 1, 2), daysFromCivil(2024, 1, 5)]);
		// 01:00 at +09:00 is 16:00 UTC the day before.
		const closed = s.table.columns.get('closed_at');
		expect(closed?.kind === 'number' && Array.from(closed.values)).toEqual([
			daysFromCivil(2024, 1, 2),
			daysFromCivil(2024, 1, 5),
			NaN
		]);
	});

	it('the same ids as accounts are duplicates (as before)', () => {
		const b = buildTable(events, eventMap.slice(0, 2).concat(eventMap.slice(3)), {
			grain: 'account'
		});
		expect(b.ok).toBe(false);
		expect(b.issues[0]?.code).toBe('duplicate-id');
	});

	it('events need a date column', () => {
		const b = buildTable(events, [eventMap[1]!], { grain: 'event' });
		expect(b.issues.map((i) => i.code)).toEqual(['no-time-column']);
	});

	it('periods: an end before its start is refused with both dates; a blank end is open', () => {
		const periods = raw(
			['sub', 'account_id', 'start_date', 'end_date'],
			[
				['S1', 'A', '2024-01-01', ''],
				['S2', 'A', '2024-02-01', '2024-01-15'],
				['S3', 'B', '2024-01-01', '2024-03-01']
			]
		);
		const m: ColumnMapping[] = [
			{ index: 0, role: 'ignore', type: 'text' },
			{ index: 1, role: 'account-id', type: 'text' },
			{ index: 2, role: 'period-start', type: 'date' },
			{ index: 3, role: 'period-end', type: 'date' }
		];
		const b = buildTable(periods, m, { grain: 'period' });
		expect(b.ok).toBe(false);
		expect(b.issues.map((i) => i.message)).toEqual([
			'row 3, column "end_date": the period ends (2024-01-15) before it starts (2024-02-01 in "start_date")'
		]);
		const s = buildTable(periods, m, { grain: 'period', skipRows: true });
		expect(s.ok && s.ids).toEqual(['A', 'B']);
		expect(s.ok && s.dateRange).toEqual([daysFromCivil(2024, 1, 1), daysFromCivil(2024, 3, 1)]);
	});
});

describe('buildTable: a file with no id column', () => {
	const csv = ['tenure,plan,Churn', '3,Basic,Yes', 'x,Pro,No', '7,Pro,No', '1,Basic,Yes'].join(
		'\n'
	);
	const m: ColumnMapping[] = [
		{ index: 0, role: 'metric', type: 'number' },
		{ index: 1, role: 'metric', type: 'category' },
		{ index: 2, role: 'churned', type: 'boolean' }
	];

	it('without rowNumberIds it asks for an id column', async () => {
		const r = await parseCsv(new TextEncoder().encode(csv));
		if (r.status !== 'ok') throw new Error('parse');
		const b = buildTable(r.table, m);
		expect(b.ok).toBe(false);
		expect(b.issues[0]!.code).toBe('no-account-id');
	});

	it('numbers the data rows 1…n (a skipped row keeps its gap), on both read paths', async () => {
		for (const fastPath of [true, false]) {
			const r = await parseCsv(new TextEncoder().encode(csv), { fastPath });
			if (r.status !== 'ok') throw new Error('parse');
			const b = buildTable(r.table, m, { skipRows: true, rowNumberIds: true });
			if (!b.ok) throw new Error('build');
			// Row 2 ("x" is not a number, Excel row 3) is left out; the others keep their number.
			expect(b.ids).toEqual(['1', '3', '4']);
			expect(b.issues.map((i) => [i.row, i.code])).toEqual([[3, 'not-a-number']]);
			expect(b.columns[0]).toMatchObject({
				name: 'row_number',
				role: 'account-id',
				rowNumbers: true
			});
			const packed = buildTablePacked(r.table, m, { skipRows: true, rowNumberIds: true }, 2);
			expect(await unpackIds(packed.idParts!)).toEqual(['1', '3', '4']);
		}
	});

	it('takes a free name when the file already has a row_number column', () => {
		const t = raw(
			['row_number', 'x'],
			[
				['a', '1'],
				['b', '2']
			]
		);
		const b = buildTable(
			t,
			[
				{ index: 0, role: 'metric', type: 'category' },
				{ index: 1, role: 'metric', type: 'number' }
			],
			{ rowNumberIds: true }
		);
		if (!b.ok) throw new Error('build');
		expect(b.columns.map((c) => c.name)).toEqual(['row_number_2', 'row_number', 'x']);
		expect(b.ids).toEqual(['1', '2']);
	});

	it('never numbers rows of events (ids must repeat there)', () => {
		const t = raw(['when', 'x'], [['2024-01-01', '1']]);
		const b = buildTable(
			t,
			[
				{ index: 0, role: 'event-time', type: 'date' },
				{ index: 1, role: 'metric', type: 'number' }
			],
			{ rowNumberIds: true, grain: 'event' }
		);
		expect(b.ok).toBe(false);
	});
});

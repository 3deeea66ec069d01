/** One test per RELIABILITY.md CSV-import item, each on a committed fixture. */
import { describe, expect, it } from 'vitest';
import { buildTable, type ColumnMapping } from './build';
import { profileTable } from './infer';
import { parseCsv, type ParseResult } from './parse';
import { fixture, parseBoth, records } from './testing/helpers';
import { daysFromCivil } from './values';

const ok = (r: ParseResult) => {
	if (r.status !== 'ok') throw new Error(JSON.stringify(r));
	return r;
};

describe('RELIABILITY CSV fixtures', () => {
	it('UTF-8 BOM is stripped silently', async () => {
		const r = ok(await parseBoth(fixture('bom-utf8.csv')));
		expect(r.encoding).toBe('utf-8');
		expect(records(r)).toEqual([
			['id', 'name', 'score'],
			['1', 'Zoë', '10'],
			['2', 'Ann', '20']
		]);
	});

	it('UTF-16LE Excel "Unicode text" (BOM, tabs, CRLF)', async () => {
		const r = ok(await parseBoth(fixture('utf16le-excel-unicode.txt')));
		expect(r.encoding).toBe('utf-16le');
		expect(r.dialect).toMatchObject({ delimiter: '\t', newline: '\r\n' });
		expect(records(r)).toEqual([
			['id', 'name', 'score'],
			['001', 'Åsa', '1.5'],
			['002', '山田', '2.5']
		]);
	});

	it('UTF-16BE with BOM', async () => {
		const r = ok(await parseBoth(fixture('utf16be.csv')));
		expect(r.encoding).toBe('utf-16be');
		expect(records(r)[1]).toEqual(['1', 'Zoë', '10']);
	});

	it('Shift_JIS: picker first (shift_jis guessed, preview), then parses with the choice', async () => {
		const first = await parseCsv(fixture('shift-jis.csv'));
		expect(first.status).toBe('needs-encoding');
		if (first.status !== 'needs-encoding') return;
		expect(first.guess).toBe('shift_jis');
		expect(first.candidates[0]!.preview.slice(0, 2)).toEqual([
			'顧客ID,会社名,区分,売上',
			'A001,山田商事,法人,1200'
		]);
		const r = ok(await parseBoth(fixture('shift-jis.csv'), { encoding: 'shift_jis' }));
		expect(records(r)).toEqual([
			['顧客ID', '会社名', '区分', '売上'],
			['A001', '山田商事', '法人', '1200'],
			['A002', 'カタカナ株式会社', '個人', '800']
		]);
	});

	it('Windows-1252: picker guesses windows-1252; parse with it (€ from byte 0x80)', async () => {
		const first = await parseCsv(fixture('windows-1252.csv'));
		expect(first.status === 'needs-encoding' && first.guess).toBe('windows-1252');
		const r = ok(await parseBoth(fixture('windows-1252.csv'), { encoding: 'windows-1252' }));
		expect(records(r)[1]).toEqual(['1', 'José', 'Zürich', '€5']);
	});

	it('semicolon + decimal comma: detected as ; and numbers read with decimal comma', async () => {
		const r = ok(await parseBoth(fixture('semicolon-decimal-comma.csv')));
		expect(r.dialect.delimiter).toBe(';');
		const p = profileTable(r.table.headers, r.table.columns, ',');
		expect(p[1]).toMatchObject({
			type: 'number',
			decimal: ',',
			decimalAmbiguous: false,
			min: 15.75,
			max: 2000
		});
		expect(p[2]).toMatchObject({ type: 'number', decimal: ',', min: 3, max: 12.5 });
	});

	it('Excel sep= line honoured and dropped', async () => {
		const r = ok(await parseBoth(fixture('sep-line.csv')));
		expect(r.dialect).toMatchObject({ delimiter: ';', source: 'sep-line' });
		expect(records(r)).toEqual([
			['id', 'value', 'note'],
			['1', '2,5', 'a'],
			['2', '3,5', 'b']
		]);
		expect(Array.from(r.table.rowNumbers)).toEqual([2, 3]);
	});

	it('unbalanced quote blocks and names the row', async () => {
		const r = await parseBoth(fixture('unbalanced-quote.csv'));
		expect(r.status).toBe('blocked');
		if (r.status === 'blocked')
			expect(r.issues).toEqual([expect.objectContaining({ code: 'MissingQuotes', row: 3 })]);
	});

	it('ragged rows listed (rows 3 and 4), not shifted', async () => {
		const r = ok(await parseBoth(fixture('ragged-rows.csv')));
		expect(r.issues.map((i) => [i.row, i.code])).toEqual([
			[3, 'TooFewFields'],
			[4, 'TooManyFields']
		]);
		expect(r.table.columns[0]).toEqual(['1', '4']);
	});

	it('blank trailing lines give no phantom row', async () => {
		const r = ok(await parseBoth(fixture('blank-trailing-lines.csv')));
		expect(r.table.rows).toBe(2);
		expect(r.issues).toEqual([]);
	});

	it('__proto__ / constructor / duplicate / blank / padded headers renamed, nothing dropped', async () => {
		const r = ok(await parseBoth(fixture('bad-headers.csv')));
		expect(r.table.headers).toEqual([
			'__proto___col',
			'id',
			'column_3',
			'id_2',
			'constructor_col',
			'name',
			'prototype_col'
		]);
		expect(r.table.headerNotes.map((n) => n.reason)).toEqual([
			'reserved',
			'blank',
			'duplicate',
			'reserved',
			'trimmed',
			'reserved'
		]);
		expect(r.table.columns.map((c) => c[0])).toEqual(['1', 'a', 'b', 'c', 'd', 'e', 'f']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('leading-zero IDs stay text, with zeros', async () => {
		const r = ok(await parseBoth(fixture('leading-zero-ids.csv')));
		const p = profileTable(r.table.headers, r.table.columns);
		expect(p.map((c) => [c.name, c.type, c.role])).toEqual([
			['account_id', 'text', 'account-id'],
			['zip', 'text', 'ignore'],
			['seats', 'number', 'metric']
		]);
		const b = buildTable(
			r.table,
			p.map((c) => ({ index: c.index, role: c.role, type: c.type }))
		);
		expect(b.ok && b.ids).toEqual(['0012345', '0000042', '1234567']);
		if (b.ok) {
			const zip = b.table.columns.get('zip');
			expect(zip?.kind === 'category' && zip.dictionary).toBeFalsy(); // zip is ignored
		}
	});

	it('formula and XSS cells are kept verbatim as text', async () => {
		const r = ok(await parseBoth(fixture('hostile-cells.csv')));
		expect(r.table.columns[1]).toEqual([
			'=HYPERLINK("http://evil.example","click")',
			'<img src=x onerror=alert(1)>',
			'+SUM(A1:A9)',
			'@cmd',
			'-2+3',
			'<script>alert("x")</script>'
		]);
		const p = profileTable(r.table.headers, r.table.columns);
		expect(p[1]!.type).toBe('text');
		const b = buildTable(r.table, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'metric', type: 'text' }
		]);
		const note = b.ok ? b.table.columns.get('note') : undefined;
		expect(note?.kind === 'category' && note.dictionary[1]).toBe('<img src=x onerror=alert(1)>');
	});

	it('dates: ambiguous column flagged, day-first / month-first detected, 年月日, serials, ISO with zone', async () => {
		const r = ok(await parseBoth(fixture('ambiguous-dates.csv')));
		const p = profileTable(r.table.headers, r.table.columns);
		const by = Object.fromEntries(p.map((c) => [c.name, c]));
		expect(by.ambiguous).toMatchObject({
			type: 'date',
			dateOrder: 'mdy',
			dateOrderAmbiguous: true
		});
		expect(by.day_first).toMatchObject({
			type: 'date',
			dateOrder: 'dmy',
			dateOrderAmbiguous: false
		});
		expect(by.month_first).toMatchObject({
			type: 'date',
			dateOrder: 'mdy',
			dateOrderAmbiguous: false
		});
		expect(by.japanese!.type).toBe('date');
		expect(by.slash_ymd!.type).toBe('date');
		expect(by.iso_zone!.type).toBe('date');
		expect(by.serial_date).toMatchObject({ type: 'date', excelSerial: true });
		const mapping: ColumnMapping[] = p.map((c) => ({
			index: c.index,
			role: c.name === 'id' ? 'account-id' : 'metric',
			type: c.type,
			dateOrder: c.name === 'ambiguous' ? 'dmy' : c.dateOrder, // the user's answer
			excelSerial: c.excelSerial
		}));
		const b = buildTable(r.table, mapping);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		const col = (n: string) => {
			const c = b.table.columns.get(n);
			return c?.kind === 'number' ? Array.from(c.values) : null;
		};
		const d = daysFromCivil;
		expect(col('ambiguous')).toEqual([d(2024, 2, 1), d(2024, 4, 3)]);
		expect(col('day_first')).toEqual([d(2024, 2, 13), d(2023, 12, 25)]);
		expect(col('month_first')).toEqual([d(2024, 2, 13), d(2023, 12, 25)]);
		expect(col('japanese')).toEqual([d(2024, 1, 2), d(2023, 12, 31)]);
		expect(col('slash_ymd')).toEqual([d(2024, 1, 2), d(2023, 12, 31)]);
		expect(col('iso_zone')).toEqual([d(2024, 1, 2), d(2023, 12, 31)]);
		expect(col('serial_date')).toEqual([d(2024, 1, 2), d(2023, 12, 31)]);
	});

	it('impossible date 2024-02-30 is rejected with row and column', async () => {
		const r = ok(await parseBoth(fixture('impossible-date.csv')));
		const b = buildTable(r.table, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'snapshot-date', type: 'date' }
		]);
		expect(b.ok).toBe(false);
		if (b.ok) return;
		expect(b.issues.map((i) => i.message)).toEqual([
			'row 3, column "date": "2024-02-30" is not a real calendar date',
			'row 4, column "date": "2023-02-29" is not a real calendar date'
		]);
	});

	it('full-width, ▲/△, parentheses, ¥, 円, U+2212 numbers', async () => {
		const r = ok(await parseBoth(fixture('fullwidth-negative-numbers.csv')));
		const p = profileTable(r.table.headers, r.table.columns);
		expect(p[1]).toMatchObject({ type: 'number', failures: 0, currency: true });
		const b = buildTable(r.table, [
			{ index: 0, role: 'account-id', type: 'text' },
			{ index: 1, role: 'metric', type: 'number', decimal: '.' }
		]);
		const c = b.ok ? b.table.columns.get('amount') : undefined;
		expect(c?.kind === 'number' && Array.from(c.values)).toEqual([
			1234, -1234, -500, -1234, 1234, 1234, -5, 2000
		]);
	});

	it('locale numbers: fr U+202F/NBSP groups, de-CH apostrophes, %, $', async () => {
		const r = ok(await parseBoth(fixture('locale-numbers.csv')));
		expect(r.dialect.delimiter).toBe('\t');
		const p = profileTable(r.table.headers, r.table.columns);
		expect(p.map((c) => [c.name, c.type, c.decimal])).toEqual([
			['id', 'number', '.'],
			['fr', 'number', ','],
			['de_ch', 'number', '.'],
			['de_ch_typo', 'number', '.'],
			['percent', 'number', '.'],
			['dollars', 'number', '.']
		]);
		expect(p[4]!.percent).toBe(true);
		const b = buildTable(
			r.table,
			p.map((c) => ({
				index: c.index,
				role: c.index === 0 ? 'account-id' : 'metric',
				type: 'number',
				decimal: c.decimal
			}))
		);
		expect(b.ok).toBe(true);
		if (!b.ok) return;
		const v = (n: string) => {
			const c = b.table.columns.get(n);
			return c?.kind === 'number' ? Array.from(c.values) : null;
		};
		expect(v('fr')).toEqual([1234.5, 2000.25]);
		expect(v('de_ch')).toEqual([1234.5, 2000.25]);
		expect(v('de_ch_typo')).toEqual([1234.5, 2000.25]);
		expect(v('percent')).toEqual([45, 7.5]);
		expect(v('dollars')).toEqual([1200, 3400.5]);
	});

	it('same file twice → identical result', async () => {
		const a = await parseCsv(fixture('semicolon-decimal-comma.csv'));
		const b = await parseCsv(fixture('semicolon-decimal-comma.csv'));
		expect({ ...a, elapsedMs: 0 }).toEqual({ ...b, elapsedMs: 0 });
	});
});

import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/data/export/csv';
import { csvCells } from './csv-download';

describe('csvCells (the CsvButton table → CSV cells)', () => {
	it('turns numeric text into numbers, blanks into empty cells, and keeps other text as text', () => {
		const { header, cells } = csvCells([
			['Tier', 'Accounts', 'Rate', 'Note'],
			['Red', '1234', '-0.25', ''],
			['Green', '1e3', '.5', '=SUM(A1)']
		]);
		expect(header).toEqual(['Tier', 'Accounts', 'Rate', 'Note']);
		expect(cells).toEqual([
			['Red', 1234, -0.25, null],
			['Green', 1000, 0.5, '=SUM(A1)']
		]);
	});

	it('a negative number stays a number in the file, while formula-looking text is neutralised', () => {
		const { header, cells } = csvCells([
			['a', 'b'],
			['-3', '-cmd']
		]);
		const text = toCsv(header, cells);
		const line = text.replace(/^\uFEFF/, '').split('\r\n')[1] ?? '';
		// "-3" is a number (written as is); "-cmd" is text a spreadsheet would run: quoted with a '.
		expect(line.startsWith('-3,')).toBe(true);
		expect(line).not.toBe('-3,-cmd');
	});

	it('an empty table gives an empty header and no rows', () => {
		expect(csvCells([])).toEqual({ header: [], cells: [] });
	});
});

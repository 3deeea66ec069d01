/** Pure helpers for one account's drill-down: its raw values at a row, and its score trend. */
import type { AccountValues, ColumnTable } from '$lib/model/types';
import type { Snapshots } from '$lib/portfolio/snapshots';

/** Raw values of a row by column name (category → text, NaN → null). */
export function valuesAt(table: ColumnTable, row: number): AccountValues {
	const out: AccountValues = {};
	for (const [name, col] of table.columns) {
		if (col.kind === 'number') {
			const v = col.values[row]!;
			out[name] = Number.isNaN(v) ? null : v;
		} else {
			const c = col.codes[row]!;
			out[name] = c < 0 ? null : (col.dictionary[c] ?? null);
		}
	}
	return out;
}

/** [epoch day, shown score] of each snapshot of account `a`, oldest first. */
export function trendOf(
	s: Snapshots,
	a: number,
	dates: Float64Array | null,
	shown: Float64Array
): [number, number][] {
	if (!dates) return [];
	const out: [number, number][] = [];
	for (let k = s.offsets[a]!; k < s.offsets[a + 1]!; k++) {
		const r = s.order[k]!;
		if (!Number.isNaN(dates[r]!)) out.push([dates[r]!, shown[r]!]);
	}
	return out;
}

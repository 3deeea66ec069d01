/**
 * The score history's first path, kept as the oracle for tests (never imported by the product):
 * at each grid day, the point-in-time selection (horizon 0) gathered and scored with the
 * reference engine (`scoreTable`), written per account like `buildScoreHistory`.
 */
import { scoreTable } from '$lib/model/score';
import type { ColumnTable, Model } from '$lib/model/types';
import { gatherTable } from '../asof';
import { ABSENT } from '../history';
import { accountIndex, selectPointInTime, type SnapshotRows } from '../select';

export function historyByScoreTable(
	data: SnapshotRows,
	table: ColumnTable,
	model: Model,
	gridDays: readonly number[]
): { score: Float32Array[]; tier: Int8Array[]; rows: Int32Array[] } {
	const { of, count } = accountIndex(data.account);
	const out = { score: [] as Float32Array[], tier: [] as Int8Array[], rows: [] as Int32Array[] };
	for (const D of gridDays) {
		const sel = selectPointInTime(data, { asOfDay: D, horizonDays: 0, dataEndDay: Infinity });
		const r = scoreTable(model, gatherTable(table, sel.rows));
		const score = new Float32Array(count).fill(NaN);
		const tier = new Int8Array(count).fill(ABSENT);
		sel.rows.forEach((row, j) => {
			score[of[row]!] = r.score[j]!;
			tier[of[row]!] = r.tier[j]!;
		});
		out.score.push(score);
		out.tier.push(tier);
		out.rows.push(Int32Array.from(sel.rows).sort());
	}
	return out;
}

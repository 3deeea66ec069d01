/**
 * Building a round from a dataset and a model: the candidate rows, the picked rows, and each
 * card's raw values (one per model column, formatted as the model's metric shows it). Pure.
 */
import { formatRaw } from '$lib/model/explain';
import { allMetrics } from '$lib/model/structure';
import type { ColumnTable, Model, RawValue } from '$lib/model/types';
import {
	cardRef,
	latestRowPerAccount,
	pickRows,
	roundId,
	type PickMethod,
	type Round,
	type RoundCard
} from './round';

/** One cell as the model reads it: number, category text, yes/no for boolean schemes, or null. */
export function rawCell(
	table: ColumnTable,
	column: string,
	row: number,
	asBoolean: boolean
): RawValue {
	const col = table.columns.get(column);
	if (!col) return null;
	if (col.kind === 'number') {
		const x = col.values[row]!;
		if (Number.isNaN(x)) return null;
		return asBoolean ? x !== 0 : x;
	}
	const code = col.codes[row]!;
	return code < 0 ? null : (col.dictionary[code] ?? null);
}

/** A card's values: each model column once, in model order; a missing value shows as `—`. */
export function cardValues(model: Model, table: ColumnTable, row: number): RoundCard['values'] {
	const seen = new Set<string>();
	const out: RoundCard['values'] = [];
	for (const m of allMetrics(model)) {
		if (seen.has(m.column) || !table.columns.has(m.column)) continue;
		seen.add(m.column);
		const raw = rawCell(table, m.column, row, m.scheme.kind === 'boolean');
		out.push({ label: m.name, text: raw === null ? '—' : formatRaw(m, raw) });
	}
	return out;
}

export interface RoundInput {
	title: string;
	count: number;
	method: PickMethod;
	seed: number;
	model: Model;
	datasetId: string;
	ids: readonly string[];
	table: ColumnTable;
	/** Snapshot date per row (epoch days), or null for one row per account. */
	dates: Float64Array | null;
	/** Full-precision scores per row (stratified picks), or null. */
	scores: Float64Array | null;
}

/** Pick the accounts and build the round (cards A, B, … in a shuffled order). */
export function buildRound(input: RoundInput): Round {
	const candidates = latestRowPerAccount(input.ids, input.dates);
	const rows = pickRows(candidates, input.count, input.method, input.seed, input.scores);
	return {
		v: 1,
		id: roundId(input.seed),
		title: input.title.trim().slice(0, 200),
		cards: rows.map((r, i) => ({
			ref: cardRef(i),
			values: cardValues(input.model, input.table, r)
		})),
		dimensions: input.model.dimensions.map((d) => ({ id: d.id, name: d.name })),
		rows,
		accountIds: rows.map((r) => input.ids[r] ?? ''),
		method: input.method,
		seed: input.seed,
		datasetId: input.datasetId,
		modelId: input.model.id
	};
}

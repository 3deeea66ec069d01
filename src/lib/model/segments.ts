/**
 * Segments: rows whose segment value has an override are scored with an effective model (the
 * base model with that override's weights and tiers). Group 0 is the base model; group k + 1 is
 * `model.segments.overrides[k]`.
 */
import type { Column, ColumnTable, Model, SegmentOverride } from './types';

/** The base model with one segment override's weights (by dimension or metric id) and tiers. */
export function applyOverride(model: Model, override: SegmentOverride): Model {
	const weights = new Map<string, number>();
	for (const w of override.weights ?? []) weights.set(w.id, w.weight);
	return {
		...model,
		tiers: override.tiers ?? model.tiers,
		dimensions: model.dimensions.map((d) => ({
			...d,
			weight: weights.get(d.id) ?? d.weight,
			metrics: d.metrics.map((m) => ({ ...m, weight: weights.get(m.id) ?? m.weight }))
		}))
	};
}

/** The effective model of each group: `[base, override 0, override 1, …]`. */
export function effectiveModels(model: Model): Model[] {
	const overrides = model.segments?.overrides ?? [];
	return [model, ...overrides.map((o) => applyOverride(model, o))];
}

/** The segment column of a table, if the model has segments and the table has that column. */
export function segmentColumn(model: Model, table: ColumnTable): Column | null {
	const name = model.segments?.column;
	return name === undefined ? null : (table.columns.get(name) ?? null);
}

/** Segment value of row i as text (`String(value)` for a number column), or null if missing. */
export function segmentValueAt(column: Column, i: number): string | null {
	if (column.kind === 'category') {
		const code = column.codes[i]!;
		return code < 0 ? null : (column.dictionary[code] ?? null);
	}
	const x = column.values[i]!;
	return Number.isNaN(x) ? null : String(x);
}

/**
 * Group of each row (0 = base model, k + 1 = override k), or null when every row uses the base
 * model. A category column maps its dictionary once and then indexes by code.
 */
export function segmentGroups(model: Model, table: ColumnTable): Int32Array | null {
	const overrides = model.segments?.overrides ?? [];
	const column = segmentColumn(model, table);
	if (!column || overrides.length === 0) return null;
	const byValue = new Map<string, number>();
	overrides.forEach((o, k) => byValue.set(o.value, k + 1));
	const out = new Int32Array(table.n);
	if (column.kind === 'category') {
		const byCode = Int32Array.from(column.dictionary, (s) => byValue.get(s) ?? 0);
		for (let i = 0; i < table.n; i++) {
			const c = column.codes[i]!;
			out[i] = c < 0 ? 0 : byCode[c]!;
		}
		return out;
	}
	for (let i = 0; i < table.n; i++) {
		const x = column.values[i]!;
		out[i] = Number.isNaN(x) ? 0 : (byValue.get(String(x)) ?? 0);
	}
	return out;
}

/**
 * A dense key per distinct segment value (missing values share one key, like SQL's NULL
 * partition), for ranking within segments. Null when the model or table has no segment column.
 */
export function segmentKeys(model: Model, table: ColumnTable): Int32Array | null {
	const column = segmentColumn(model, table);
	if (!column) return null;
	const out = new Int32Array(table.n);
	if (column.kind === 'category') {
		for (let i = 0; i < table.n; i++) out[i] = column.codes[i]! + 1;
		return out;
	}
	const keys = new Map<number, number>();
	for (let i = 0; i < table.n; i++) {
		const x = column.values[i]!;
		if (Number.isNaN(x)) continue;
		let k = keys.get(x);
		if (k === undefined) keys.set(x, (k = keys.size + 1));
		out[i] = k;
	}
	return out;
}

/**
 * Does a model fit a dataset? The metric columns the dataset lacks, and a "map by name" repair
 * that points each missing column at a dataset column with the same name once case, spaces,
 * underscores and dashes are ignored (`Seat Utilisation %` ↔ `seat_utilisation_pct` is not
 * guessed: only exact matches after normalising). Pure.
 */
import type { Model } from '$lib/model/types';

/** Lower case, letters and digits only. */
export function normaliseName(name: string): string {
	return name.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Metric columns of the model that are not in `columns`, in model order, without repeats. */
export function missingColumns(model: Model, columns: readonly string[]): string[] {
	const have = new Set(columns);
	const out: string[] = [];
	for (const d of model.dimensions)
		for (const m of d.metrics)
			if (!have.has(m.column) && !out.includes(m.column)) out.push(m.column);
	return out;
}

/** Missing metric columns re-pointed at same-named dataset columns; `mapped` lists the pairs. */
export function mapByName(
	model: Model,
	columns: readonly string[]
): { model: Model; mapped: [string, string][] } {
	const byNorm = new Map<string, string>();
	for (const c of columns) if (!byNorm.has(normaliseName(c))) byNorm.set(normaliseName(c), c);
	const missing = new Set(missingColumns(model, columns));
	const mapped = new Map<string, string>();
	for (const col of missing) {
		const hit = byNorm.get(normaliseName(col));
		if (hit) mapped.set(col, hit);
	}
	if (mapped.size === 0) return { model, mapped: [] };
	const dimensions = model.dimensions.map((d) => ({
		...d,
		metrics: d.metrics.map((m) =>
			mapped.has(m.column) ? { ...m, column: mapped.get(m.column)! } : m
		)
	}));
	return { model: { ...model, dimensions }, mapped: [...mapped] };
}

/**
 * A recipe for a model without one: the dataset's own table as one source (snapshot grain when
 * it has a snapshot date, else account grain), one feature per column the model reads (the
 * latest value at or before each as-of date), so the dbt package can be made for any model.
 */
import type { Model } from '$lib/model/types';
import { RECIPE_SCHEMA_VERSION, type Recipe } from '$lib/sources/types';
import type { PipelineColumnType } from '../sql/pipeline';

export interface SingleTable {
	/** Account id column. */
	id: string;
	/** Snapshot date column, if any. */
	date: string | null;
	/** Column → type as the dataset holds it. */
	types: Record<string, PipelineColumnType>;
	/** Columns to read (default: the model's metric and segment columns). */
	columns?: readonly string[];
}

export const SINGLE_SOURCE = 'accounts';

/** The recipe and the warehouse column types of the single source. */
export function singleTableRecipe(
	model: Model,
	t: SingleTable
): { recipe: Recipe; columnTypes: Record<string, Record<string, PipelineColumnType>> } {
	const columns = [
		...new Set(
			t.columns ?? [
				...model.dimensions.flatMap((d) => d.metrics.map((m) => m.column)),
				...(model.segments ? [model.segments.column] : [])
			]
		)
	].filter((c) => c !== t.id && c !== t.date);
	const recipe: Recipe = {
		schemaVersion: RECIPE_SCHEMA_VERSION,
		sources: [
			t.date
				? { name: SINGLE_SOURCE, grain: 'snapshot', key: t.id, time: t.date }
				: { name: SINGLE_SOURCE, grain: 'account', key: t.id }
		],
		accounts: null,
		grid: { kind: 'snapshot-dates', source: SINGLE_SOURCE },
		features: columns.map((c) =>
			t.date
				? { id: c, name: c, source: SINGLE_SOURCE, kind: 'snapshot' as const, column: c }
				: { id: c, name: c, source: SINGLE_SOURCE, kind: 'account' as const, column: c }
		),
		outcome: { kind: 'none' }
	};
	const types: Record<string, PipelineColumnType> = {};
	for (const c of columns) types[c] = t.types[c] ?? 'number';
	return { recipe, columnTypes: { [SINGLE_SOURCE]: types } };
}

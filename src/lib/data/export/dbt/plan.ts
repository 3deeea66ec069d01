/**
 * What the dbt package (and the pipeline SQL) needs from the user's dataset, decided in the
 * pure core rather than in the Actions screen: the recipe (the model's own, or one built from
 * the dataset's single table), the warehouse column types, the derived metrics the model reads
 * (with the derived columns they read, in the dataset's order), each row's as-of date and the
 * list of as-of dates. Pure: no DOM, no clock (today is given).
 */
import { epochDayToIso, type Dataset, type DatasetMeta } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import type { Recipe } from '$lib/sources/types';
import type { PipelineColumnType } from '../sql/pipeline';
import { impliedColumnTypes } from '../sql/pipeline';
import type { DerivedColumnSql } from '../sql/derived';
import { singleTableRecipe } from './single-table';

export interface ExportPlan {
	recipe: Recipe;
	columnTypes: Record<string, Record<string, PipelineColumnType>>;
	/** Derived metrics the model reads (directly or through another derived column), in order. */
	derived: DerivedColumnSql[];
	/** ISO as-of date of each dataset row (today for rows without a snapshot date). */
	asOf: string[];
	/** The as-of dates to list in the package when the grid is read from a snapshot source. */
	asOfDates: string[] | undefined;
}

/** Columns a derived definition reads. */
function inputsOf(spec: DerivedColumnSql['spec']): string[] {
	return spec.kind === 'ratio' ? [spec.numerator, spec.denominator] : [spec.column];
}

/** The model's columns (metrics and segment). */
function modelColumns(model: Model): string[] {
	return [
		...new Set([
			...model.dimensions.flatMap((d) => d.metrics.map((m) => m.column)),
			...(model.segments ? [model.segments.column] : [])
		])
	];
}

/**
 * The derived columns the model needs, in the dataset's column order (an earlier one may be
 * read by a later one), and the plain columns they and the model read.
 */
export function neededDerived(
	model: Model,
	meta: DatasetMeta
): { derived: DerivedColumnSql[]; plain: string[] } {
	const defs = new Map(
		meta.columns.filter((c) => c.derived).map((c) => [c.name, c.derived!] as const)
	);
	const need = new Set<string>();
	const plain = new Set<string>();
	const visit = (c: string) => {
		const spec = defs.get(c);
		if (!spec) return void plain.add(c);
		if (need.has(c)) return;
		need.add(c);
		inputsOf(spec).forEach(visit);
	};
	modelColumns(model).forEach(visit);
	return {
		derived: meta.columns
			.filter((c) => c.derived && need.has(c.name))
			.map((c) => ({ name: c.name, spec: c.derived! })),
		plain: [...plain]
	};
}

/** Plan the export of `model` on `dataset` (`today`: ISO date for rows without a snapshot date). */
export function exportPlan(model: Model, dataset: Dataset, today: string): ExportPlan {
	const cols = dataset.meta.columns;
	const dateCol = cols.find((c) => c.role === 'snapshot-date')?.name ?? null;
	const idCol = cols.find((c) => c.role === 'account-id')?.name ?? 'account_id';
	const dateValues = dateCol ? dataset.table.columns.get(dateCol) : undefined;
	const asOf = Array.from({ length: dataset.table.n }, (_, i) =>
		dateValues?.kind === 'number' && Number.isFinite(dateValues.values[i]!)
			? epochDayToIso(dateValues.values[i]!)
			: today
	);
	const dates = [...new Set(asOf)].sort();
	const { derived, plain } = neededDerived(model, dataset.meta);
	const text = new Set(
		cols.filter((c) => c.type === 'category' || c.type === 'text').map((c) => c.name)
	);
	let recipe = model.recipe ?? null;
	let columnTypes: Record<string, Record<string, PipelineColumnType>>;
	if (recipe) columnTypes = impliedColumnTypes(recipe, text);
	else {
		const types: Record<string, PipelineColumnType> = {};
		for (const c of cols)
			types[c.name] = text.has(c.name) ? 'text' : c.type === 'date' ? 'date' : 'number';
		const single = singleTableRecipe(model, { id: idCol, date: dateCol, types, columns: plain });
		recipe = single.recipe;
		columnTypes = single.columnTypes;
	}
	return {
		recipe,
		columnTypes,
		derived,
		asOf,
		asOfDates: recipe.grid.kind === 'snapshot-dates' ? dates : undefined
	};
}

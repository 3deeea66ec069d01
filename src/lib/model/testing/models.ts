/** Builders for engine tests: small models and column tables from plain rows. */
import { DEFAULT_TIERS } from '../templates';
import type { Column, ColumnTable, Dimension, Metric, Model, Scheme } from '../types';

/** A metric reading column `id`, linear 0→100 higher-is-better unless overridden. */
export function metric(id: string, over: Partial<Metric> = {}): Metric {
	return {
		id,
		name: id,
		column: id,
		direction: 'higher',
		scheme: { kind: 'linear', worst: 0, best: 100 },
		weight: 1,
		missing: 'exclude',
		timing: 'leading',
		...over
	};
}

/** A dimension of weight 1 with the given metrics. */
export function dimension(id: string, metrics: Metric[], over: Partial<Dimension> = {}): Dimension {
	return { id, name: id, weight: 1, metrics, ...over };
}

/** A model with default tiers and minCoverage 0. */
export function model(dimensions: Dimension[], over: Partial<Model> = {}): Model {
	return {
		schemaVersion: 1,
		id: 'test',
		name: 'Test',
		dimensions,
		tiers: DEFAULT_TIERS.map((t) => ({ ...t })),
		minCoverage: 0,
		...over
	};
}

/** One metric `m` with a scheme, in one dimension. */
export function oneMetric(scheme: Scheme, over: Partial<Metric> = {}): Model {
	return model([dimension('d', [metric('m', { scheme, ...over })])]);
}

type Cell = number | string | boolean | null | undefined;

/**
 * A column table from rows. A column whose non-missing cells are all strings becomes a category
 * column; otherwise a number column (booleans 1 / 0; null / undefined → NaN).
 */
export function tableOf(rows: Record<string, Cell>[], names?: string[]): ColumnTable {
	const cols = names ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
	const columns = new Map<string, Column>();
	for (const name of cols) {
		const cells = rows.map((r) => r[name]);
		const present = cells.filter((c) => c !== null && c !== undefined);
		if (present.length > 0 && present.every((c) => typeof c === 'string')) {
			const dictionary = [...new Set(present as string[])];
			const codes = Int32Array.from(cells, (c) =>
				typeof c === 'string' ? dictionary.indexOf(c) : -1
			);
			columns.set(name, { kind: 'category', codes, dictionary });
		} else {
			const values = Float64Array.from(cells, (c) =>
				c === null || c === undefined ? NaN : Number(c)
			);
			columns.set(name, { kind: 'number', values });
		}
	}
	return { n: rows.length, columns };
}

/** A number-column table from column arrays. */
export function numberTable(cols: Record<string, number[]>): ColumnTable {
	const columns = new Map<string, Column>();
	let n = 0;
	for (const [name, values] of Object.entries(cols)) {
		columns.set(name, { kind: 'number', values: Float64Array.from(values) });
		n = values.length;
	}
	return { n, columns };
}

/**
 * Scored-accounts export and the one-line driver of an account ("Support experience: 9 of 25
 * points lost"), computed from a table's dimension scores without re-scoring: the same arithmetic
 * as `scoreAccount`'s breakdown (weight share re-normalised over the dimensions that have a score,
 * segment weights applied) and the same ranking as `rankDrivers` (most points lost, model order on
 * ties). Cheap enough for every row of an export; the worklist calls it only for rows on show.
 */
import { effectiveModels, segmentGroups } from '$lib/model';
import type { ColumnTable, Model } from '$lib/model/types';
import { yieldToPage, type CsvCell } from './csv';
import { pct } from './model-card';

/** The dimension that cost an account the most points. */
export interface Driver {
	/** Index into `model.dimensions`. */
	dimension: number;
	name: string;
	/** Points of the account score (0–100) this dimension lost: share × (100 − score). */
	pointsLost: number;
	/** Most points it could give: share × 100. */
	pointsMax: number;
}

/**
 * A driver finder for one table: `(row) => Driver | null` (null when no dimension has a score).
 * `dimensions` are the per-row dimension scores of a `ScoreResult` (NaN = missing).
 * Segment groups are worked out once, here.
 */
export function driverFinder(
	model: Model,
	table: ColumnTable,
	dimensions: readonly Float64Array[]
): (row: number) => Driver | null {
	const models = effectiveModels(model);
	const groups = segmentGroups(model, table);
	return (row) => {
		const m = models[groups ? groups[row]! : 0] ?? model;
		let total = 0;
		for (let j = 0; j < m.dimensions.length; j++) {
			const s = dimensions[j]?.[row];
			const w = m.dimensions[j]!.weight;
			if (s !== undefined && s === s && w > 0) total += w;
		}
		if (total <= 0) return null;
		let best: Driver | null = null;
		for (let j = 0; j < m.dimensions.length; j++) {
			const s = dimensions[j]?.[row];
			const d = m.dimensions[j]!;
			if (s === undefined || s !== s || d.weight <= 0) continue;
			const share = d.weight / total;
			const lost = share * 100 - share * s;
			if (!best || lost > best.pointsLost)
				best = { dimension: j, name: d.name, pointsLost: lost, pointsMax: share * 100 };
		}
		return best;
	};
}

/** Whole points, but one decimal below 10 when not whole (so 0.4 does not read as 0). */
function points(x: number): string {
	const r = Math.round(x);
	if (Math.abs(x - r) < 0.05 || Math.abs(x) >= 10) return String(r);
	return x.toFixed(1);
}

/** A driver's name and its points lost and at stake, as shown (`9`, `25`, `0.4`). */
export function driverFigures(d: Driver): { name: string; lost: string; max: string } {
	return { name: d.name, lost: points(d.pointsLost), max: points(d.pointsMax) };
}

/**
 * One line for a driver in English, for the exported files, e.g. `Support experience: 9 of 25
 * points lost`; '' for null. The worklist on screen says it in the UI language (`act.wl.driver`).
 */
export function driverText(d: Driver | null): string {
	if (!d) return '';
	const f = driverFigures(d);
	return `${f.name}: ${f.lost} of ${f.max} points lost`;
}

/** What the scored export reads. Rows are table rows (e.g. the latest snapshot per account). */
export interface ScoredExportInput {
	/** The model the scores came from. */
	model: Model;
	table: ColumnTable;
	/** Account id of each exported row, same order as `rows`. */
	ids: readonly string[];
	rows: ArrayLike<number>;
	score: Float64Array;
	shown: Float64Array;
	/** Tier index per row into the tiers in force for that row (−1 = not scored). */
	tier: Int8Array;
	dimensions: readonly Float64Array[];
	/** Flags of the k-th exported row as text (e.g. `Score dropped; Usage down`). */
	flags?: (k: number) => string;
}

/** Column header of the scored CSV (dimension columns are `dim_<id>`, as in the SQL export). */
export function scoredHeader(model: Model): string[] {
	return [
		'account_id',
		'score',
		'shown',
		'tier',
		...model.dimensions.map((d) => `dim_${d.id}`),
		'flags',
		'top_driver'
	];
}

/**
 * Header and rows of the scored CSV: id, full-precision score (a number, never rounded), shown
 * score, tier name (`Not scored` when not scored), each dimension score, flags and the top
 * driver. Missing numbers are empty cells. Feed to `toCsv` (formula-safe, BOM, CRLF).
 */
export function scoredRows(input: ScoredExportInput): { header: string[]; rows: CsvCell[][] } {
	const line = scoredLine(input);
	const out: CsvCell[][] = new Array<CsvCell[]>(input.rows.length);
	for (let k = 0; k < out.length; k++) out[k] = line(k);
	return { header: scoredHeader(input.model), rows: out };
}

/**
 * `scoredRows` in slices of `sliceRows` rows with a yield to the page between them (a
 * 200-metric model on 100k accounts held the page 4.6 s in one piece). Same rows (tested).
 */
export async function scoredRowsSliced(
	input: ScoredExportInput,
	sliceRows = 2000
): Promise<{ header: string[]; rows: CsvCell[][] }> {
	const line = scoredLine(input);
	const out: CsvCell[][] = new Array<CsvCell[]>(input.rows.length);
	for (let k = 0; k < out.length; k++) {
		if (k > 0 && k % sliceRows === 0) await yieldToPage();
		out[k] = line(k);
	}
	return { header: scoredHeader(input.model), rows: out };
}

/** The k-th exported row's cells. */
function scoredLine(input: ScoredExportInput): (k: number) => CsvCell[] {
	const { model, table, rows } = input;
	const models = effectiveModels(model);
	const groups = segmentGroups(model, table);
	const driver = driverFinder(model, table, input.dimensions);
	return (k) => {
		const r = rows[k]!;
		const t = input.tier[r]!;
		const tiers = (models[groups ? groups[r]! : 0] ?? model).tiers;
		const line: CsvCell[] = [
			input.ids[k] ?? '',
			input.score[r],
			input.shown[r],
			t >= 0 ? (tiers[t]?.name ?? '') : 'Not scored'
		];
		for (let j = 0; j < model.dimensions.length; j++) line.push(input.dimensions[j]?.[r]);
		line.push(input.flags?.(k) ?? '', driverText(driver(r)));
		return line;
	};
}

/** Columns a model reads: every metric's column and the segment column. */
export function modelColumns(model: Model): string[] {
	const out = new Set(model.dimensions.flatMap((d) => d.metrics.map((m) => m.column)));
	if (model.segments) out.add(model.segments.column);
	return [...out];
}

/** Whether any metric ranks against other accounts (its points need the whole table). */
export function hasPercentile(model: Model): boolean {
	return model.dimensions.some((d) => d.metrics.some((m) => m.scheme.kind === 'percentile'));
}

/** A 1-row table of `row` with only `columns` (category dictionaries shared, not copied). */
export function rowTable(table: ColumnTable, row: number, columns: readonly string[]): ColumnTable {
	const out: ColumnTable = { n: 1, columns: new Map() };
	for (const name of columns) {
		const c = table.columns.get(name);
		if (!c) continue;
		out.columns.set(
			name,
			c.kind === 'number'
				? { kind: 'number', values: Float64Array.of(c.values[row]!) }
				: { kind: 'category', codes: Int32Array.of(c.codes[row]!), dictionary: c.dictionary }
		);
	}
	return out;
}

/**
 * The legend of the scored CSV: one row per column of {@link scoredHeader}, in the same order,
 * saying what it holds in plain words; a `dim_<id>` column names its dimension, its share of the
 * score and the metrics (and data columns) behind it. A companion file rather than comment lines
 * in the CSV itself, so the scored CSV stays one header row + data for any tool that reads it.
 */
export function scoredLegend(model: Model): { header: string[]; rows: CsvCell[][] } {
	const total = model.dimensions.reduce((a, d) => a + Math.max(0, d.weight), 0);
	const dims = model.dimensions.map((d): CsvCell[] => {
		const share = total > 0 ? pct(Math.max(0, d.weight) / total) : '0';
		const metrics = d.metrics.map((m) => `${m.name} (column ${m.column})`).join('; ');
		return [
			`dim_${d.id}`,
			d.name,
			`Score of the dimension “${d.name}”, 0–100 (${share} % of the score), from ${metrics || 'no metrics'}. Empty when none of its metrics has data for the account.`
		];
	});
	const rows: CsvCell[][] = [
		['account_id', 'Account', 'The account’s id, as in the dataset.'],
		[
			'score',
			'Health score',
			'The score 0–100 at full precision (never rounded). Empty when the account is not scored.'
		],
		[
			'shown',
			'Shown score',
			'The score as shown on screen: rounded half up to a whole number. Tiers are decided on it.'
		],
		[
			'tier',
			'Tier',
			`The tier name (${model.tiers.map((t) => t.name).join(', ')}), or “Not scored” when too little of the model's weight has data.`
		],
		...dims,
		['flags', 'Flags', 'Early-warning flags raised for the account, separated by “; ”.'],
		[
			'top_driver',
			'Top driver',
			'The dimension that cost the account the most points, e.g. “Support experience: 9 of 25 points lost”.'
		]
	];
	return { header: ['column', 'name', 'meaning'], rows };
}

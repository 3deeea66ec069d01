/**
 * The rows of the dbt unit test, computed by the browser: a sample of the user's own accounts
 * (edge cases first: not scored, exactly on a tier boundary, a dimension with no data, then one
 * account per tier), given to `hsw_scores` as `hsw_dimension_scores` rows and expected back with
 * the browser's score, shown score, tier and top driver.
 */
import { scoreTable, effectiveModels, segmentGroups } from '$lib/model';
import { segmentColumn } from '$lib/model/segments';
import type { ColumnTable, Model } from '$lib/model/types';
import { driverFinder } from '../scored';

/** One `hsw_dimension_scores` row given to the unit test. */
export type GivenRow = Record<string, string | number | null>;
/** One `hsw_scores` row the unit test expects. */
export type ExpectRow = Record<string, string | number | null>;

export interface UnitSample {
	given: GivenRow[];
	expect: ExpectRow[];
	/** Why each row was picked, in the same order (for the README and the test description). */
	why: string[];
}

export interface SampleInput {
	model: Model;
	/** The feature table as the browser scores it (one as-of date's rows are scored together). */
	table: ColumnTable;
	ids: readonly string[];
	/** ISO as-of date of each row (rows sharing a date are one population). */
	asOf: readonly string[];
	/** Most rows in the sample (default 12). */
	size?: number;
}

function gather(table: ColumnTable, rows: number[]): ColumnTable {
	const columns = new Map<
		string,
		ColumnTable['columns'] extends Map<string, infer C> ? C : never
	>();
	for (const [name, col] of table.columns) {
		if (col.kind === 'number')
			columns.set(name, { kind: 'number', values: Float64Array.from(rows, (i) => col.values[i]!) });
		else
			columns.set(name, {
				kind: 'category',
				dictionary: col.dictionary,
				codes: Int32Array.from(rows, (i) => col.codes[i]!)
			});
	}
	return { n: rows.length, columns };
}

const nn = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Score the table per as-of date (each date its own population, as the Backtest and the SQL do)
 * and pick the sample. Every value is the browser's own number, at full precision.
 */
export function unitSample(input: SampleInput): UnitSample {
	const { model } = input;
	const size = input.size ?? 12;
	const byDate = new Map<string, number[]>();
	input.asOf.forEach((d, i) => {
		const list = byDate.get(d);
		if (list) list.push(i);
		else byDate.set(d, [i]);
	});
	interface Scored {
		given: GivenRow;
		expect: ExpectRow;
		score: number;
		shown: number;
		tierMins: number[];
		missingDim: boolean;
		coverage: number;
		tier: string | null;
	}
	const all: Scored[] = [];
	const tiersOf = effectiveModels(model).map((m) => m.tiers);
	for (const [date, rows] of byDate) {
		const sub = gather(input.table, rows);
		const r = scoreTable(model, sub);
		const groups = segmentGroups(model, sub);
		const seg = segmentColumn(model, sub);
		const driver = driverFinder(model, sub, r.dimensions);
		rows.forEach((row, j) => {
			const tiers = tiersOf[groups ? groups[j]! : 0]!;
			const t = r.tier[j]!;
			const given: GivenRow = { account_id: input.ids[row]!, as_of_date: date };
			if (model.segments)
				given.segment = !seg
					? null
					: seg.kind === 'number'
						? nn(seg.values[j]!)
						: seg.codes[j]! < 0
							? null
							: seg.dictionary[seg.codes[j]!]!;
			model.dimensions.forEach((dim, k) => (given[`dim_${dim.id}`] = nn(r.dimensions[k]![j]!)));
			given.coverage = r.coverage[j]!;
			const tier = t < 0 ? null : tiers[t]!.name;
			all.push({
				given,
				expect: {
					account_id: input.ids[row]!,
					as_of_date: date,
					score: nn(r.score[j]!),
					shown_score: nn(r.shown[j]!),
					tier,
					top_driver: driver(j)?.name ?? null
				},
				score: r.score[j]!,
				shown: r.shown[j]!,
				tierMins: tiers.map((x) => x.min),
				missingDim: r.dimensions.some((d) => Number.isNaN(d[j]!)),
				coverage: r.coverage[j]!,
				tier
			});
		});
	}
	const picked: { s: Scored; why: string }[] = [];
	const take = (s: Scored | undefined, why: string) => {
		if (s && picked.length < size && !picked.some((p) => p.s === s)) picked.push({ s, why });
	};
	const notScored = all.filter((s) => Number.isNaN(s.score));
	notScored.slice(0, 2).forEach((s) => take(s, 'not scored (too little data)'));
	// Missing values: a dimension with no data first, then metrics without a value (coverage
	// below 1); scored accounts first.
	const missing = all.filter(
		(s) => (s.missingDim || s.coverage < 1) && !picked.some((p) => p.s === s)
	);
	const rank = (s: Scored) => (s.missingDim ? 0 : 2) + (Number.isNaN(s.score) ? 1 : 0);
	missing.sort((a, b) => rank(a) - rank(b));
	missing
		.slice(0, 2)
		.forEach((s) =>
			take(
				s,
				s.missingDim ? 'a dimension with no data' : 'missing metric values (coverage below 1)'
			)
		);
	const boundary = all.filter((s) => !Number.isNaN(s.shown) && s.tierMins.includes(s.shown));
	// The closest to the rounding edge first (e.g. 79.5 shown as 80).
	boundary.sort((a, b) => Math.abs(a.score - a.shown) - Math.abs(b.score - b.shown));
	boundary.slice(0, 3).forEach((s) => take(s, `exactly on a tier boundary (shown ${s.shown})`));
	const below = all.filter((s) => !Number.isNaN(s.shown) && s.tierMins.includes(s.shown + 1));
	below.slice(0, 2).forEach((s) => take(s, `one point below a tier (shown ${s.shown})`));
	const tiers = [...new Set(all.map((s) => s.tier))];
	for (const t of tiers)
		take(
			all.find((s) => s.tier === t),
			`a ${t ?? 'not-scored'} account`
		);
	for (const s of all) take(s, 'another account');
	return {
		given: picked.map((p) => p.s.given),
		expect: picked.map((p) => p.s.expect),
		why: picked.map((p) => p.why)
	};
}

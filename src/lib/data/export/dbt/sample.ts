/**
 * The rows of the dbt unit tests, computed by the browser on a sample of the user's own accounts
 * (edge cases first: not scored, exactly on a tier boundary, a dimension with no data, then one
 * account per tier). One unit test per stage model, each given its input model's rows and
 * expecting the browser's values back:
 *
 *   hsw_derived_metrics   given hsw_features rows (every as-of row of the sampled accounts: the
 *                         changes and windows read the account's history), expects the derived
 *                         metrics as the browser derived them
 *   hsw_metric_points     given hsw_derived_metrics rows, expects each metric's points after its
 *                         missing-value policy (q_<id>) and whether it had a value (h_<id>);
 *                         percentiles rank within the sampled rows of each date, as dbt gives the
 *                         model only these rows, so the browser scores them as their own population
 *   hsw_dimension_scores  given hsw_metric_points rows, expects dimension scores and coverage
 *   hsw_scores            given hsw_dimension_scores rows, expects score, shown score, tier and
 *                         top driver
 */
import { computeMetricPoints, scoreTable, effectiveModels, segmentGroups } from '$lib/model';
import { MISSING_POINTS } from '$lib/model/engine/constants';
import { segmentColumn } from '$lib/model/segments';
import { allMetrics } from '$lib/model/structure';
import type { Column, ColumnTable, Model } from '$lib/model/types';
import { gatherTable } from '$lib/backtest/asof';
import type { DerivedColumnSql } from '../sql/derived';
import { driverFinder } from '../scored';

/** One `hsw_dimension_scores` row given to the unit test. */
export type GivenRow = Record<string, string | number | null>;
/** One `hsw_scores` row the unit test expects. */
export type ExpectRow = Record<string, string | number | null>;

/** The unit test of one stage model: its input model's rows and the rows it must give. */
export interface StageTest {
	model: 'hsw_derived_metrics' | 'hsw_metric_points' | 'hsw_dimension_scores';
	input: 'hsw_features' | 'hsw_derived_metrics' | 'hsw_metric_points';
	/** What the test checks, for its description in schema.yml. */
	about: string;
	given: GivenRow[];
	expect: ExpectRow[];
}

export interface UnitSample {
	/** hsw_scores' test: hsw_dimension_scores rows given… */
	given: GivenRow[];
	/** …and the hsw_scores rows expected. */
	expect: ExpectRow[];
	/** Why each row was picked, in the same order (for the README and the test description). */
	why: string[];
	/** The tests of the earlier stages, in model order (derived metrics only when there are some). */
	stages: StageTest[];
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
	/** The derived metrics the model reads, in order (the package's `derived`). */
	derived?: readonly DerivedColumnSql[];
}

const nn = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** A cell as the feature table holds it: NULL for missing (dates other than as-of are day numbers). */
function cell(col: Column | undefined, i: number): string | number | null {
	if (!col) return null;
	if (col.kind === 'number') return nn(col.values[i]!);
	const c = col.codes[i]!;
	return c < 0 ? null : col.dictionary[c]!;
}

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
		row: number;
		date: string;
		given: GivenRow;
		expect: ExpectRow;
		/** Points after the missing-value policy and 1/0 for a real value, by metric id. */
		points: GivenRow;
		score: number;
		shown: number;
		tierMins: number[];
		missingDim: boolean;
		coverage: number;
		tier: string | null;
	}
	const all: Scored[] = [];
	const tiersOf = effectiveModels(model).map((m) => m.tiers);
	const metrics = allMetrics(model);
	/** q_<id> (points after the policy) and h_<id> (1 when the metric had a real value). */
	const policyPoints = (points: readonly Float64Array[], j: number): GivenRow => {
		const out: GivenRow = {};
		metrics.forEach((m, k) => {
			const p = points[k]![j]!;
			out[`q_${m.id}`] = nn(Number.isNaN(p) ? MISSING_POINTS[m.missing] : p);
			out[`h_${m.id}`] = Number.isNaN(p) ? 0 : 1;
		});
		return out;
	};
	for (const [date, rows] of byDate) {
		const sub = gatherTable(input.table, Int32Array.from(rows));
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
				row,
				date,
				given,
				expect: {
					account_id: input.ids[row]!,
					as_of_date: date,
					score: nn(r.score[j]!),
					shown_score: nn(r.shown[j]!),
					tier,
					top_driver: driver(j)?.name ?? null
				},
				points: policyPoints(r.metricPoints, j),
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
	const rows = picked.map((p) => p.s);
	return {
		given: rows.map((s) => s.given),
		expect: rows.map((s) => s.expect),
		why: picked.map((p) => p.why),
		stages: [
			...(input.derived?.length ? [derivedTest(input, rows)] : []),
			pointsTest(input, rows, policyPoints),
			dimensionsTest(model, rows)
		]
	};
}

interface Picked {
	row: number;
	date: string;
	given: GivenRow;
	points: GivenRow;
}

const key = (s: Picked) => ({ account_id: s.given.account_id!, as_of_date: s.date });

/**
 * hsw_derived_metrics: every row of the sampled accounts (their history), given the columns the
 * derived metrics read, expected with the derived values the browser holds for those rows.
 */
function derivedTest(input: SampleInput, picked: readonly Picked[]): StageTest {
	const derived = input.derived ?? [];
	const names = new Set(derived.map((x) => x.name));
	const reads = [
		...new Set(
			derived.flatMap(({ spec }) =>
				spec.kind === 'ratio' ? [spec.numerator, spec.denominator] : [spec.column]
			)
		)
	].filter((c) => !names.has(c) && c !== 'account_id' && c !== 'as_of_date');
	const accounts = new Set(picked.map((s) => input.ids[s.row]!));
	const rows: number[] = [];
	input.ids.forEach((id, i) => accounts.has(id) && rows.push(i));
	rows.sort((a, b) =>
		input.asOf[a]! < input.asOf[b]! ? -1 : input.asOf[a]! > input.asOf[b]! ? 1 : 0
	);
	const keyOf = (i: number) => ({ account_id: input.ids[i]!, as_of_date: input.asOf[i]! });
	return {
		model: 'hsw_derived_metrics',
		input: 'hsw_features',
		about: `the derived metrics (${derived.map((x) => x.name).join(', ')}) on every as-of row of the sampled accounts`,
		given: rows.map((i) => {
			const g: GivenRow = keyOf(i);
			for (const c of reads) g[c] = cell(input.table.columns.get(c), i);
			return g;
		}),
		expect: rows.map((i) => {
			const e: ExpectRow = keyOf(i);
			for (const x of derived) e[x.name] = cell(input.table.columns.get(x.name), i);
			return e;
		})
	};
}

/**
 * hsw_metric_points: the sampled rows given the columns the model reads; expected with the
 * points the browser gives them when they are the whole population of their date (percentiles
 * rank within the rows given, as they do in the unit test).
 */
function pointsTest(
	input: SampleInput,
	picked: readonly Picked[],
	policyPoints: (points: readonly Float64Array[], j: number) => GivenRow
): StageTest {
	const { model } = input;
	const columns = [
		...new Set([
			...allMetrics(model).map((m) => m.column),
			...(model.segments ? [model.segments.column] : [])
		])
	].filter((c) => c !== 'account_id' && c !== 'as_of_date');
	const expect = new Map<Picked, ExpectRow>();
	const dates = [...new Set(picked.map((s) => s.date))];
	for (const date of dates) {
		const here = picked.filter((s) => s.date === date);
		const sub = gatherTable(
			input.table,
			Int32Array.from(here, (s) => s.row)
		);
		const points = computeMetricPoints(model, sub).points;
		here.forEach((s, j) => expect.set(s, { ...key(s), ...policyPoints(points, j) }));
	}
	return {
		model: 'hsw_metric_points',
		input: 'hsw_derived_metrics',
		about:
			'each metric’s points after its missing-value policy (percentiles rank within the rows given for each date)',
		given: picked.map((s) => {
			const g: GivenRow = key(s);
			for (const c of columns) g[c] = cell(input.table.columns.get(c), s.row);
			return g;
		}),
		expect: picked.map((s) => expect.get(s)!)
	};
}

/** hsw_dimension_scores: the sampled rows' points given, their dimension scores expected. */
function dimensionsTest(model: Model, picked: readonly Picked[]): StageTest {
	return {
		model: 'hsw_dimension_scores',
		input: 'hsw_metric_points',
		about: 'dimension scores and coverage from the metrics’ points',
		given: picked.map((s) => ({
			...key(s),
			...(model.segments ? { segment: s.given.segment ?? null } : {}),
			...s.points
		})),
		expect: picked.map((s) => {
			const e: ExpectRow = key(s);
			for (const dim of model.dimensions) e[`dim_${dim.id}`] = s.given[`dim_${dim.id}`]!;
			e.coverage = s.given.coverage!;
			return e;
		})
	};
}

/**
 * The Validation run ("would it have warned us?") on the backtest worker's dataset: survival by
 * tier from the as-of date, lead time over the point-in-time score history, the signal register,
 * weight robustness, drift (PSI) between two dates and the missing-policy comparison. Pure
 * maths lives in lib/backtest; this file only selects rows and wires the pieces.
 */
import { harrellC } from '$lib/backtest/concordance';
import {
	gridIndexAt,
	historyGrid,
	scoreHistory,
	type HistoryFrame,
	type ScoreHistory
} from '$lib/backtest/history';
import { leadTime, metricLeadTime } from '$lib/backtest/leadtime';
import { rocAuc } from '$lib/backtest/metrics';
import { metricPowerInputs } from '$lib/backtest/power';
import { gatherTable } from '$lib/backtest/asof';
import { changeSplit, changeSplitScored, type ChangeResult } from '$lib/backtest/change';
import { moneyByTier } from '$lib/backtest/money';
import { psi, type PsiResult } from '$lib/backtest/psi';
import { weightRobustness, type RobustnessResult } from '$lib/backtest/robustness';
import { segmentReport, type SegmentReport } from '$lib/backtest/segments';
import type { Selection, SnapshotRows } from '$lib/backtest/select';
import { signalRegister, type SignalRow } from '$lib/backtest/signals';
import { kaplanMeier, logRank } from '$lib/backtest/survival';
import { tierReport } from '$lib/backtest/tiers';
import { combineScores, computeMetricPoints, scoreTable } from '$lib/model/score';
import { allMetrics } from '$lib/model/structure';
import { ScoreCore } from '$lib/model/engine/cache';
import { Scratch } from '$lib/model/scratch';
import type {
	Column,
	ColumnTable,
	MetricPoints,
	MissingPolicy,
	Model,
	ScoreResult
} from '$lib/model/types';
import type {
	DriftChange,
	DriftResult,
	MissingPolicyRow,
	SegmentIssue,
	SurvivalResult,
	ValidationRequest,
	ValidationResult
} from './validation-protocol';

/** What the run needs of the backtest core. */
export interface ValidationData {
	table: ColumnTable;
	snapshot: SnapshotRows | null;
	/** Distinct snapshot days, ascending. */
	days: number[];
	dataEndDay: number;
	/** Account id of a row (undefined when unknown). */
	idOf(row: number): string | undefined;
	/** Contract value (ARR) column, or null. */
	valueColumn: string | null;
	/** The score history's frame on these grid days (`historyFrame`: the caller may keep it). */
	frame(gridDays: readonly number[]): HistoryFrame;
	/** The backtest's population for (T, H), or cross-sectional. */
	population(s: {
		mode: 'point-in-time' | 'cross-sectional';
		asOfDay: number;
		horizonDays: number;
	}): { selection: Selection; table: ColumnTable };
}

const POLICIES: MissingPolicy[] = ['exclude', 'zero', 'neutral'];

/** The columns scoring reads: every metric's, and the segment column. */
function modelColumns(model: Model): Set<string> {
	const cols = new Set(allMetrics(model).map((m) => m.column));
	if (model.segments) cols.add(model.segments.column);
	return cols;
}

/**
 * Survival from the as-of date T, read from the score history at T (the accounts alive at T and
 * their scores). Time = days from T to churn, or to when the account left the data (censored);
 * an account in the latest snapshot is followed to the end of the data.
 */
function survivalFromHistory(h: ScoreHistory, g: number, model: Model): SurvivalResult {
	const T = h.days[g]!;
	const lastSnapshot = h.days.at(-1)!;
	const tierAt = h.tier[g]!;
	const scoreAt = h.score[g]!;
	const accounts: number[] = [];
	for (let a = 0; a < h.accounts; a++) if (tierAt[a]! >= 0) accounts.push(a);
	const n = accounts.length;
	const time = new Float64Array(n);
	const event = new Uint8Array(n);
	const risk = new Float64Array(n);
	const group = new Int32Array(n);
	let follow = 0;
	accounts.forEach((a, j) => {
		const c = h.churnDay[a]!;
		event[j] = Number.isNaN(c) ? 0 : 1;
		const seen = h.lastSeenDay[a]! >= lastSnapshot ? h.dataEndDay : h.lastSeenDay[a]!;
		time[j] = event[j] ? c - T : Math.max(0, seen - T);
		risk[j] = 100 - scoreAt[a]!;
		group[j] = tierAt[a]! < model.tiers.length ? tierAt[a]! : -1;
		follow = Math.max(follow, time[j]!);
	});
	const byTier = model.tiers.map(() => [] as number[]);
	for (let j = 0; j < n; j++) if (group[j]! >= 0) byTier[group[j]!]!.push(j);
	return {
		asOfDay: T,
		accounts: n,
		followUpDays: follow,
		tiers: model.tiers.map((t, k) => ({
			tier: k,
			name: t.name,
			color: t.color,
			km: kaplanMeier(time, event, byTier[k]!)
		})),
		logRank: logRank(time, event, group),
		concordance: harrellC(time, event, risk)
	};
}

/** A metric's values at the rows in force at each drift date (see scratch.ts). */
const driftBuffers = new Scratch();

/** Column `c`'s values at `rows` (category codes as numbers, missing NaN) into `out`. */
function columnValues(c: Column | undefined, rows: Int32Array, out: Float64Array): Float64Array {
	if (!c) return out.fill(NaN);
	for (let j = 0; j < rows.length; j++) {
		const r = rows[j]!;
		out[j] = c.kind === 'number' ? c.values[r]! : c.codes[r]! >= 0 ? c.codes[r]! : NaN;
	}
	return out;
}

/**
 * Per frame (its rows in force at the earlier date): each column's PSI against a later date's
 * rows. It depends on the data alone, so a run with other weights or another model reads it.
 * Keyed by the frame's own row arrays: a frame belongs to one dataset (the backtest core makes
 * a new one when the data change).
 */
const columnPsiCache = new WeakMap<Int32Array, WeakMap<Int32Array, Map<string, PsiResult>>>();

/** PSI of column `name` between the rows in force at two dates (kept, see above). */
function columnPsi(table: ColumnTable, name: string, a: Int32Array, b: Int32Array) {
	let from = columnPsiCache.get(a);
	if (!from) columnPsiCache.set(a, (from = new WeakMap()));
	let known = from.get(b);
	if (!known) from.set(b, (known = new Map()));
	const hit = known.get(name);
	if (hit) return hit;
	const col = table.columns.get(name);
	const r = psi(
		columnValues(col, a, driftBuffers.f64('from', a.length)),
		columnValues(col, b, driftBuffers.f64('to', b.length))
	);
	known.set(name, r);
	return r;
}

function driftBetween(
	data: ValidationData,
	model: Model,
	earlier: { name: string; model: Model } | null,
	h: ScoreHistory,
	gf: number,
	gt: number
): DriftResult | null {
	const table = data.table;
	if (gf < 0 || gt < 0) return null;
	// The accounts alive at each date are the history's rows in force there.
	const a = h.rows[gf]!;
	const b = h.rows[gt]!;
	return {
		fromDay: h.days[gf]!,
		toDay: h.days[gt]!,
		score: psi(h.score[gf]!, h.score[gt]!),
		change: driftChange(data, model, earlier, h, gf, gt),
		metrics: allMetrics(model).map((m) => ({
			id: m.id,
			name: m.name,
			psi: columnPsi(table, m.column, a, b)
		}))
	};
}

/** The customer-vs-formula split between the rows in force at two dates. */
function driftChange(
	data: ValidationData,
	model: Model,
	earlier: { name: string; model: Model } | null,
	h: ScoreHistory,
	gf: number,
	gt: number
): DriftChange {
	const a = h.rows[gf]!;
	const b = h.rows[gt]!;
	const from = earlier?.model ?? model;
	const account = (rows: Int32Array) => {
		const out = new Int32Array(rows.length);
		for (let j = 0; j < rows.length; j++) out[j] = h.accountOf[rows[j]!]!;
		return out;
	};
	// The history scored both dates' rows with this model (the same way as scoreTable, bit for
	// bit): reuse those scores; only an earlier model is scored here.
	const atA = h.kept.get(gf);
	const atB = h.kept.get(gt);
	let r: ChangeResult;
	if (!earlier && atA && atB) {
		const to = { table: atB.table, account: account(b) };
		r = changeSplitScored(model, model, { table: atA.table, account: account(a) }, to, {
			rA: atA.result,
			rAB: atB.result,
			rB: atB.result
		});
	} else {
		const cols = new Set([...modelColumns(model), ...modelColumns(from)]);
		const dated = (rows: Int32Array) => ({
			table: gatherTable(data.table, rows, cols),
			account: account(rows)
		});
		const A = dated(a);
		const B = dated(b);
		r = atB
			? changeSplitScored(from, model, A, B, {
					rA: scoreTable(from, A.table),
					rAB: scoreTable(from, B.table),
					rB: atB.result
				})
			: changeSplit(from, model, A, B);
	}
	// Ids of the movers only: the row in force at the later date of each mover's account.
	const movers = new Set(r.movers.map((m) => m.account));
	const rowOf = new Map<number, number>();
	for (let j = 0; j < b.length; j++) {
		const a = h.accountOf[b[j]!]!;
		if (movers.has(a)) rowOf.set(a, b[j]!);
	}
	const idOf = (a: number) => {
		const row = rowOf.get(a);
		return row === undefined ? String(a) : (data.idOf(row) ?? String(row));
	};
	return {
		fromModel: earlier ? earlier.name : null,
		portfolio: r.portfolio,
		movers: r.movers.map((m) => ({ ...m, id: idOf(m.account) }))
	};
}

/** Buffers of the population's scoring and of the missing-policy lab (see scratch.ts). */
const populationBuffers = new Scratch();
const labBuffers = new Scratch();

/**
 * The population's points and scores by the fast engine (bit-identical to `combineScores`),
 * with dimension scores; its arrays live until the next run on this thread.
 */
function scorePopulation(
	model: Model,
	table: ColumnTable,
	points = computeMetricPoints(model, table)
): { points: MetricPoints; r: ScoreResult } {
	const core = new ScoreCore({ buffers: populationBuffers });
	core.setTableWithPoints(table, null, model, points);
	return { points, r: core.score(model, { withDimensions: true }).result! };
}

/** The three missing policies on the same metric points (a policy is stage 2 of scoring). */
function missingLab(
	model: Model,
	points: MetricPoints,
	table: ColumnTable,
	labels: Uint8Array
): MissingPolicyRow[] {
	// One core over the points: each policy recomputes the dimension columns into the same buffers.
	const core = new ScoreCore({ buffers: labBuffers });
	core.setTableWithPoints(table, null, model, points);
	return POLICIES.map((policy) => {
		const m: Model = {
			...model,
			dimensions: model.dimensions.map((d) => ({
				...d,
				metrics: d.metrics.map((x) => ({ ...x, missing: policy }))
			}))
		};
		const r = core.score(m).result!;
		const counts = new Array<number>(model.tiers.length).fill(0);
		let scored = 0;
		for (let i = 0; i < r.n; i++) {
			const t = r.tier[i]!;
			if (t < 0 || t >= counts.length) continue;
			counts[t]!++;
			scored++;
		}
		return {
			policy,
			auc: rocAuc(r.score, labels),
			scored,
			tierShares: counts.map((c) => (scored ? c / scored : NaN))
		};
	});
}

/** Most distinct values a column may have to be split into per-segment results. */
export const MAX_SEGMENTS = 50;

/**
 * Per-segment results at T on the backtest population: the model's AUC per segment beside the
 * pooled model's (the base model without segment overrides) and a warning below 30 churn events.
 */
function segmentsOf(
	model: Model,
	column: string | null,
	points: () => MetricPoints,
	table: ColumnTable,
	score: Float64Array,
	labels: Uint8Array
): { report: SegmentReport | null; note: string | null; issue: SegmentIssue | null } {
	if (!column) return { report: null, note: null, issue: null };
	const col = table.columns.get(column);
	if (!col)
		return {
			report: null,
			note: `The dataset has no column “${column}” to split by.`,
			issue: { code: 'no-column', column }
		};
	let key: Int32Array;
	let names: string[];
	if (col.kind === 'category') {
		key = Int32Array.from(col.codes);
		names = [...col.dictionary];
	} else {
		const index = new Map<number, number>();
		key = new Int32Array(table.n);
		for (let i = 0; i < table.n; i++) {
			const x = col.values[i]!;
			if (Number.isNaN(x)) key[i] = -1;
			else {
				let g = index.get(x);
				if (g === undefined) index.set(x, (g = index.size));
				key[i] = g;
			}
		}
		names = [...index.keys()].map(String);
	}
	if (names.length > MAX_SEGMENTS)
		return {
			report: null,
			note: `“${column}” has ${names.length} different values; per-segment results need ${MAX_SEGMENTS} or fewer.`,
			issue: { code: 'too-many', column, values: names.length, max: MAX_SEGMENTS }
		};
	const pooledScore = model.segments?.overrides.length
		? combineScores({ ...model, segments: null }, points(), table).score
		: score;
	return {
		report: segmentReport({ column, key, names, labels, score, pooledScore }),
		note: null,
		issue: null
	};
}

/** Tier and contract value of each account on the books at the history's last date. */
function nowTiers(h: ScoreHistory, values: Float64Array): { tier: Int8Array; value: Float64Array } {
	const g = h.days.length - 1;
	const rows = g >= 0 ? h.rows[g]! : new Int32Array(0);
	const tier = new Int8Array(rows.length);
	const value = new Float64Array(rows.length);
	for (let j = 0; j < rows.length; j++) {
		tier[j] = h.tier[g]![h.accountOf[rows[j]!]!]!;
		value[j] = values[rows[j]!]!;
	}
	return { tier, value };
}

/**
 * What the Validation run computes on the backtest population alone (no score history): the
 * signal register (without lead days), weight robustness and the missing-policy lab. Pure and
 * self-contained, so the backtest worker can hand it to its helper on the second core while it
 * builds the score history; the table holds only the columns scoring reads.
 */
export interface PopulationPartRequest {
	model: Model;
	table: ColumnTable;
	labels: Uint8Array;
	spread: number;
	draws: number;
	seed: number;
}

export interface PopulationPart {
	/** The population scored by the model: what the tier table, money and segments read. */
	scores: PopulationScores;
	signals: SignalRow[];
	robustness: RobustnessResult;
	missing: MissingPolicyRow[];
}

export interface PopulationScores {
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	/** Per dimension (model order): the share of accounts with a score for it. */
	dimensionCoverage: number[];
}

function populationScores(r: ScoreResult): PopulationScores {
	return {
		score: r.score,
		shown: r.shown,
		tier: r.tier,
		dimensionCoverage: r.dimensions.map((col) => {
			let have = 0;
			for (let i = 0; i < r.n; i++) if (!Number.isNaN(col[i]!)) have++;
			return r.n ? have / r.n : NaN;
		})
	};
}

/** Runs a {@link PopulationPartRequest} elsewhere (the helper worker); rejects when it cannot. */
export type PopulationPartRunner = (req: PopulationPartRequest) => Promise<PopulationPart>;

/** The population part (see {@link PopulationPartRequest}); same numbers wherever it runs. */
export function populationPart(
	req: PopulationPartRequest,
	progress: (stage: string) => void = () => {},
	scored?: { points: MetricPoints; r: ScoreResult }
): PopulationPart {
	const { model, table, labels } = req;
	const { points, r } = scored ?? scorePopulation(model, table);
	progress('Signals');
	const signals = signalRegister(metricPowerInputs(model, table, r), labels);
	progress('Weight robustness');
	const robustness = weightRobustness(model, points, table, labels, {
		spread: req.spread,
		draws: req.draws,
		seed: req.seed,
		base: r
	});
	progress('Missing-data policies');
	const missing = missingLab(model, points, table, labels);
	return { scores: populationScores(r), signals, robustness, missing };
}

/** The whole Validation run for one model, on this thread. */
export function runValidation(
	data: ValidationData,
	msg: ValidationRequest,
	progress: (stage: string) => void = () => {}
): ValidationResult {
	const run = startValidation(data, msg, progress);
	const main = run.history();
	// Points and scores found once on the population table (the request's cut has every column
	// they read), shared with the tier table.
	return run.finish(main, populationPart(run.request, progress, run.scored()));
}

/**
 * The same run with the population part on a helper (the second core) while this thread builds
 * the score history, survival, lead time and drift. If the helper fails, the part is computed
 * here: the result is the same either way (validation-core.test.ts).
 */
export async function runValidationShared(
	data: ValidationData,
	msg: ValidationRequest,
	runner: PopulationPartRunner,
	progress: (stage: string) => void = () => {}
): Promise<ValidationResult> {
	const run = startValidation(data, msg, progress);
	const pending = runner(run.request).then(
		(part) => part,
		() => null
	);
	const main = run.history();
	progress('Weight robustness');
	const part = (await pending) ?? populationPart(run.request, () => {}, run.scored());
	return run.finish(main, part);
}

/** The columns a population part reads, cut from the population table. */
function partTable(model: Model, table: ColumnTable): ColumnTable {
	const columns = new Map<string, Column>();
	for (const name of modelColumns(model)) {
		const c = table.columns.get(name);
		if (c) columns.set(name, c);
	}
	return { n: table.n, columns };
}

/**
 * The run in three steps: select and score the population (now), then the history-based parts
 * (`history`), then assemble with the population part (`finish`).
 */
function startValidation(
	data: ValidationData,
	msg: ValidationRequest,
	progress: (stage: string) => void
) {
	const t0 = performance.now();
	const { model, settings: s } = msg;
	const snap = data.snapshot;
	const hasTime =
		snap !== null && Number.isFinite(s.asOfDay) && snap.churnDay.some((d) => !Number.isNaN(d));
	progress('Selecting accounts');
	const pop = data.population(
		hasTime
			? { mode: 'point-in-time', asOfDay: s.asOfDay, horizonDays: s.horizonDays }
			: { mode: 'cross-sectional', asOfDay: NaN, horizonDays: NaN }
	);
	const labels = pop.selection.labels;
	const request: PopulationPartRequest = {
		model,
		table: partTable(model, pop.table),
		labels,
		spread: s.spread,
		draws: s.draws,
		seed: s.seed
	};
	let pointsMemo: MetricPoints | null = null;
	let memo: { points: MetricPoints; r: ScoreResult } | null = null;
	/** The population's metric points (the pooled model of segments reads only these). */
	const popPoints = () => (pointsMemo ??= memo?.points ?? computeMetricPoints(model, pop.table));
	/** The population's metric points and scores (computed once, when first asked for). */
	const scored = () => (memo ??= scorePopulation(model, pop.table, popPoints()));
	const valueCol = data.valueColumn ? data.table.columns.get(data.valueColumn) : undefined;
	const values = valueCol?.kind === 'number' ? valueCol.values : null;

	/** Score history, survival, lead time and drift (null parts without snapshots). */
	const history = () => {
		let survival: SurvivalResult | null = null;
		let lead = null;
		let drift: DriftResult | null = null;
		let gridDays: number[] = [];
		let now: { tier: Int8Array; value: Float64Array } | null = null;
		let h: ScoreHistory | null = null;
		if (hasTime && snap) {
			progress('Score history');
			gridDays = [...new Set([...historyGrid(data.days), s.asOfDay])].sort((a, b) => a - b);
			// Drift compares the grid dates in force at the earlier day and at T.
			const from = Number.isFinite(s.driftFromDay) ? s.driftFromDay : s.asOfDay - 365;
			const gf = gridIndexAt(gridDays, Math.max(from, gridDays[0] ?? from));
			const gt = gridIndexAt(gridDays, s.asOfDay);
			h = scoreHistory(data.frame(gridDays), data.table, model, [gf, gt]);
			if (values) now = nowTiers(h, values);
			progress('Survival by tier');
			survival = survivalFromHistory(h, gridIndexAt(gridDays, s.asOfDay), model);
			progress('Lead time');
			lead = leadTime(h, { redTier: model.tiers.length - 1 });
			drift = driftBetween(data, model, s.driftModel ?? null, h, gf, gt);
		}
		return { survival, lead, drift, gridDays, now, history: h };
	};

	/** The result, from the history-based parts and the population part. */
	const finish = (main: ReturnType<typeof history>, part: PopulationPart): ValidationResult => {
		const { survival, lead, drift, gridDays, now, history } = main;
		// The population's scores come with the part (the helper scored it for its own use).
		const r = part.scores;
		const report = tierReport(r.tier, labels, model.tiers);
		const signals = part.signals.map((row) => {
			const m = allMetrics(model).find((x) => x.id === row.id);
			const col = m ? data.table.columns.get(m.column) : undefined;
			// Raw numbers only (a metric read as points has no value per snapshot to compare).
			const lead =
				history && col?.kind === 'number' && m?.scheme.kind !== 'category'
					? metricLeadTime(history, col.values, row.bandCut, row.direction).medianDays
					: NaN;
			return { ...row, medianLeadDays: lead };
		});
		const { robustness, missing } = part;
		const popValues = data.valueColumn ? pop.table.columns.get(data.valueColumn) : undefined;
		const money =
			values && popValues?.kind === 'number'
				? moneyByTier({
						tiers: model.tiers.length,
						atT: { tier: r.tier, shown: r.shown, labels, value: popValues.values },
						now
					})
				: null;
		const dimensionCoverage = model.dimensions.map((d, k) => ({
			id: d.id,
			name: d.name,
			share: r.dimensionCoverage[k] ?? NaN
		}));
		progress('Segments');
		const seg = segmentsOf(
			model,
			s.segmentColumn ?? model.segments?.column ?? null,
			popPoints,
			pop.table,
			r.score,
			labels
		);
		return {
			asOfDay: hasTime ? s.asOfDay : NaN,
			horizonDays: hasTime ? s.horizonDays : NaN,
			dataEndDay: data.dataEndDay,
			tierNames: model.tiers.map((t) => t.name),
			pointInTimeNote: hasTime
				? null
				: 'Survival, lead time and drift need a snapshot date and a churn date column; this dataset is scored as one cross-section.',
			tierRows: report.rows,
			baseRate: report.baseRate.rate,
			events: report.churners,
			survival,
			lead,
			gridDays,
			signals,
			robustness,
			drift,
			missing,
			money,
			valueColumn: money ? data.valueColumn : null,
			dimensionCoverage,
			segments: seg.report,
			segmentNote: seg.note,
			segmentIssue: seg.issue,
			ms: performance.now() - t0
		};
	};
	return { request, scored, history, finish };
}

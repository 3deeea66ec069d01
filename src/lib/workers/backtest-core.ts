/**
 * The backtest worker's logic, runnable in-process (tests) or in the module worker: holds the
 * dataset, selects the accounts for a mode / as-of day / horizon, scores them (on the selected
 * rows only, so percentile ranks never see the future), and builds the report card, the rolling
 * backtest, the champion-vs-challenger comparison and the weight fit.
 */
import { CodedError } from './worker-error';
import {
	completeAsOfDays,
	distinctDays,
	gatherTable,
	lastKnownDay,
	trainingAsOfDays
} from '$lib/backtest/asof';
import { applySuggestedWeights, fitWeights, type FitMetricInput } from '$lib/backtest/fit';
import { roundedWeights, shownHistogram } from '$lib/draft/suggest';
import { historyFrame, type HistoryFrame } from '$lib/backtest/history';
import { rocAuc } from '$lib/backtest/metrics';
import { indexIds, type AccountIds } from '$lib/data/csv/build';
import { tierChanges, tierMigration } from '$lib/backtest/migration';
import {
	buildReport,
	buildReportShared,
	type ReportCard,
	type ReportInput,
	type ResampleRunner
} from '$lib/backtest/report';
import { metricPowerInputs } from '$lib/backtest/power';
import {
	selectCrossSectional,
	selectPointInTime,
	type Selection,
	type SnapshotRows
} from '$lib/backtest/select';
import { tierReport } from '$lib/backtest/tiers';
import { scoreTable } from '$lib/model/score';
import { allMetrics } from '$lib/model/structure';
import type { Column, ColumnTable, Model, ScoreResult } from '$lib/model/types';
import type {
	BacktestRequest,
	BacktestRoles,
	BacktestRunResult,
	BacktestSettings,
	CompareResult,
	FitRunResult,
	RollingRow
} from './backtest-protocol';
import {
	runValidation,
	runValidationShared,
	type PopulationPartRunner,
	type ValidationData
} from './validation-core';
import type { ValidationRequest, ValidationResult } from './validation-protocol';

type DataRequest = Extract<BacktestRequest, { type: 'backtest/data' }>;

/** A run's population, scores and report input, before the report card is built. */
interface Prepared {
	pop: Population;
	champ: ScoreResult;
	chall: ScoreResult | null;
	input: ReportInput;
	options: { seed: number; resamples: number };
}

/** Rows selected for one (mode, as-of, horizon) and the table cut to them. */
interface Population {
	selection: Selection;
	table: ColumnTable;
}

const numberValues = (c: Column | undefined): Float64Array | null =>
	c?.kind === 'number' ? c.values : null;

export class BacktestCore {
	#table: ColumnTable | null = null;
	/** Each row's account and each account's id (no string per row: see `indexIds`). */
	#accounts: AccountIds = { of: new Int32Array(0), names: [] };
	#roles: BacktestRoles = { snapshotDate: null, churned: null, churnDate: null };
	#snapshot: SnapshotRows | null = null;
	#days: number[] = [];
	#dataEndDay = NaN;
	#cache = new Map<string, Population>();
	/** The latest score-history frame (Validation), by its grid days. */
	#frame: { key: string; frame: HistoryFrame } | null = null;

	setData(msg: Omit<DataRequest, 'type' | 'id'>): void {
		this.#table = { n: msg.n, columns: new Map(msg.columns) };
		this.#accounts = indexIds(msg.ids);
		this.#roles = msg.roles;
		this.#cache.clear();
		this.#frame = null;
		const snap = numberValues(this.#col(msg.roles.snapshotDate));
		const churnDay = numberValues(this.#col(msg.roles.churnDate));
		const flag = numberValues(this.#col(msg.roles.churned));
		this.#snapshot = snap
			? {
					// Dense integer codes: the selection's per-account map is far cheaper on numbers.
					account: this.#accounts.of,
					snapshotDay: snap,
					churnDay: churnDay ?? new Float64Array(msg.n).fill(NaN),
					churnedFlag: flag ?? undefined
				}
			: null;
		this.#days = snap ? distinctDays(snap) : [];
		this.#dataEndDay = lastKnownDay(snap, churnDay);
	}

	/** Account id of a row of the dataset (undefined past its end). */
	#idOf(row: number): string | undefined {
		const { of, names } = this.#accounts;
		return row >= 0 && row < of.length ? names[of[row]!] : undefined;
	}

	#col(name: string | null): Column | undefined {
		return name ? this.#table?.columns.get(name) : undefined;
	}

	get dataEndDay(): number {
		return this.#dataEndDay;
	}

	/** Churned flag per row: the churned column, else "has a churn day", else null. */
	#churnFlags(): Float64Array | null {
		const flag = numberValues(this.#col(this.#roles.churned));
		if (flag) return flag;
		const day = numberValues(this.#col(this.#roles.churnDate));
		return day ? day.map((d) => (Number.isNaN(d) ? 0 : 1)) : null;
	}

	/** Selected rows (with labels) and the table cut to them, cached per key. */
	population(s: Pick<BacktestSettings, 'mode' | 'asOfDay' | 'horizonDays'>): Population {
		const table = this.#table;
		if (!table) throw new CodedError('no-dataset', 'no dataset loaded');
		const key = s.mode === 'point-in-time' ? `p|${s.asOfDay}|${s.horizonDays}` : 'c';
		const hit = this.#cache.get(key);
		if (hit) return hit;
		let selection: Selection;
		if (s.mode === 'point-in-time') {
			if (!this.#snapshot || !numberValues(this.#col(this.#roles.churnDate)))
				throw new CodedError(
					'needs-dates',
					'a point-in-time backtest needs a snapshot date and a churn date column'
				);
			selection = selectPointInTime(this.#snapshot, {
				asOfDay: s.asOfDay,
				horizonDays: s.horizonDays,
				dataEndDay: this.#dataEndDay
			});
		} else {
			const flags = this.#churnFlags();
			if (!flags)
				throw new CodedError('needs-churned', 'a cross-sectional backtest needs a churned column');
			selection = this.#crossSectional(flags);
		}
		const rows = selection.rows;
		const identity = rows.length === table.n && rows.every((r, j) => r === j);
		const pop = { selection, table: identity ? table : gatherTable(table, rows) };
		if (this.#cache.size > 40) this.#cache.clear();
		this.#cache.set(key, pop);
		return pop;
	}

	/** Cross-sectional: every row, or the latest snapshot of each account when there are snapshots. */
	#crossSectional(flags: Float64Array): Selection {
		if (!this.#snapshot) return selectCrossSectional(flags);
		const latest = selectPointInTime(
			{
				...this.#snapshot,
				churnDay: new Float64Array(flags.length).fill(NaN),
				churnedFlag: undefined
			},
			{ asOfDay: Infinity, horizonDays: 0, dataEndDay: Infinity }
		);
		const rows = latest.rows;
		const sel = selectCrossSectional(Float64Array.from(rows, (r) => flags[r]!));
		const picked = Int32Array.from(sel.rows, (j) => rows[j]!);
		sel.counts.accounts = latest.counts.accounts;
		sel.counts.noSnapshot = latest.counts.noSnapshot;
		return { ...sel, rows: picked };
	}

	/** The report card (and rolling backtest, comparison) for one model. */
	run(
		msg: Extract<BacktestRequest, { type: 'backtest/run' }>,
		progress: (stage: string) => void = () => {}
	): BacktestRunResult {
		const t0 = performance.now();
		const p = this.#prepare(msg, progress);
		return this.#finish(msg, p, buildReport(p.input, p.options), t0, progress);
	}

	/**
	 * {@link run} with most of the AUC bootstrap on another core (`runner`, a helper worker):
	 * the same result (report.ts, buildReportShared).
	 */
	async runShared(
		msg: Extract<BacktestRequest, { type: 'backtest/run' }>,
		runner: ResampleRunner,
		progress: (stage: string) => void = () => {}
	): Promise<BacktestRunResult> {
		const t0 = performance.now();
		const p = this.#prepare(msg, progress);
		const report = await buildReportShared(p.input, p.options, runner);
		return this.#finish(msg, p, report, t0, progress);
	}

	#prepare(
		msg: Extract<BacktestRequest, { type: 'backtest/run' }>,
		progress: (s: string) => void
	): Prepared {
		const s = msg.settings;
		progress('Selecting accounts');
		const pop = this.population(s);
		progress('Scoring');
		const champ = scoreTable(msg.model, pop.table);
		const chall = msg.challenger ? scoreTable(msg.challenger.model, pop.table) : null;
		progress(`Bootstrap (${s.resamples.toLocaleString('en-US')} resamples)`);
		const input: ReportInput = {
			score: champ.score,
			shown: champ.shown,
			tier: champ.tier,
			labels: pop.selection.labels,
			tiers: msg.model.tiers,
			challenger:
				chall && msg.challenger ? { name: msg.challenger.name, score: chall.score } : undefined,
			metrics: metricPowerInputs(msg.model, pop.table, champ),
			thresholds: {
				minCatch: s.minCatch,
				maxFlagged: s.maxFlagged,
				costMiss: s.costMiss,
				costFalseAlarm: s.costFalseAlarm
			},
			selection: pop.selection.counts
		};
		return { pop, champ, chall, input, options: { seed: s.seed, resamples: s.resamples } };
	}

	#finish(
		msg: Extract<BacktestRequest, { type: 'backtest/run' }>,
		{ pop, champ, chall }: Prepared,
		report: ReportCard,
		t0: number,
		progress: (stage: string) => void
	): BacktestRunResult {
		const s = msg.settings;
		let rolling: RollingRow[] | null = null;
		if (s.mode === 'point-in-time' && s.rolling) {
			progress('Rolling backtest');
			rolling = this.rolling(msg.model, s.horizonDays);
		}
		const compare =
			chall && msg.challenger ? this.#compare(msg.model, champ, msg.challenger, chall, pop) : null;
		let scored = 0;
		for (let i = 0; i < champ.n; i++) if (champ.tier[i]! >= 0) scored++;
		return {
			mode: s.mode,
			asOfDay: s.mode === 'point-in-time' ? s.asOfDay : NaN,
			horizonDays: s.mode === 'point-in-time' ? s.horizonDays : NaN,
			dataEndDay: this.#dataEndDay,
			selection: pop.selection.counts,
			scored,
			report,
			rolling,
			compare,
			ms: performance.now() - t0
		};
	}

	/** The Validation run (validation-core.ts) on this dataset. */
	validate(msg: ValidationRequest, progress: (stage: string) => void = () => {}): ValidationResult {
		return runValidation(this.#validationData(), msg, progress);
	}

	/**
	 * {@link validate} with the population part (signals, robustness, missing policies) on
	 * another core (`runner`, the helper worker): the same result (validation-core.ts).
	 */
	validateShared(
		msg: ValidationRequest,
		runner: PopulationPartRunner,
		progress: (stage: string) => void = () => {}
	): Promise<ValidationResult> {
		return runValidationShared(this.#validationData(), msg, runner, progress);
	}

	#validationData(): ValidationData {
		if (!this.#table) throw new CodedError('no-dataset', 'no dataset loaded');
		return {
			table: this.#table,
			snapshot: this.#snapshot,
			days: this.#days,
			dataEndDay: this.#dataEndDay,
			idOf: (row) => this.#idOf(row),
			frame: (gridDays) => {
				const key = gridDays.join(',');
				if (this.#frame?.key !== key)
					this.#frame = { key, frame: historyFrame(this.#snapshot!, gridDays, this.#dataEndDay) };
				return this.#frame.frame;
			},
			valueColumn: this.#roles.contractValue ?? null,
			population: (s) => this.population(s)
		};
	}

	/** AUC and churn rate per tier at each complete as-of day (latest 12). */
	rolling(model: Model, horizonDays: number): RollingRow[] {
		const days = completeAsOfDays(this.#days, horizonDays, this.#dataEndDay, 12);
		return days.map((asOfDay) => {
			const pop = this.population({ mode: 'point-in-time', asOfDay, horizonDays });
			const r = scoreTable(model, pop.table);
			const labels = pop.selection.labels;
			const t = tierReport(r.tier, labels, model.tiers);
			return {
				asOfDay,
				accounts: t.accounts,
				churners: t.churners,
				auc: rocAuc(r.score, labels),
				tiers: t.rows.map((row) => ({
					id: row.id,
					name: row.name,
					accounts: row.accounts,
					churners: row.churners,
					rate: row.churnRate.rate
				}))
			};
		});
	}

	#compare(
		model: Model,
		champ: ScoreResult,
		challenger: { name: string; model: Model },
		chall: ScoreResult,
		pop: Population
	): CompareResult {
		const names = new Map<string, string>();
		for (const m of [...allMetrics(challenger.model), ...allMetrics(model)])
			names.set(m.id, m.name);
		const changes = tierChanges(
			{ model, score: champ.score, tier: champ.tier, metricPoints: champ.metricPoints },
			{
				model: challenger.model,
				score: chall.score,
				tier: chall.tier,
				metricPoints: chall.metricPoints
			},
			50
		);
		return {
			name: challenger.name,
			migration: tierMigration(
				champ.tier,
				chall.tier,
				model.tiers.map((t) => t.name),
				challenger.model.tiers.map((t) => t.name)
			),
			changed: changes.map((c) => ({
				accountId: this.#idOf(pop.selection.rows[c.row]!) ?? String(c.row),
				fromTier: c.fromTier,
				toTier: c.toTier,
				fromScore: c.fromScore,
				toScore: c.toScore,
				metricName: c.metricId === null ? null : (names.get(c.metricId) ?? c.metricId),
				metricFrom: c.metricFrom,
				metricTo: c.metricTo
			}))
		};
	}

	/**
	 * Suggested weights. Point in time: a time split — train on the as-of days whose outcome
	 * window closed by T, test on T (k-fold on T alone when there is no earlier complete day).
	 * Cross-sectional: stratified k-fold.
	 */
	fit(msg: Extract<BacktestRequest, { type: 'backtest/fit' }>): FitRunResult {
		const t0 = performance.now();
		const s = msg.settings;
		const metrics = allMetrics(msg.model);
		const names = Object.fromEntries(metrics.map((m) => [m.id, m.name]));
		const train =
			s.mode === 'point-in-time' ? trainingAsOfDays(this.#days, s.asOfDay, s.horizonDays) : [];
		const asOfs = train.length ? [...train, s.asOfDay] : [s.asOfDay];
		const parts = asOfs.map((asOfDay) => {
			const pop = this.population({ ...s, asOfDay });
			return { asOfDay, labels: pop.selection.labels, r: scoreTable(msg.model, pop.table) };
		});
		const total = parts.reduce((n, p) => n + p.labels.length, 0);
		const labels = new Uint8Array(total);
		const day = new Float64Array(total);
		const hand = new Float64Array(total);
		const points = metrics.map(() => new Float64Array(total));
		let o = 0;
		for (const p of parts) {
			labels.set(p.labels, o);
			day.fill(p.asOfDay, o, o + p.labels.length);
			hand.set(p.r.score, o);
			points.forEach((col, j) => col.set(p.r.metricPoints[j]!, o));
			o += p.labels.length;
		}
		const inputs: FitMetricInput[] = metrics.map((m, j) => ({
			id: m.id,
			points: points[j]!,
			missing: m.missing
		}));
		const isTime = train.length > 0;
		const fit = fitWeights(inputs, labels, {
			seed: s.seed,
			handScores: hand,
			split: isTime
				? { kind: 'time', day, trainUntilDay: s.asOfDay - 1 }
				: { kind: 'kfold', folds: msg.folds }
		});
		// Before/after on the report's accounts (the last part is the as-of day the report shows).
		const last = parts.at(-1)!;
		let proposal: FitRunResult['proposal'] = null;
		if (fit.weights.some((w) => w.weight > 0)) {
			const next: Model = {
				...msg.model,
				dimensions: applySuggestedWeights(msg.model.dimensions, roundedWeights(fit.weights))
			};
			const after = scoreTable(next, this.population({ ...s, asOfDay: last.asOfDay }).table);
			proposal = {
				before: shownHistogram(last.r.shown, last.labels, rocAuc(last.r.score, last.labels)),
				after: shownHistogram(after.shown, last.labels, rocAuc(after.score, last.labels))
			};
		}
		return {
			fit,
			names,
			proposal,
			split: isTime
				? { kind: 'time', trainAsOfDays: train, testAsOfDay: s.asOfDay }
				: { kind: 'kfold', folds: msg.folds },
			ms: performance.now() - t0
		};
	}
}

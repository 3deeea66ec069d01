/**
 * Validation state ("would it have warned us?"): the settings of the Validation screen, the run
 * posted to its own backtest worker (stale replies dropped), the editable ready-to-ship
 * thresholds (applied in the page, no re-run) and the JSON export of everything on show.
 */
import { defaultAsOfDay } from '$lib/backtest/asof';
import {
	DEFAULT_READY,
	readyCheck,
	type ReadyId,
	type ReadyLine,
	type ReadyThresholds
} from '$lib/backtest/ready';
import type { Dataset } from '$lib/data/dataset';
import type { CardReadyLine } from '$lib/data/export/model-card';
import type { Model } from '$lib/model/types';
import type { BacktestReply } from '$lib/workers/backtest-protocol';
import type { ValidationResult, ValidationSettings } from '$lib/workers/validation-protocol';
import {
	createBacktestWorker,
	dataInfo,
	DEFAULT_SEED,
	type BacktestDataInfo,
	type BacktestWorkerLike
} from './backtest.svelte';

/** Each ready-to-ship check in words (Validation screen and model card). */
export const READY_CHECKS: Record<ReadyId, string> = {
	'red-lift': 'Worst tier churns at least N× the base rate (lower 95 % bound)',
	lead: 'Churners not Green 60–90 days before churn, at least',
	'green-share': 'Accounts in the best tier, at most',
	'tier-order': 'Tier order holds with non-overlapping 95 % intervals',
	events: 'Churn events in the backtest, at least'
};

export const SPREADS_PCT = [10, 20, 30, 50] as const;
export const DEFAULT_DRAWS = 20;
export const MAX_DRAWS = 200;

/** Ready-to-ship lines of a result under the given thresholds (pure). */
export function readyLines(r: ValidationResult, th: ReadyThresholds): ReadyLine[] {
	return readyCheck(
		{
			tiers: r.tierRows,
			baseRate: r.baseRate,
			leadWindow: r.lead?.window ?? {
				churners: 0,
				nonGreen: 0,
				share: { rate: NaN, lo: NaN, hi: NaN }
			}
		},
		th
	);
}

export class ValidationState {
	#makeWorker: () => BacktestWorkerLike;
	#worker: BacktestWorkerLike | null = null;
	#nextId = 1;
	#runId = 0;
	#dataset: Dataset | null = null;
	#pending: Model | null = null;

	info = $state.raw<BacktestDataInfo | null>(null);
	asOfDay = $state(NaN);
	horizonDays = $state(90);
	seed = $state(DEFAULT_SEED);
	spreadPct = $state(20);
	draws = $state(DEFAULT_DRAWS);
	/** Drift: the earlier date; NaN = about a year before the as-of date. */
	driftFromDay = $state(-Infinity);
	/** Ready-to-ship thresholds (percent fields as 0–100 for the inputs). */
	minRedLift = $state(DEFAULT_READY.minRedLift);
	minLeadPct = $state(Math.round(DEFAULT_READY.minLeadShare * 1000) / 10);
	maxGreenPct = $state(DEFAULT_READY.maxGreenShare * 100);
	minEvents = $state(DEFAULT_READY.minEvents);

	result = $state.raw<ValidationResult | null>(null);
	resultModel = $state.raw<Model | null>(null);
	isRunning = $state(false);
	stage = $state('');
	error = $state<string | null>(null);

	constructor(makeWorker: () => BacktestWorkerLike = createBacktestWorker) {
		this.#makeWorker = makeWorker;
	}

	get dataset(): Dataset | null {
		return this.#dataset;
	}

	get thresholds(): ReadyThresholds {
		const ok = (x: number, d: number) => (Number.isFinite(x) && x >= 0 ? x : d);
		return {
			minRedLift: ok(this.minRedLift, DEFAULT_READY.minRedLift),
			minLeadShare: Math.min(1, ok(this.minLeadPct, 66.7) / 100),
			maxGreenShare: Math.min(1, ok(this.maxGreenPct, 80) / 100),
			minEvents: ok(Math.round(this.minEvents), DEFAULT_READY.minEvents)
		};
	}

	/** Ready-to-ship lines of the result on show, with the current thresholds. */
	get ready(): ReadyLine[] | null {
		return this.result ? readyLines(this.result, this.thresholds) : null;
	}

	/** The ready-to-ship lines as the model card shows them (check in words, status, figure). */
	get cardReady(): CardReadyLine[] | null {
		return (
			this.ready?.map((l) => ({ check: READY_CHECKS[l.id], status: l.status, detail: l.detail })) ??
			null
		);
	}

	get settings(): ValidationSettings {
		const clamp = (x: number, lo: number, hi: number, d: number) =>
			Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d;
		return {
			asOfDay: this.asOfDay,
			horizonDays: clamp(Math.round(this.horizonDays), 1, 3650, 90),
			seed: clamp(Math.trunc(this.seed), 0, 4294967295, DEFAULT_SEED),
			spread: clamp(this.spreadPct, 0, 90, 20) / 100,
			draws: clamp(Math.round(this.draws), 1, MAX_DRAWS, DEFAULT_DRAWS),
			driftFromDay: Number.isFinite(this.driftFromDay) ? this.driftFromDay : NaN
		};
	}

	/** Use a dataset: post it to the worker once; default as-of = latest complete date. */
	setDataset(ds: Dataset | null): void {
		if (ds === this.#dataset) return;
		this.#dataset = ds;
		this.result = null;
		this.error = null;
		if (!ds) {
			this.info = null;
			return;
		}
		const info = dataInfo(ds);
		this.info = info;
		this.asOfDay = defaultAsOfDay(info.snapshotDays, this.horizonDays, info.dataEndDay);
		this.driftFromDay = -Infinity;
		this.#ensureWorker().postMessage({
			type: 'backtest/data',
			id: this.#nextId++,
			n: ds.table.n,
			columns: [...ds.table.columns.entries()],
			ids: ds.ids,
			roles: info.roles
		});
	}

	/** Run the validation for `model`; an older reply is dropped. */
	run(model: Model): void {
		if (!this.#dataset || !this.info || this.info.modes.length === 0) return;
		this.#runId = this.#nextId++;
		this.#pending = model;
		this.isRunning = true;
		this.stage = 'Queued';
		this.#ensureWorker().postMessage({
			type: 'validation/run',
			id: this.#runId,
			model: $state.snapshot(model) as Model,
			settings: this.settings
		});
	}

	#ensureWorker(): BacktestWorkerLike {
		if (this.#worker) return this.#worker;
		const w = this.#makeWorker();
		w.onmessage = (e) => this.#receive(e.data);
		this.#worker = w;
		return w;
	}

	#receive(msg: BacktestReply): void {
		if (msg.id !== this.#runId) return;
		if (msg.type === 'backtest/progress') {
			this.stage = msg.stage;
			return;
		}
		this.isRunning = false;
		this.stage = '';
		if (msg.type === 'backtest/error') this.error = msg.message;
		else if (msg.type === 'validation/result') {
			this.error = null;
			this.result = msg.result;
			this.resultModel = this.#pending;
		}
	}

	/** Everything on show as JSON (settings, thresholds, result, ready lines); NaN → null. */
	json(): string | null {
		const r = this.result;
		if (!r) return null;
		const doc = {
			kind: 'health-score-validation',
			version: 1,
			dataset: this.#dataset?.meta.name ?? null,
			model: this.resultModel ? { id: this.resultModel.id, name: this.resultModel.name } : null,
			settings: this.settings,
			thresholds: this.thresholds,
			ready: this.ready,
			...r
		};
		return JSON.stringify(
			doc,
			(_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
			2
		);
	}

	dispose(): void {
		this.#worker?.terminate();
		this.#worker = null;
	}
}

/** The single instance the Validation screen (and the model card) use. */
export const validation = new ValidationState();

/**
 * Validation state ("would it have warned us?"): the settings of the Validation screen, the run
 * posted to its own backtest worker on the shared WorkerClient (start-up check, timeout, stale
 * replies dropped, failures as data: a worker that cannot serve ends "Running…" with a message),
 * the editable ready-to-ship thresholds (applied in the page, no re-run) and the JSON export of
 * everything on show.
 */
import { workerFailureText } from '$lib/i18n/problem-text';
import { workerErrorText } from '$lib/i18n/model-issue-text';
import { defaultAsOfDay } from '$lib/backtest/asof';
import {
	DEFAULT_READY,
	readyCheck,
	type ReadyId,
	type ReadyLine,
	type ReadyThresholds
} from '$lib/backtest/ready';
import { capacityCut, type CapacityResult } from '$lib/backtest/money';
import type { Dataset } from '$lib/data/dataset';
import { validationEn } from '$lib/i18n/catalog/validation';
import type { CardReadyLine } from '$lib/data/export/model-card';
import type { Model } from '$lib/model/types';
import type { BacktestReply, BacktestRequest } from '$lib/workers/backtest-protocol';
import { LatestLane, WorkerClient, type WorkerFailure } from '$lib/workers/client';
import type { ValidationResult, ValidationSettings } from '$lib/workers/validation-protocol';
import {
	createBacktestWorker,
	dataInfo,
	DEFAULT_SEED,
	backtest,
	postBacktestData,
	type BacktestDataInfo,
	type BacktestWorkerLike
} from './backtest.svelte';
import { workerTrouble } from './worker-trouble.svelte';

/**
 * Each ready-to-ship check in English words, for the exported model card (the screen says them
 * in the UI language from the same catalog entries, `val.ready.c.*`).
 */
export const READY_CHECKS: Record<ReadyId, string> = {
	'red-lift': validationEn['val.ready.c.red-lift'],
	lead: validationEn['val.ready.c.lead'],
	'green-share': validationEn['val.ready.c.green-share'],
	'tier-order': validationEn['val.ready.c.tier-order'],
	events: validationEn['val.ready.c.events']
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

/** Text columns a dataset can be split into per-segment results by (2–50 values), by name. */
export function segmentChoices(ds: Dataset | null): string[] {
	if (!ds) return [];
	const out: string[] = [];
	for (const [name, c] of ds.table.columns)
		if (c.kind === 'category' && c.dictionary.length >= 2 && c.dictionary.length <= 50)
			out.push(name);
	return out.sort((a, b) => a.localeCompare(b));
}

export class ValidationState {
	#client: WorkerClient<BacktestRequest, BacktestReply>;
	/** One run at a time; while it runs only the newest ask waits. */
	#lane = new LatestLane<Model>((m) => this.#post(m));
	/** Whether the worker holds the dataset (a restarted worker needs it again). */
	#dataPosted = false;
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
	/** Drift: key of the model in force at the earlier date (a backtest challenger); '' = same. */
	driftModelKey = $state('');
	/** Capacity: CSMs and the most at-risk accounts each can work (applied in the page). */
	csms = $state(5);
	/** Per-segment results: the column to split by; '' = the model's segment column (if any). */
	segmentColumn = $state('');
	accountsPerCsm = $state(20);

	result = $state.raw<ValidationResult | null>(null);
	resultModel = $state.raw<Model | null>(null);
	isRunning = $state(false);
	stage = $state('');
	error = $state<string | null>(null);

	constructor(makeWorker: () => BacktestWorkerLike = createBacktestWorker) {
		this.#client = new WorkerClient<BacktestRequest, BacktestReply>({
			create: makeWorker,
			onReply: (msg) => this.#receive(msg),
			onFailure: (f) => this.#failed(f),
			isFinal: (msg) => msg.type !== 'backtest/progress'
		});
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

	/** Accounts the team can work: CSMs × accounts per CSM (whole, ≥ 0). */
	get capacity(): number {
		const ok = (x: number) => (Number.isFinite(x) && x > 0 ? Math.floor(x) : 0);
		return ok(this.csms) * ok(this.accountsPerCsm);
	}

	/** The capacity cut on the result on show (no re-run). */
	get capacityResult(): CapacityResult | null {
		const m = this.result?.money;
		return m ? capacityCut(m.byShown, this.capacity) : null;
	}

	/** Ready-to-ship lines of the result on show, with the current thresholds. */
	get ready(): ReadyLine[] | null {
		return this.result ? readyLines(this.result, this.thresholds) : null;
	}

	/** The ready-to-ship lines as the model card shows them (check in words, status, figure). */
	get cardReady(): CardReadyLine[] | null {
		return (
			this.ready?.map((l) => ({
				check: READY_CHECKS[l.id],
				status: l.status,
				detail: l.detail,
				id: l.id,
				note: l.note
			})) ?? null
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
			driftFromDay: Number.isFinite(this.driftFromDay) ? this.driftFromDay : NaN,
			driftModel: this.#driftModel(),
			segmentColumn: this.segmentColumn || null
		};
	}

	/** The earlier model for the drift split, from the backtest's challenger list. */
	#driftModel(): { name: string; model: Model } | null {
		if (!this.driftModelKey) return null;
		const c = backtest.challengers.find((x) => x.key === this.driftModelKey);
		return c ? { name: c.label, model: $state.snapshot(c.model) as Model } : null;
	}

	/** Use a dataset: post it to the worker once; default as-of = latest complete date. */
	setDataset(ds: Dataset | null): void {
		if (ds === this.#dataset) return;
		this.#dataset = ds;
		this.result = null;
		this.error = null;
		// A run for the previous dataset is out of date: drop its replies.
		this.#client.forget(this.#runId);
		this.#runId = 0;
		this.#lane.reset();
		this.isRunning = false;
		this.stage = '';
		if (!ds) {
			this.info = null;
			return;
		}
		const info = dataInfo(ds);
		this.info = info;
		this.asOfDay = defaultAsOfDay(info.snapshotDays, this.horizonDays, info.dataEndDay);
		this.driftFromDay = -Infinity;
		this.#postData();
	}

	/** Post the dataset to the worker (once per dataset and worker). */
	#postData(): void {
		const ds = this.#dataset;
		const info = this.info;
		if (!ds || !info) return;
		this.#dataPosted = postBacktestData(this.#client, ds, info);
	}

	/** Run the validation for `model`: one at a time, the newest ask waits, older replies drop. */
	run(model: Model): void {
		if (!this.#dataset || !this.info || this.info.modes.length === 0) return;
		this.isRunning = true;
		this.stage = 'Queued';
		this.#lane.push(model);
	}

	#post(model: Model): void {
		if (!this.#dataPosted) this.#postData();
		if (!this.#dataPosted) return; // the worker failed to start (reported)
		this.#pending = model;
		const snapshot = $state.snapshot(model) as Model;
		const settings = this.settings;
		this.#runId = this.#client.send((id) => ({
			type: 'validation/run',
			id,
			model: snapshot,
			settings
		}));
	}

	/** The worker could not serve: say so and end "Running…" (the next run tries a new one). */
	#failed(f: WorkerFailure): void {
		this.error = workerFailureText(f);
		this.isRunning = false;
		this.stage = '';
		this.#lane.reset();
		this.#runId = 0;
		this.#dataPosted = false;
		workerTrouble.report(f);
	}

	#receive(msg: BacktestReply): void {
		if (msg.id !== this.#runId) return; // the data-ready ack, or superseded
		if (msg.type === 'backtest/progress') {
			if (!this.#lane.hasQueued) this.stage = msg.stage;
			return;
		}
		this.#runId = 0;
		const stale = this.#lane.hasQueued;
		this.#lane.done();
		if (stale) return; // a newer ask is already running
		this.isRunning = false;
		this.stage = '';
		if (msg.type === 'backtest/error') this.error = workerErrorText('backtest', msg);
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
			capacity: this.capacityResult,
			...r
		};
		return JSON.stringify(
			doc,
			(_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
			2
		);
	}

	dispose(): void {
		this.#client.dispose();
	}
}

/** The single instance the Validation screen (and the model card) use. */
export const validation = new ValidationState();

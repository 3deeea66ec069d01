/**
 * Backtest state: the settings of the Backtest screen (mode, as-of day, horizon, seed, resamples,
 * challenger, threshold targets and costs), the runs posted to the backtest worker (stale replies
 * dropped), and the Accept actions that apply a suggestion through `workbench.editModel`, so Undo
 * restores the previous model.
 */
import { workerFailureText } from '$lib/i18n/problem-text';
import { templateName, workerErrorDetail, workerErrorText } from '$lib/i18n/model-issue-text';
import { applySuggestedWeights } from '$lib/backtest/fit';
import {
	roundedWeights,
	weightStep,
	type PlacementRule,
	type WeightStep
} from '$lib/draft/suggest';
import { defaultAsOfDay, distinctDays, lastKnownDay } from '$lib/backtest/asof';
import { packIdStrings } from '$lib/data/csv/build';
import { columnWithRole, transferableColumns, type Dataset } from '$lib/data/dataset';
import { newId, type WorkbenchStore } from '$lib/data/db/store';
import { TEMPLATES, validateModel } from '$lib/model';
import type { Model } from '$lib/model/types';
import type {
	BacktestMode,
	BacktestReply,
	BacktestRequest,
	BacktestRoles,
	BacktestRunResult,
	BacktestSettings,
	FitRunResult
} from '$lib/workers/backtest-protocol';
import { LatestLane, WorkerClient, type WorkerFailure, type WorkerLike } from '$lib/workers/client';
import { setTierMins } from '$lib/model/edits';
import { workerTrouble } from './worker-trouble.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import { sayDraft } from '$lib/i18n/say-draft';
import type { Workbench } from './workbench.svelte';

/** What the state needs of a worker (a module worker, or an in-process fake in tests). */
export type BacktestWorkerLike = WorkerLike<BacktestRequest, BacktestReply>;

/** One run: the model, the settings and the challenger it was asked with. */
interface RunAsk {
	model: Model;
	settings: BacktestSettings;
	challenger: { name: string; model: Model } | null;
}

export function createBacktestWorker(): BacktestWorkerLike {
	// A one-off URL for the bundler, not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Worker(new URL('../workers/backtest.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as BacktestWorkerLike;
}

/** A model the current one can be compared with. */
export interface ChallengerOption {
	key: string;
	/** Its name in the picker, in the UI language (a getter: it follows a language switch). */
	readonly label: string;
	model: Model;
	/** A saved version: when it was saved (epoch ms). */
	savedAt?: number;
}

/** A template as a challenger. */
function templateOption(tpl: (typeof TEMPLATES)[number]): ChallengerOption {
	return {
		key: `template:${tpl.id}`,
		get label() {
			return t('bt.ch.template', { name: templateName(tpl) });
		},
		model: tpl.model
	};
}

/** What the dataset allows. */
export interface BacktestDataInfo {
	roles: BacktestRoles;
	modes: BacktestMode[];
	/** Distinct snapshot days, ascending (empty without a snapshot column). */
	snapshotDays: number[];
	/** Latest date in the file: outcomes are known up to it. */
	dataEndDay: number;
}

export const HORIZONS = [90, 180, 365] as const;
export const DEFAULT_SEED = 42;
export const DEFAULT_RESAMPLES = 1000;
export const MAX_RESAMPLES = 10_000;

/** Roles and modes of a dataset (pure). */
export function dataInfo(ds: Dataset): BacktestDataInfo {
	const roles: BacktestRoles = {
		snapshotDate: columnWithRole(ds.meta, 'snapshot-date'),
		churned: columnWithRole(ds.meta, 'churned'),
		churnDate: columnWithRole(ds.meta, 'churn-date'),
		contractValue: columnWithRole(ds.meta, 'contract-value')
	};
	const values = (name: string | null) => {
		const c = name ? ds.table.columns.get(name) : undefined;
		return c?.kind === 'number' ? c.values : null;
	};
	const snap = values(roles.snapshotDate);
	const churnDay = values(roles.churnDate);
	const modes: BacktestMode[] = [];
	if (snap && churnDay) modes.push('point-in-time');
	if (roles.churned || churnDay) modes.push('cross-sectional');
	return {
		roles,
		modes,
		snapshotDays: snap ? distinctDays(snap) : [],
		dataEndDay: lastKnownDay(snap, churnDay)
	};
}

/** Ids per part posted to a worker (one string each: 100,000 small strings cost a long task). */
const POSTED_ID_PART_ROWS = 50_000;

/**
 * The message that gives a backtest worker a dataset, with the buffers it transfers: the columns
 * go as fresh copies whose buffers are transferred and the ids as a few joined strings, so the
 * page does not serialise a wide table in one task.
 */
export function backtestDataMessage(
	ds: Dataset,
	roles: BacktestRoles,
	id: number
): { message: BacktestRequest; transfer: ArrayBuffer[] } {
	const { columns, transfer } = transferableColumns(ds.table);
	return {
		message: {
			type: 'backtest/data',
			id,
			n: ds.table.n,
			columns,
			ids: packIdStrings(ds.ids, POSTED_ID_PART_ROWS),
			roles
		},
		transfer
	};
}

/** Post a dataset to a backtest worker; false when no worker could be started (reported). */
export function postBacktestData(
	client: WorkerClient<BacktestRequest, BacktestReply>,
	ds: Dataset,
	info: BacktestDataInfo
): boolean {
	// Filled while the message is built (send reads the list after calling `make`).
	const transfer: ArrayBuffer[] = [];
	const sent = client.send((id) => {
		const built = backtestDataMessage(ds, info.roles, id);
		transfer.push(...built.transfer);
		return built.message;
	}, transfer);
	return sent !== 0;
}

/** Every tier's `min` with the red cut (the tier just above the worst) set to `cut`. */
export function redCutMins(model: Model, cut: number): number[] | null {
	const T = model.tiers.length;
	if (T < 2 || !(cut > 0)) return null;
	const above = T >= 3 ? model.tiers[T - 3]!.min : Infinity;
	if (!(cut < above)) return null;
	return model.tiers.map((t, i) => (i === T - 2 ? cut : t.min));
}

export class BacktestState {
	#client: WorkerClient<BacktestRequest, BacktestReply>;
	/** Runs one at a time; while one runs only the newest ask waits (edits never pile up). */
	#lane = new LatestLane<RunAsk>((ask) => this.#post(ask));
	/** Whether the worker holds the dataset (a restarted worker needs it again). */
	#dataPosted = false;
	#runId = 0;
	#fitId = 0;
	#dataset: Dataset | null = null;
	#pending: Model | null = null;

	info = $state.raw<BacktestDataInfo | null>(null);
	mode = $state<BacktestMode>('cross-sectional');
	asOfDay = $state(NaN);
	horizonDays = $state(180);
	seed = $state(DEFAULT_SEED);
	resamples = $state(DEFAULT_RESAMPLES);
	rolling = $state(true);
	/** Red-cut target, percent. */
	minCatchPct = $state(50);
	maxFlaggedPct = $state(20);
	costMiss = $state(10_000);
	costFalseAlarm = $state(500);
	/** How accepting suggested weights re-places the thresholds (default: keep the tier shares). */
	placeRule = $state<PlacementRule['kind']>('keep-shares');
	/** For the 'red-catch' rule: the worst tier catches at least this % of churners. */
	placeCatchPct = $state(66);
	/** Capacity of the cost-based cut: CSMs × Red accounts per CSM (off unless `useCapacity`). */
	useCapacity = $state(false);
	csms = $state(4);
	perCsm = $state(25);
	challengerKey = $state('');
	challengers = $state.raw<ChallengerOption[]>(TEMPLATES.map(templateOption));

	result = $state.raw<BacktestRunResult | null>(null);
	/** The model the result was computed with. */
	resultModel = $state.raw<Model | null>(null);
	fit = $state.raw<FitRunResult | null>(null);
	fitModel = $state.raw<Model | null>(null);
	isRunning = $state(false);
	isFitting = $state(false);
	stage = $state('');
	error = $state<string | null>(null);
	fitError = $state<string | null>(null);
	/** Note shown after an Accept (what changed; Undo restores it). */
	notice = $state<string | null>(null);

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

	get challenger(): ChallengerOption | null {
		return this.challengers.find((c) => c.key === this.challengerKey) ?? null;
	}

	/** Settings of the next run, checked (seed uint32, resamples 0–10,000, shares 0–1). */
	get settings(): BacktestSettings {
		const clamp = (x: number, lo: number, hi: number, d: number) =>
			Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : d;
		return {
			mode: this.mode,
			asOfDay: this.asOfDay,
			horizonDays: clamp(Math.round(this.horizonDays), 1, 3650, 180),
			seed: clamp(Math.trunc(this.seed), 0, 4294967295, DEFAULT_SEED),
			resamples: clamp(Math.round(this.resamples), 0, MAX_RESAMPLES, DEFAULT_RESAMPLES),
			rolling: this.rolling,
			minCatch: clamp(this.minCatchPct, 0, 100, 50) / 100,
			maxFlagged: clamp(this.maxFlaggedPct, 0, 100, 20) / 100,
			costMiss: clamp(this.costMiss, 0, 1e12, 0),
			costFalseAlarm: clamp(this.costFalseAlarm, 0, 1e12, 0)
		};
	}

	/** Use a dataset: post it to the worker once, pick the mode and the default as-of day. */
	setDataset(ds: Dataset | null): void {
		if (ds === this.#dataset) return;
		this.#dataset = ds;
		this.result = null;
		this.fit = null;
		this.error = null;
		// A run for the previous dataset is out of date: drop its replies.
		this.#client.forget(this.#runId);
		this.#client.forget(this.#fitId);
		this.#runId = this.#fitId = 0;
		this.#lane.reset();
		this.isRunning = this.isFitting = false;
		this.stage = '';
		if (!ds) {
			this.info = null;
			return;
		}
		const info = dataInfo(ds);
		this.info = info;
		this.mode = info.modes[0] ?? 'cross-sectional';
		this.asOfDay = defaultAsOfDay(info.snapshotDays, this.horizonDays, info.dataEndDay);
		this.#postData();
	}

	/** Post the dataset to the worker (once per dataset and worker). */
	#postData(): void {
		const ds = this.#dataset;
		const info = this.info;
		if (!ds || !info) return;
		this.#dataPosted = postBacktestData(this.#client, ds, info);
	}

	/** The worker could not serve: say so and end "Running…" (the next run tries a new one). */
	#failed(f: WorkerFailure): void {
		this.error = workerFailureText(f);
		this.fitError = this.error;
		this.isRunning = this.isFitting = false;
		this.stage = '';
		this.#lane.reset();
		this.#runId = this.#fitId = 0;
		this.#dataPosted = false;
		workerTrouble.report(f);
	}

	/** Change the horizon; the as-of day moves to the latest complete one if it was the default. */
	setHorizon(days: number): void {
		const info = this.info;
		const wasDefault =
			info && this.asOfDay === defaultAsOfDay(info.snapshotDays, this.horizonDays, info.dataEndDay);
		this.horizonDays = days;
		if (info && wasDefault) this.asOfDay = defaultAsOfDay(info.snapshotDays, days, info.dataEndDay);
	}

	/**
	 * Run the backtest (and then the weight fit) for `model`. One run at a time: a run asked for
	 * while one is running waits, replacing any older waiting one, and the running one's replies
	 * are then dropped (they are out of date).
	 */
	run(model: Model): void {
		if (!this.#dataset || !this.info || this.info.modes.length === 0) return;
		const settings = this.settings;
		if (settings.mode === 'point-in-time' && !Number.isFinite(settings.asOfDay)) return;
		// Read the challenger list only when one is chosen (loading saved models must not re-run).
		const c = this.challengerKey ? this.challenger : null;
		this.isRunning = true;
		this.isFitting = true;
		this.stage = 'Queued';
		this.#lane.push({
			model,
			settings,
			challenger: c ? { name: c.label, model: c.model } : null
		});
	}

	#post(ask: RunAsk): void {
		if (!this.#dataPosted) this.#postData();
		if (!this.#dataPosted) return; // the worker failed to start (reported)
		const snapshot = $state.snapshot(ask.model) as Model;
		this.#pending = ask.model;
		this.#fitPending = ask.model;
		this.#runId = this.#client.send((id) => ({
			type: 'backtest/run',
			id,
			model: snapshot,
			challenger: ask.challenger,
			settings: ask.settings
		}));
		this.#fitId = this.#client.send((id) => ({
			type: 'backtest/fit',
			id,
			model: snapshot,
			settings: ask.settings,
			folds: 5
		}));
	}

	#fitPending: Model | null = null;

	#receive(msg: BacktestReply): void {
		// A newer run waits: this pair is out of date (its fit reply still frees the lane).
		const stale = this.#lane.hasQueued;
		if (msg.id === this.#fitId) {
			if (!stale) {
				if (msg.type === 'backtest/fit-result') {
					this.fit = msg.result;
					this.fitModel = this.#fitPending;
					this.fitError = null;
				} else if (msg.type === 'backtest/error') this.fitError = workerErrorDetail(msg);
			}
			this.#fitId = 0;
			this.#lane.done();
			if (!this.#lane.busy) this.isFitting = false;
			return;
		}
		if (msg.id !== this.#runId || stale) return; // superseded (or the data-ready ack)
		if (msg.type === 'backtest/progress') {
			this.stage = msg.stage;
			return;
		}
		this.isRunning = false;
		this.stage = '';
		if (msg.type === 'backtest/error') {
			this.error = workerErrorText('backtest', msg);
			return;
		}
		if (msg.type === 'backtest/result') {
			this.error = null;
			this.result = msg.result;
			this.resultModel = this.#pending;
		}
	}

	/** Saved models and their named versions as challengers (after the templates). */
	async loadSaved(store: WorkbenchStore | null): Promise<void> {
		if (!store) return;
		const out: ChallengerOption[] = TEMPLATES.map(templateOption);
		try {
			for (const s of await store.listModels()) {
				const rec = await store.loadModel(s.id);
				if (!rec) continue;
				const add = (key: string, label: () => string, json: unknown, savedAt?: number) => {
					const v = validateModel(json);
					if (v.ok)
						out.push({
							key,
							get label() {
								return label();
							},
							model: v.model,
							...(savedAt ? { savedAt } : {})
						});
				};
				const name = rec.name;
				add(`saved:${rec.id}:current`, () => t('bt.ch.working', { name }), rec.current);
				for (const v of rec.versions)
					add(
						`saved:${rec.id}:${v.version}`,
						() => t('bt.ch.version', { name, version: v.version }),
						v.model,
						v.savedAt
					);
			}
		} catch {
			// Storage trouble: the templates remain available.
		}
		this.challengers = out;
	}

	/** The placement rule as chosen on screen. */
	get placement(): PlacementRule {
		if (this.placeRule === 'red-catch') {
			const p = Number.isFinite(this.placeCatchPct) ? this.placeCatchPct : 66;
			return { kind: 'red-catch', share: Math.min(100, Math.max(1, p)) / 100 };
		}
		return { kind: this.placeRule };
	}

	/** Red capacity (accounts), Infinity when off or not a positive number. */
	get capacity(): number {
		const c = Math.floor(this.csms) * Math.floor(this.perCsm);
		return this.useCapacity && c > 0 ? c : Infinity;
	}

	/**
	 * Accepting the suggested weights as one step for `model` (the fit's model): the thresholds
	 * the rule gives and the before/after table. Null without a fit or a suggestion.
	 */
	weightStep(model: Model | null): WeightStep | null {
		const p = this.fit?.proposal;
		if (!model || !p || this.fitModel !== model) return null;
		return weightStep(model.tiers, p, this.placement);
	}

	/**
	 * Apply the suggested weights and the re-placed thresholds as one undoable edit. Refused (and
	 * nothing changes) when the new tiers would be out of order or the fit is for another model.
	 */
	acceptWeights(wb: Workbench): boolean {
		const model = wb.model;
		const fit = this.fit;
		if (!model || !fit || !fit.fit.weights.some((w) => w.weight > 0)) return false;
		const step = this.weightStep(model);
		if (!step) return false;
		if (step.problem) {
			this.notice = null;
			this.error = t('bt.n.refused', { problem: sayDraft(step.problem) });
			return false;
		}
		const dims = applySuggestedWeights(model.dimensions, roundedWeights(fit.fit.weights));
		const next = setTierMins({ ...model, dimensions: dims }, step.mins);
		const moved = step.mins.some((m, i) => m !== model.tiers[i]?.min);
		wb.editModel(
			next,
			moved ? t('bt.log.weightsCuts', { mins: step.mins.join('/') }) : t('bt.log.weights')
		);
		wb.endEdit();
		this.notice = moved
			? t('bt.n.weightsMoved', {
					mins: model.tiers
						.slice(0, -1)
						.map((tier, i) => t('bt.n.tierFrom', { tier: tier.name, min: step.mins[i] ?? '' }))
						.join(', ')
				})
			: t('bt.n.weights');
		return true;
	}

	/** Move the red cut (the `min` of the tier above the worst) to `cut`, as one undoable edit. */
	acceptRedCut(wb: Workbench, cut: number, why: string): boolean {
		const model = wb.model;
		const mins = model ? redCutMins(model, cut) : null;
		if (!model || !mins) return false;
		const worst = model.tiers.at(-1)!;
		wb.editModel(setTierMins(model, mins), t('bt.log.redCut', { tier: worst.name, cut, why }));
		wb.endEdit();
		this.notice = t('bt.n.redCut', { tier: worst.name, cut });
		return true;
	}

	/** The whole report (settings, card, rolling, comparison, fit) as JSON; NaN → null. */
	reportJson(): string | null {
		const r = this.result;
		if (!r) return null;
		const doc = {
			kind: 'health-score-backtest',
			version: 1,
			dataset: this.#dataset?.meta.name ?? null,
			model: this.resultModel ? { id: this.resultModel.id, name: this.resultModel.name } : null,
			challenger: r.compare?.name ?? null,
			settings: this.settings,
			...r,
			fit: this.fit
		};
		return JSON.stringify(
			doc,
			(_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
			2
		);
	}

	/** Save the current report to storage (listed with the dataset and model ids). */
	async save(store: WorkbenchStore | null): Promise<boolean> {
		const json = this.reportJson();
		if (!store || !json) return false;
		try {
			await store.saveBacktest({
				id: newId('bt'),
				name: `${this.resultModel?.name ?? 'Model'} · ${this.#dataset?.meta.name ?? 'dataset'}`,
				datasetId: this.#dataset?.meta.id ?? null,
				modelId: this.resultModel?.id ?? null,
				createdAt: Date.now(),
				report: JSON.parse(json) as unknown
			});
			this.notice = t('bt.n.saved');
			return true;
		} catch (e) {
			this.error = t('bt.n.saveFailed', { error: e instanceof Error ? e.message : String(e) });
			return false;
		}
	}

	dispose(): void {
		this.#client.dispose();
		this.#lane.reset();
		this.#dataPosted = false;
	}
}

/** The single instance the Backtest screen uses. */
export const backtest = new BacktestState();

/**
 * Portfolio scoring state: posts the active dataset's typed columns to the score worker once,
 * then only the model on each change; drops superseded replies; derives tier counts (live while a
 * threshold is dragged, from the histogram of shown scores), flags, the filtered and sorted
 * account list and the score history per snapshot month.
 */
import { workerFailureText } from '$lib/i18n/problem-text';
import { workerErrorText } from '$lib/i18n/model-issue-text';
import { columnWithRole, transferableColumns, type Dataset } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import { tierCountsFromHistogram, tierIndexFor } from '$lib/model/tiers';
import {
	WorkerClient,
	type WorkerFailure,
	type WorkerLike as ClientWorker
} from '$lib/workers/client';
import { ThresholdDrag } from '$lib/charts/threshold-drag.svelte';
import type {
	ScoreArrays,
	ScoreReply,
	ScoreRequest,
	ScoreSummaryFields,
	ScoreTableReady
} from '$lib/workers/score-protocol';
import {
	groupSnapshots,
	historyByMonth,
	metricChange,
	scoreDrops,
	type MonthMix,
	type Snapshots
} from '$lib/portfolio/snapshots';
import {
	accountFlagMasks,
	FLAG_BITS,
	filterAndSort,
	type FlagKey,
	type SortKey
} from '$lib/portfolio/view';
import type { ScoredDimensions } from './actions.svelte';
import { workerTrouble } from './worker-trouble.svelte';
import { workbench } from './workbench.svelte';

/** What the state needs of a worker (a real module worker, or an in-process fake in tests). */
export type WorkerLike = ClientWorker<ScoreRequest, ScoreReply>;

export function createScoreWorker(): WorkerLike {
	// A one-off URL for the bundler, not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Worker(new URL('../workers/score.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as WorkerLike;
}

export interface FlagSettings {
	dropPoints: number;
	dropDays: number;
	/** Column whose fall counts as "usage down"; '' = none. */
	usageColumn: string;
	usageDropPct: number;
	usageDays: number;
}

export const PAGE_SIZE = 50;

export class PortfolioState {
	#client: WorkerClient<ScoreRequest, ScoreReply>;
	/** Whether the worker holds the dataset's table (a restarted worker needs it again). */
	#tablePosted = false;
	/** Id of the reply the page will show (0 = none: a new table invalidated it). */
	#wanted = 0;
	/** The model request the worker is working on (its id, model and send time), or null. */
	#inFlight: { id: number; model: Model; sentAt: number } | null = null;
	/** The newest model asked for while the worker was busy (sent when it is free). */
	#queued: Model | null = null;
	/** The newest model asked for (the handles' committed values when no source is given). */
	#latest = $state.raw<Model | null>(null);
	#dataset: Dataset | null = null;
	/** Once asked, settled per-row requests also bring the dimension columns (exports). */
	#withDimensions = false;
	#dimensionWaiters: ((dims: ScoredDimensions | null) => void)[] = [];

	snapshots = $state.raw<Snapshots | null>(null);
	/**
	 * Histogram and tier counts of the newest reply, with the model they belong to (updated on
	 * every reply, also mid-drag).
	 */
	scored = $state.raw<{ model: Model; summary: ScoreSummaryFields } | null>(null);
	/**
	 * Per-row scores (table, drill-down, flags, history) with the model they belong to. While a
	 * slider is dragged the worker sends only summaries; these follow once the model settles, so
	 * they may belong to the model before `scored.model` meanwhile — each pair stays consistent.
	 */
	rows = $state.raw<{ model: Model; arrays: ScoreArrays } | null>(null);
	error = $state<string | null>(null);
	isScoring = $state(false);
	/** Main-thread round trip of the last rescore, ms (post → reply handled). */
	roundTripMs = $state(0);
	/** Threshold handles: a preview while dragged; the committed values are the model's tiers. */
	drag: ThresholdDrag;

	tierFilter = $state<number | null>(null);
	segmentFilter = $state<string | null>(null);
	flagFilter = $state<FlagKey | null>(null);
	search = $state('');
	sortKey = $state<SortKey>('score');
	sortAsc = $state(true);
	page = $state(0);
	flagSettings = $state<FlagSettings>({
		dropPoints: 10,
		dropDays: 90,
		usageColumn: '',
		usageDropPct: 30,
		usageDays: 60
	});

	/**
	 * `model`: the model whose tiers the handles show (the workbench's, so a commit shows at
	 * once); default: the newest model asked to score.
	 */
	constructor(makeWorker: () => WorkerLike = createScoreWorker, model?: () => Model | null) {
		const current = model ?? (() => this.#latest);
		this.drag = new ThresholdDrag(() => current()?.tiers.map((t) => t.min) ?? []);
		this.#client = new WorkerClient<ScoreRequest, ScoreReply>({
			create: makeWorker,
			onReply: (msg) => this.#receive(msg),
			onFailure: (f) => this.#failed(f)
		});
	}

	get dataset(): Dataset | null {
		return this.#dataset;
	}

	/** Histogram and tier counts of the newest reply. */
	get summary(): ScoreSummaryFields | null {
		return this.scored?.summary ?? null;
	}

	/** The model of the newest summary (tier names and colours of the histogram). */
	get resultModel(): Model | null {
		return this.scored?.model ?? null;
	}

	/** The newest per-row arrays (see `rows` for their model). */
	get arrays(): ScoreArrays | null {
		return this.rows?.arrays ?? null;
	}

	/**
	 * Every row's dimension scores for the model of `rows` (exports, percentile drivers). The
	 * worker sends them on request, so nothing re-scores the table on the page; null when the
	 * dataset changed or the worker failed meanwhile.
	 */
	dimensions(): Promise<ScoredDimensions | null> {
		const r = this.rows;
		if (r && r.arrays.dimensions.length === r.model.dimensions.length)
			return Promise.resolve({ model: r.model, dimensions: r.arrays.dimensions });
		this.#withDimensions = true;
		const wait = new Promise<ScoredDimensions | null>((resolve) =>
			this.#dimensionWaiters.push(resolve)
		);
		if (r && !this.#inFlight) this.#send(r.model, true);
		return wait;
	}

	#settleDimensions(dims: ScoredDimensions | null): void {
		const waiters = this.#dimensionWaiters;
		this.#dimensionWaiters = [];
		for (const w of waiters) w(dims);
	}

	/** Column names by role in the active dataset. */
	get roles() {
		const meta = this.#dataset?.meta;
		return {
			date: meta ? columnWithRole(meta, 'snapshot-date') : null,
			segment: meta ? columnWithRole(meta, 'segment') : null,
			value: meta ? columnWithRole(meta, 'contract-value') : null
		};
	}

	/** Use a dataset: group its snapshots and post its columns to the worker (once). */
	setDataset(dataset: Dataset | null): void {
		if (dataset === this.#dataset) return;
		this.#dataset = dataset;
		this.scored = null;
		this.rows = null;
		this.#settleDimensions(null);
		this.#wanted = 0;
		this.page = 0;
		if (!dataset) {
			this.snapshots = null;
			return;
		}
		const dateName = columnWithRole(dataset.meta, 'snapshot-date');
		const date = dateName ? dataset.table.columns.get(dateName) : undefined;
		const snaps = groupSnapshots(dataset.ids, date?.kind === 'number' ? date.values : null);
		this.snapshots = snaps;
		const usage = dataset.meta.columns.find((c) => c.role === 'metric' && c.type === 'number');
		this.flagSettings.usageColumn = usage?.name ?? '';
		this.#postTable();
	}

	/** Post the dataset's columns to the worker (once per dataset and worker). */
	#postTable(): void {
		const dataset = this.#dataset;
		const rows = this.snapshots?.latest ?? null;
		if (!dataset) return;
		const { columns, transfer } = transferableColumns(dataset.table);
		this.#tablePosted =
			this.#client.send(
				(id) => ({ type: 'score/table', id, n: dataset.table.n, columns, rows }),
				transfer
			) !== 0;
	}

	/** The worker could not serve: say so, and end "Scoring…" (the next edit tries a new one). */
	#failed(f: WorkerFailure): void {
		this.error = workerFailureText(f);
		this.isScoring = false;
		this.#inFlight = null;
		this.#queued = null;
		this.#settleDimensions(null);
		this.#wanted = 0;
		this.#tablePosted = false;
		workerTrouble.report(f);
	}

	/**
	 * Score with `model`. At most one request is in flight: while the worker is busy only the
	 * newest model waits (a slider drag never builds a backlog). A reply to a request that a new
	 * table has superseded is dropped when it arrives.
	 */
	rescore(model: Model): void {
		this.#latest = model;
		if (!this.#dataset) return;
		this.isScoring = true;
		if (this.#inFlight) {
			this.#queued = model;
			return;
		}
		this.#send(model);
	}

	/**
	 * `arrays`: ask for the per-row arrays too. A new model goes out without them (the summary is
	 * all a drag needs) unless there are none yet; they follow once no newer model is waiting.
	 */
	#send(model: Model, arrays = this.rows === null): void {
		if (!this.#tablePosted) this.#postTable();
		if (!this.#tablePosted) return;
		const dimensions = arrays && this.#withDimensions;
		this.#client.send((id) => {
			this.#wanted = id;
			this.#inFlight = { id, model, sentAt: performance.now() };
			return { type: 'score/model', id, model, arrays, dimensions };
		});
	}

	#receive(msg: ScoreReply): void {
		if (msg.type === 'score/table-ready') return;
		// Decide before sending a queued model: an intermediate result of a drag is still shown.
		const isWanted = msg.id === this.#wanted;
		const asked = this.#inFlight?.id === msg.id ? this.#inFlight : null;
		if (asked) this.#inFlight = null;
		if (isWanted && asked) this.#show(msg, asked.model, asked.sentAt);
		if (!asked) return;
		const next = this.#queued;
		this.#queued = null;
		const rows = this.rows;
		if (next) this.#send(next);
		// Settled: fetch the per-row arrays of the model just summarised…
		else if (isWanted && msg.type === 'score/result' && !msg.full) this.#send(asked.model, true);
		// …or the dimension columns an export waits for.
		else if (this.#dimensionWaiters.length && rows) this.#send(rows.model, true);
		if (isWanted) this.isScoring = this.#inFlight !== null;
	}

	#show(msg: Exclude<ScoreReply, ScoreTableReady>, model: Model, sentAt: number): void {
		if (msg.type === 'score/error') {
			this.error = workerErrorText('score', msg);
			return;
		}
		this.error = null;
		const { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total } = msg;
		const summary = { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
		this.scored = { model, summary };
		if (msg.full) {
			const { score, shown, tier, dimensions, belowFloor } = msg;
			this.rows = { model, arrays: { score, shown, tier, dimensions, belowFloor } };
			if (dimensions.length === model.dimensions.length)
				this.#settleDimensions({ model, dimensions });
		}
		this.roundTripMs = performance.now() - sentAt;
	}

	/** Tier counts of the accounts on show; follows a threshold drag live. */
	tierCounts = $derived.by(() => {
		const r = this.scored?.summary;
		const a = this.rows?.arrays;
		if (!r || !a) return [];
		if (this.segmentFilter !== null) return this.#segmentTierCounts(a);
		if (!this.drag.isDragging) return Array.from(r.tierCounts);
		return tierCountsFromHistogram(r.baseHistogram, this.drag.mins, r.fixedTierCounts);
	});

	#segmentTierCounts(r: ScoreArrays): number[] {
		const counts = new Array<number>(this.rows?.model.tiers.length ?? 0).fill(0);
		const rows = this.snapshots?.latest;
		const seg = this.#segmentOf();
		if (!rows || !seg) return counts;
		const dragTiers = this.drag.mins.map((min) => ({ min }));
		for (const i of rows) {
			if (seg(i) !== this.segmentFilter) continue;
			const s = r.shown[i]!;
			if (s !== s) continue;
			const t = this.drag.isDragging ? tierIndexFor(dragTiers, s) : r.tier[i]!;
			if (t >= 0 && t < counts.length) counts[t]!++;
		}
		return counts;
	}

	/** Segment value of a row, or null when there is no segment column. */
	#segmentOf(): ((row: number) => string | null) | null {
		const name = this.roles.segment;
		const col = name ? this.#dataset?.table.columns.get(name) : undefined;
		if (!col) return null;
		if (col.kind === 'category') return (i) => col.dictionary[col.codes[i]!] ?? null;
		return (i) => (Number.isNaN(col.values[i]!) ? null : String(col.values[i]));
	}

	/** Distinct segment values (for the filter). */
	segmentValues = $derived.by(() => {
		const name = this.roles.segment;
		const col = name ? this.#dataset?.table.columns.get(name) : undefined;
		return col?.kind === 'category' ? col.dictionary.slice().sort() : [];
	});

	/** Contract value of the accounts on show per tier index (ARR at risk), or null. */
	valueByTier = $derived.by(() => {
		const r = this.arrays;
		const name = this.roles.value;
		const col = name ? this.#dataset?.table.columns.get(name) : undefined;
		const rows = this.snapshots?.latest;
		if (!r || !rows || col?.kind !== 'number') return null;
		const seg = this.segmentFilter !== null ? this.#segmentOf() : null;
		const sums = new Array<number>(this.rows?.model.tiers.length ?? 0).fill(0);
		for (const i of rows) {
			if (seg && seg(i) !== this.segmentFilter) continue;
			const t = r.tier[i]!;
			const v = col.values[i]!;
			if (t >= 0 && v === v) sums[t] = (sums[t] ?? 0) + v;
		}
		return sums;
	});

	/** Per account: score drop over `dropDays`, and usage change over `usageDays` (fractions). */
	trends = $derived.by(() => {
		const r = this.arrays;
		const s = this.snapshots;
		const name = this.roles.date;
		const date = name ? this.#dataset?.table.columns.get(name) : undefined;
		if (!r || !s || date?.kind !== 'number') return null;
		const f = this.flagSettings;
		const usage = f.usageColumn ? this.#dataset?.table.columns.get(f.usageColumn) : undefined;
		return {
			drop: scoreDrops(s, date.values, r.shown, f.dropDays),
			usage:
				usage?.kind === 'number' ? metricChange(s, date.values, usage.values, f.usageDays) : null
		};
	});

	/** Flag bitmask per account (see FLAG_BITS). */
	flags = $derived.by(() => {
		const r = this.arrays;
		const s = this.snapshots;
		if (!r || !s) return new Uint8Array(0);
		return accountFlagMasks(s, r, this.trends, this.flagSettings);
	});

	/** Accounts per flag, and how many of them sit in the best tier ("green but …"). */
	flagCounts = $derived.by(() => {
		const out = Object.fromEntries(
			(Object.keys(FLAG_BITS) as FlagKey[]).map((k) => [k, { all: 0, top: 0 }])
		) as Record<FlagKey, { all: number; top: number }>;
		const r = this.arrays;
		const s = this.snapshots;
		if (!r || !s) return out;
		const masks = this.flags;
		for (let a = 0; a < masks.length; a++) {
			const m = masks[a]!;
			if (!m) continue;
			const top = r.tier[s.latest[a]!] === 0;
			for (const k of Object.keys(FLAG_BITS) as FlagKey[])
				if (m & FLAG_BITS[k]) {
					out[k].all++;
					if (top) out[k].top++;
				}
		}
		return out;
	});

	/** Account indices after filters, in sort order. */
	view = $derived.by(() => {
		const r = this.arrays;
		const s = this.snapshots;
		if (!r || !s) return new Int32Array(0);
		const valueName = this.roles.value;
		const value = valueName ? this.#dataset?.table.columns.get(valueName) : undefined;
		return filterAndSort(s, r, {
			tier: this.tierFilter,
			segmentOf: this.segmentFilter !== null ? this.#segmentOf() : null,
			segment: this.segmentFilter,
			flag: this.flagFilter,
			flags: this.flags,
			search: this.search,
			sortKey: this.sortKey,
			sortAsc: this.sortAsc,
			value: value?.kind === 'number' ? value.values : null
		});
	});

	pageCount = $derived(Math.max(1, Math.ceil(this.view.length / PAGE_SIZE)));

	/** Score and tier mix per snapshot month. */
	history = $derived.by((): MonthMix[] => {
		const r = this.arrays;
		const name = this.roles.date;
		const date = name ? this.#dataset?.table.columns.get(name) : undefined;
		if (!r || date?.kind !== 'number') return [];
		return historyByMonth(date.values, r.score, r.tier, this.rows?.model.tiers.length ?? 0);
	});

	/** Segment of an account's latest row, for the table. */
	segmentOfAccount(a: number): string | null {
		const row = this.snapshots?.latest[a];
		const seg = this.#segmentOf();
		return row === undefined || !seg ? null : seg(row);
	}

	/** Change a filter or the sort, back to the first page. */
	setFilter(
		patch: Partial<Pick<PortfolioState, 'tierFilter' | 'segmentFilter' | 'flagFilter' | 'search'>>
	): void {
		Object.assign(this, patch);
		this.page = 0;
	}

	sortBy(key: SortKey): void {
		if (this.sortKey === key) this.sortAsc = !this.sortAsc;
		else {
			this.sortKey = key;
			this.sortAsc = key !== 'value';
		}
		this.page = 0;
	}

	dispose(): void {
		this.#client.dispose();
		this.#tablePosted = false;
		this.#settleDimensions(null);
	}
}

/**
 * The single portfolio state the screens share; its handles show the workbench model's tiers,
 * so a committed threshold shows at once.
 */
export const portfolio = new PortfolioState(createScoreWorker, () => workbench.model);

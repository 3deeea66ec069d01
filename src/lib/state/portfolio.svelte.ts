/**
 * Portfolio scoring state: posts the active dataset's typed columns to the score worker once,
 * then only the model on each change; drops superseded replies; derives tier counts (live while a
 * threshold is dragged, from the histogram of shown scores), flags, the filtered and sorted
 * account list and the score history per snapshot month.
 */
import { columnWithRole, type Dataset } from '$lib/data/dataset';
import type { Model } from '$lib/model/types';
import { tierCountsFromHistogram, tierIndexFor } from '$lib/model/tiers';
import { ThresholdDrag } from '$lib/charts/threshold-drag.svelte';
import type {
	ScoreArrays,
	ScoreReply,
	ScoreRequest,
	ScoreResultReply,
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
} from './portfolio-stats';
import {
	accountFlagMasks,
	FLAG_BITS,
	filterAndSort,
	type FlagKey,
	type SortKey
} from './portfolio-view';

/** What the state needs of a worker (a real module worker, or an in-process fake in tests). */
export interface WorkerLike {
	postMessage(message: ScoreRequest, transfer?: Transferable[]): void;
	onmessage: ((e: MessageEvent<ScoreReply>) => void) | null;
	terminate(): void;
}

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
	#makeWorker: () => WorkerLike;
	#worker: WorkerLike | null = null;
	#nextId = 1;
	/** Id of the reply the page will show (0 = none: a new table invalidated it). */
	#wanted = 0;
	/** Id of the model request the worker is working on, 0 when idle. */
	#inFlight = 0;
	/** The newest model asked for while the worker was busy (sent when it is free). */
	#queued: Model | null = null;
	/** The newest model asked for: handles follow it, not a reply that is already out of date. */
	#latest: Model | null = null;
	#dataset: Dataset | null = null;
	#sentAt = 0;

	snapshots = $state.raw<Snapshots | null>(null);
	/** Histogram and tier counts of the newest model (updated on every reply, also mid-drag). */
	summary = $state.raw<ScoreSummaryFields | null>(null);
	/**
	 * Per-row scores (table, drill-down, flags, history). While a slider is dragged the worker
	 * sends only summaries; these arrays follow once the model settles, so they may lag the
	 * summary by one model meanwhile.
	 */
	arrays = $state.raw<ScoreArrays | null>(null);
	/** The latest summary with the latest per-row arrays; null until both have arrived. */
	result = $derived.by((): ScoreResultReply | null => {
		const s = this.summary;
		const a = this.arrays;
		if (!s || !a) return null;
		return { type: 'score/result', id: 0, reusedPoints: true, workerMs: 0, full: true, ...s, ...a };
	});
	/** The model the current summary was scored with. */
	resultModel = $state.raw<Model | null>(null);
	/** The model the current arrays were scored with. */
	#arraysModel = $state.raw<Model | null>(null);
	error = $state<string | null>(null);
	isScoring = $state(false);
	/** Main-thread round trip of the last rescore, ms (post → reply handled). */
	roundTripMs = $state(0);
	drag = new ThresholdDrag();

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

	constructor(makeWorker: () => WorkerLike = createScoreWorker) {
		this.#makeWorker = makeWorker;
	}

	get dataset(): Dataset | null {
		return this.#dataset;
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
		this.summary = null;
		this.arrays = null;
		this.resultModel = null;
		this.#arraysModel = null;
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
		const worker = this.#ensureWorker();
		worker.postMessage({
			type: 'score/table',
			id: this.#nextId++,
			n: dataset.table.n,
			columns: [...dataset.table.columns.entries()],
			rows: snaps.latest
		});
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
	#send(model: Model, arrays = this.arrays === null): void {
		const id = this.#nextId++;
		this.#wanted = id;
		this.#inFlight = id;
		this.#sentAt = performance.now();
		this.#pendingModel = model;
		this.#ensureWorker().postMessage({ type: 'score/model', id, model, arrays });
	}

	#pendingModel: Model | null = null;

	#ensureWorker(): WorkerLike {
		if (this.#worker) return this.#worker;
		const w = this.#makeWorker();
		w.onmessage = (e) => this.#receive(e.data);
		this.#worker = w;
		return w;
	}

	#receive(msg: ScoreReply): void {
		if (msg.type === 'score/table-ready') return;
		// Decide before sending a queued model: an intermediate result of a drag is still shown.
		const isWanted = msg.id === this.#wanted;
		const scored = this.#pendingModel;
		const sentAt = this.#sentAt;
		const done = msg.id === this.#inFlight;
		if (done) this.#inFlight = 0;
		if (isWanted) this.#show(msg, scored, sentAt);
		if (!done) return;
		const next = this.#queued;
		this.#queued = null;
		if (next) this.#send(next);
		// Settled: fetch the per-row arrays of the model just summarised.
		else if (isWanted && msg.type === 'score/result' && !msg.full && scored)
			this.#send(scored, true);
		if (isWanted) this.isScoring = this.#inFlight !== 0;
	}

	#show(msg: Exclude<ScoreReply, ScoreTableReady>, scored: Model | null, sentAt: number): void {
		if (msg.type === 'score/error') {
			this.error = msg.message;
			return;
		}
		this.error = null;
		const { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total } = msg;
		this.summary = { histogram, baseHistogram, fixedTierCounts, tierCounts, notScored, total };
		if (msg.full) {
			const { score, shown, tier, dimensions, belowFloor } = msg;
			this.arrays = { score, shown, tier, dimensions, belowFloor };
			this.#arraysModel = scored;
		}
		this.resultModel = scored;
		this.roundTripMs = performance.now() - sentAt;
		// Sync from the newest model, not the scored one: a late reply for an older model must not
		// pull a handle back (a key press in between would then be lost).
		const current = this.#latest ?? this.resultModel;
		if (!this.drag.isDragging && current) this.drag.sync(current.tiers.map((t) => t.min));
	}

	/** Tier counts of the accounts on show; follows a threshold drag live. */
	tierCounts = $derived.by(() => {
		const r = this.summary;
		const a = this.arrays;
		if (!r || !a) return [];
		if (this.segmentFilter !== null) return this.#segmentTierCounts(a);
		if (!this.drag.isDragging) return Array.from(r.tierCounts);
		return tierCountsFromHistogram(r.baseHistogram, this.drag.mins, r.fixedTierCounts);
	});

	#segmentTierCounts(r: ScoreArrays): number[] {
		const counts = new Array<number>(this.resultModel?.tiers.length ?? 0).fill(0);
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
		const sums = new Array<number>(this.#arraysModel?.tiers.length ?? 0).fill(0);
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
		return historyByMonth(date.values, r.score, r.tier, this.#arraysModel?.tiers.length ?? 0);
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
		this.#worker?.terminate();
		this.#worker = null;
	}
}

/** The single portfolio state the Model and Portfolio screens share. */
export const portfolio = new PortfolioState();

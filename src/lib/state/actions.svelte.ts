/**
 * Actions state: turns the portfolio's scores (the score worker's per-row arrays and, for
 * exports and percentile drivers, its dimension columns; latest snapshot per account — never
 * re-scored here) into the worklist grouped by playbook, most urgent first, with
 * owner/action filters and paging; expansion candidates; and the rows of the worklist and scored
 * CSV exports. The one-line driver is computed only for the rows asked for (and cached).
 */
import { columnWithRole, type Dataset } from '$lib/data/dataset';
import {
	driverFinder,
	driverFigures,
	driverText,
	hasPercentile,
	modelColumns,
	rowTable,
	scoredRowsSliced,
	type Driver
} from '$lib/data/export/scored';
import { scoreTable } from '$lib/model/score';
import type { CsvCell } from '$lib/data/export/csv';
import {
	backtestFigures,
	type BacktestFigures,
	type CardVersion
} from '$lib/data/export/model-card';
import type { WorkbenchStore } from '$lib/data/db/store';
import { t } from '$lib/i18n/i18n.svelte';
import {
	buildWorklist,
	completePlaybooks,
	expansionCandidates,
	type WorkItem,
	type WorkItemInput
} from '$lib/model/playbooks';
import type { FlagKind, Model, Playbook } from '$lib/model/types';
import type { ScoreArrays } from '$lib/workers/score-protocol';
import { metricChange, type Snapshots } from '$lib/portfolio/snapshots';
import { FLAG_BITS, FLAG_LABELS, type FlagKey } from '$lib/portfolio/view';

/** What the actions need of the portfolio state (PortfolioState satisfies it). */
export interface ScoredSource {
	readonly dataset: Dataset | null;
	/** Per-row scores with the model they belong to. */
	readonly rows: {
		model: Model;
		arrays: Pick<ScoreArrays, 'score' | 'shown' | 'tier' | 'dimensions'>;
	} | null;
	/**
	 * Every row's dimension scores, with the model they belong to, from the worker (asked for
	 * when missing). Null when they cannot come (new dataset, failed worker).
	 */
	dimensions(): Promise<ScoredDimensions | null>;
	readonly snapshots: Snapshots | null;
	/** Flag bitmask per account (FLAG_BITS). */
	readonly flags: Uint8Array;
	/** Score drop per account (points), when the dataset has snapshots. */
	readonly trends: { drop: Float64Array } | null;
}

/** Dimension score columns of every row, and the model they were scored with. */
export interface ScoredDimensions {
	model: Model;
	dimensions: Float64Array[];
}

/** Portfolio flag bits → model flag kinds (the playbooks' triggers). */
const FLAG_KINDS: [FlagKey, FlagKind][] = [
	['floor', 'dimension-below-floor'],
	['drop', 'score-drop'],
	['usage', 'metric-trend']
];

export interface ExpansionSettings {
	/** Column whose growth counts; null = chosen from the dataset. */
	growthColumn: string | null;
	/** `change`: % change over `growthDays` between snapshots; `value`: the column is already a %. */
	growthMode: 'change' | 'value' | null;
	growthDays: number;
	growthMinPct: number;
	/** Column that shows room to grow (e.g. seat utilisation %); null = chosen, '' = none. */
	roomColumn: string | null;
	roomMin: number;
}

/** Accounts per group shown at first, and added by "Show more". */
export const GROUP_PAGE = 10;

/** Numeric metric columns of a dataset. */
function numberColumns(ds: Dataset | null): string[] {
	return (
		ds?.meta.columns
			.filter((c) => c.role === 'metric' && (c.type === 'number' || c.type === 'boolean'))
			.map((c) => c.name) ?? []
	);
}

/** Default growth and room columns: seats/users growth with snapshots, else a trend %. */
export function defaultExpansionColumns(
	columns: string[],
	hasSnapshots: boolean
): { growth: string; mode: 'change' | 'value'; room: string } {
	const find = (re: RegExp) => columns.find((c) => re.test(c)) ?? '';
	const room = find(/utili[sz]ation/i);
	const trend = find(/trend|growth|change/i);
	const users =
		[/active_users/i, /users/i, /seats|licen/i]
			.map((re) => columns.find((c) => re.test(c) && c !== room))
			.find((c) => c !== undefined) ?? '';
	if (hasSnapshots && users) return { growth: users, mode: 'change', room };
	if (trend) return { growth: trend, mode: 'value', room };
	return { growth: users, mode: 'change', room };
}

export class ActionsState {
	#src: ScoredSource;
	#today: () => number;

	ownerFilter = $state('');
	/** Playbook id, or '' for all. */
	actionFilter = $state('');
	/** Accounts shown per group id. */
	limits = $state<Record<string, number>>({});
	expansion = $state<ExpansionSettings>({
		growthColumn: null,
		growthMode: null,
		growthDays: 90,
		growthMinPct: 10,
		roomColumn: null,
		roomMin: 80
	});

	constructor(
		source: ScoredSource,
		today: () => number = () => Math.floor(Date.now() / 86_400_000)
	) {
		this.#src = source;
		this.#today = today;
	}

	/** The scored model with a playbook for every tier and flag. */
	model = $derived.by((): Model | null => {
		const m = this.#src.rows?.model;
		return m ? { ...m, playbooks: completePlaybooks(m) } : null;
	});

	columns = $derived.by(() => numberColumns(this.#src.dataset));

	#hasSnapshots = $derived.by(() => {
		const s = this.#src.snapshots;
		const ds = this.#src.dataset;
		return !!ds && !!s && !!columnWithRole(ds.meta, 'snapshot-date') && s.accounts < ds.table.n;
	});

	/** Growth / room columns in force (the user's choice, else the defaults). */
	expansionColumns = $derived.by(() => {
		const d = defaultExpansionColumns(this.columns, this.#hasSnapshots);
		const e = this.expansion;
		const mode = e.growthMode ?? d.mode;
		return {
			growth: e.growthColumn ?? d.growth,
			mode: mode === 'change' && !this.#hasSnapshots ? ('value' as const) : mode,
			room: e.roomColumn ?? d.room,
			canChange: this.#hasSnapshots
		};
	});

	#number(name: string | null): Float64Array | null {
		const col = name ? this.#src.dataset?.table.columns.get(name) : undefined;
		return col?.kind === 'number' ? col.values : null;
	}

	/** Growth per account, % (NaN when unknown). */
	growth = $derived.by((): Float64Array | null => {
		const s = this.#src.snapshots;
		const ds = this.#src.dataset;
		const c = this.expansionColumns;
		const values = this.#number(c.growth);
		if (!s || !ds || !values) return null;
		if (c.mode === 'value') return Float64Array.from(s.latest, (r) => values[r]!);
		const dates = this.#number(columnWithRole(ds.meta, 'snapshot-date'));
		if (!dates) return null;
		return metricChange(s, dates, values, this.expansion.growthDays).map((x) => x * 100);
	});

	/** Per-account facts for the worklist, in account order. */
	inputs = $derived.by((): WorkItemInput[] => {
		const r = this.#src.rows?.arrays;
		const s = this.#src.snapshots;
		const ds = this.#src.dataset;
		if (!r || !s || !ds) return [];
		const value = this.#number(columnWithRole(ds.meta, 'contract-value'));
		const renewal = this.#number(columnWithRole(ds.meta, 'renewal-date'));
		const dates = this.#number(columnWithRole(ds.meta, 'snapshot-date'));
		const drop = this.#src.trends?.drop ?? null;
		const masks = this.#src.flags;
		const growth = this.growth;
		const today = this.#today();
		const out = new Array<WorkItemInput>(s.accounts);
		for (let a = 0; a < s.accounts; a++) {
			const row = s.latest[a]!;
			const m = masks[a] ?? 0;
			const flags: FlagKind[] = [];
			for (const [bit, kind] of FLAG_KINDS) if (m & FLAG_BITS[bit]) flags.push(kind);
			const from = dates && dates[row] === dates[row] ? dates[row]! : today;
			out[a] = {
				accountId: s.accountIds[a]!,
				score: r.score[row]!,
				tierIndex: r.tier[row]!,
				flags,
				scoreDrop: drop ? drop[a]! : NaN,
				daysToRenewal: renewal ? renewal[row]! - from : NaN,
				contractValue: value ? value[row]! : NaN,
				growthPct: growth ? growth[a]! : NaN
			};
		}
		return out;
	});

	/** Account index by id. */
	#accountOf = $derived.by(() => {
		const ids = this.#src.snapshots?.accountIds ?? [];
		// A fresh lookup per snapshots value, read-only: no reactivity needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Map(ids.map((id, a) => [id, a]));
	});

	/** Every group of the worklist, most urgent first. */
	groups = $derived.by((): { playbook: Playbook; items: WorkItem[] }[] => {
		const m = this.model;
		if (!m) return [];
		return buildWorklist(m, this.inputs, { expansionGrowthPct: this.expansion.growthMinPct });
	});

	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off, read-only set
	owners = $derived([...new Set(this.model?.playbooks?.map((p) => p.owner) ?? [])].sort());

	/** Groups after the owner and action filters. */
	visibleGroups = $derived(
		this.groups.filter(
			(g) =>
				(!this.ownerFilter || g.playbook.owner === this.ownerFilter) &&
				(!this.actionFilter || g.playbook.id === this.actionFilter)
		)
	);

	/** Best-tier accounts growing ≥ the minimum with room to grow, largest contract first. */
	candidates = $derived.by((): WorkItemInput[] => {
		const s = this.#src.snapshots;
		const room = this.#number(this.expansionColumns.room || null);
		const min = this.expansion.roomMin;
		const list = this.inputs.map((x, a) => {
			const v = room && s ? room[s.latest[a]!]! : NaN;
			return { ...x, hasRoom: !room || v >= min };
		});
		return expansionCandidates(list, this.expansion.growthMinPct);
	});

	// --- drivers, lazily --------------------------------------------------------------------

	/** Dimension scores of every row, when the worker has sent them for the rows on show. */
	#tableDimensions(): Float64Array[] | null {
		const r = this.#src.rows;
		return r && r.arrays.dimensions.length === r.model.dimensions.length
			? r.arrays.dimensions
			: null;
	}

	/**
	 * Driver of one table row: from the table's dimension scores, or by scoring that row alone
	 * (exact unless the model has percentile metrics, whose points need the whole table: those
	 * wait for the worker's dimension columns, asked for here).
	 */
	#driverAt(row: number): Driver | null {
		const r = this.#src.rows;
		const ds = this.#src.dataset;
		if (!r || !ds) return null;
		const m = r.model;
		const dims = this.#tableDimensions();
		if (dims) return driverFinder(m, ds.table, dims)(row);
		if (hasPercentile(m)) {
			void this.#src.dimensions();
			return null;
		}
		const one = rowTable(ds.table, row, modelColumns(m));
		return driverFinder(m, one, scoreTable(m, one).dimensions)(0);
	}

	/** A plain cache (not state): filling it while rendering must not trigger updates. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, Driver | null>();
	#cacheFor: unknown = null;

	/** Top driver of an account (computed on first ask for the current result, then cached). */
	driver(accountId: string): Driver | null {
		const r = this.#src.rows;
		if (this.#cacheFor !== r) {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			this.#cache = new Map();
			this.#cacheFor = r;
		}
		if (!r) return null;
		if (this.#cache.has(accountId)) return this.#cache.get(accountId)!;
		const a = this.#accountOf.get(accountId);
		const row = a === undefined ? undefined : this.#src.snapshots?.latest[a];
		const d = row === undefined ? null : this.#driverAt(row);
		this.#cache.set(accountId, d);
		return d;
	}

	/** The account's top driver in the UI language ('' without one). */
	driverText(accountId: string): string {
		const d = this.driver(accountId);
		return d ? t('act.wl.driver', driverFigures(d)) : '';
	}

	/** Number of accounts shown in a group. */
	limit(groupId: string): number {
		return this.limits[groupId] ?? GROUP_PAGE;
	}

	showMore(groupId: string): void {
		this.limits = { ...this.limits, [groupId]: this.limit(groupId) + GROUP_PAGE * 5 };
	}

	setFilter(patch: { owner?: string; action?: string }): void {
		if (patch.owner !== undefined) this.ownerFilter = patch.owner;
		if (patch.action !== undefined) this.actionFilter = patch.action;
		this.limits = {};
	}

	// --- exports -----------------------------------------------------------------------------

	/**
	 * The rows on show with their dimension columns from the worker. When a newer model settles
	 * while waiting, its columns are asked for in turn (a few times at most).
	 */
	async #rowsWithDimensions(): Promise<{ model: Model; dims: Float64Array[] } | null> {
		for (let tries = 0; tries < 3; tries++) {
			const got = await this.#src.dimensions();
			if (!got) return null;
			if (got.model === this.#src.rows?.model) return { model: got.model, dims: got.dimensions };
		}
		return null;
	}

	/** Worklist CSV rows (the filtered groups, every account, with its driver). */
	async worklistRows(): Promise<{ header: string[]; rows: CsvCell[][] }> {
		// The worker's dimension columns, one pass for every line (never a re-score here).
		const dims = (await this.#rowsWithDimensions())?.dims ?? null;
		const header = [
			'action',
			'owner',
			'due_within_days',
			'account_id',
			'tier',
			'score',
			'score_drop',
			'days_to_renewal',
			'contract_value',
			'flags',
			'top_driver'
		];
		const rows: CsvCell[][] = [];
		const m = this.#src.rows?.model;
		const ds = this.#src.dataset;
		const s = this.#src.snapshots;
		const find = m && ds && dims ? driverFinder(m, ds.table, dims) : null;
		const line = (id: string) => {
			const a = this.#accountOf.get(id);
			return a === undefined || !find || !s ? '' : driverText(find(s.latest[a]!));
		};
		for (const g of this.visibleGroups)
			for (const it of g.items)
				rows.push([
					g.playbook.action,
					g.playbook.owner,
					g.playbook.dueDays,
					it.accountId,
					it.tierName,
					it.score,
					it.scoreDrop,
					it.daysToRenewal,
					it.contractValue,
					it.flags.join('; '),
					line(it.accountId)
				]);
		return { header, rows };
	}

	/**
	 * Scored CSV rows: every account on show (latest snapshot), full precision, with each
	 * dimension's score from the worker. Null when nothing is scored (or the columns cannot come).
	 */
	async scoredRows(): Promise<{ header: string[]; rows: CsvCell[][] } | null> {
		const got = await this.#rowsWithDimensions();
		const pair = this.#src.rows;
		const s = this.#src.snapshots;
		const ds = this.#src.dataset;
		if (!got || !pair || !s || !ds) return null;
		const { model: m, arrays: r } = pair;
		const dims = got.dims;
		const masks = this.#src.flags;
		const keys = Object.keys(FLAG_BITS) as FlagKey[];
		// In slices: a wide model on 100k accounts must not hold the page for seconds.
		return scoredRowsSliced({
			model: m,
			table: ds.table,
			ids: s.accountIds,
			rows: s.latest,
			score: r.score,
			shown: r.shown,
			tier: r.tier,
			dimensions: dims,
			flags: (a) =>
				keys
					.filter((k) => (masks[a] ?? 0) & FLAG_BITS[k])
					.map((k) => FLAG_LABELS[k])
					.join('; ')
		});
	}
}

/** What the model card says about the model's version and its latest backtest. */
export interface CardMeta {
	version: CardVersion;
	backtest: BacktestFigures | null;
}

/** The store calls the card needs (WorkbenchStore satisfies it). */
export type CardStore = Pick<WorkbenchStore, 'loadModel' | 'listBacktests' | 'loadBacktest'>;

/**
 * Version line and latest backtest for the model card: the latest named version (and whether
 * the model was edited since), and the figures of `live` (a backtest run of this model in this
 * session) or else of the newest saved backtest of this model id. Storage errors read as "none".
 */
export async function loadCardMeta(
	store: CardStore | null,
	model: Model,
	live: { doc: unknown; modelId: string | null } | null
): Promise<CardMeta> {
	let version: CardVersion = { saved: null, edited: false };
	let backtest: BacktestFigures | null =
		live && live.modelId === model.id ? backtestFigures(live.doc) : null;
	if (!store) return { version, backtest };
	try {
		const rec = await store.loadModel(model.id);
		const last = rec?.versions.at(-1);
		if (last) {
			const same = JSON.stringify(last.model) === JSON.stringify(model);
			version = { saved: last.version, edited: !same };
		}
	} catch {
		/* the version line stays generic */
	}
	if (!backtest) {
		try {
			const mine = (await store.listBacktests())
				.filter((b) => b.modelId === model.id)
				.sort((a, b) => b.createdAt - a.createdAt)[0];
			const rec = mine ? await store.loadBacktest(mine.id) : null;
			backtest = rec ? backtestFigures(rec.report) : null;
		} catch {
			backtest = null;
		}
	}
	return { version, backtest };
}

/**
 * The Sources workspace: the model's recipe (sources, keys, links, account list, as-of grid,
 * outcome, features) edited as undoable model edits, and "Build table", which runs the core's
 * feature build off the main thread and stores the built table as the active dataset, so every
 * screen reads it like an imported one. A failed build names source, row and column and changes
 * nothing stored.
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { t } from '$lib/i18n/i18n.svelte';
import {
	grainOf,
	type ColumnInfo,
	type ColumnRole,
	type ColumnType,
	type Dataset,
	type DatasetMeta,
	usableDataset
} from '$lib/data/dataset';
import { newId } from '$lib/data/db/store';
import { fromDataset } from '$lib/sources/build';
import { featureText } from '$lib/i18n/data-text';
import { gridDays } from '$lib/sources/grid';
import type {
	AsOfGrid,
	BuiltColumn,
	BuiltTable,
	FeatureSpec,
	OrphanCount,
	OutcomeSpec,
	Recipe,
	SourceIssue,
	SourceLink,
	SourceSpec,
	SourceTable
} from '$lib/sources/types';
import { checkRecipeColumns, checkRecipeZones } from '$lib/sources/validate';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import {
	modelFromFeatures,
	proposeRecipe,
	specFromMeta,
	sourceNames,
	type ProposalWords
} from './sources-propose';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';
import * as fmt from '$lib/ui/format';
import { WorkerClient, type WorkerLike } from '$lib/workers/client';
import type { SourcesReply, SourcesRequest } from '$lib/workers/sources-protocol';
import { workerTrouble } from './worker-trouble.svelte';

/** Runs the feature build (a worker in the page; in-process in tests). */
export type BuildRunner = (recipe: Recipe, tables: SourceTable[]) => Promise<BuiltTable>;

export interface SourcesDeps {
	workbench?: Workbench;
	datasets?: DatasetsState;
	run?: BuildRunner;
	now?: () => number;
}

/** What the last build gave, for the summary line. */
export interface BuildSummary {
	rows: number;
	accounts: number;
	lives: number;
	asOfDates: number;
	features: number;
	/** How churn was read in this build (said by `outcomeText`). */
	outcome: OutcomeSpec;
	ms: number;
}

const ROLE_OF: Record<BuiltColumn['role'], ColumnRole> = {
	'as-of': 'snapshot-date',
	'churn-date': 'churn-date',
	churned: 'churned',
	segment: 'segment',
	'contract-value': 'contract-value',
	feature: 'metric',
	life: 'ignore'
};

/** The built table as a dataset (columns with roles, definitions and sources). */
export function datasetFromBuilt(built: BuiltTable, meta0: Partial<DatasetMeta>): Dataset {
	const columns: ColumnInfo[] = [
		{
			name: 'account_id',
			originalName: 'account_id',
			role: 'account-id',
			type: 'text',
			missingShare: 0
		}
	];
	for (const c of built.columns) {
		const col = built.table.columns.get(c.name);
		if (!col) continue;
		let missing = 0;
		if (col.kind === 'number') for (const x of col.values) missing += x !== x ? 1 : 0;
		else for (const x of col.codes) missing += x < 0 ? 1 : 0;
		const role = ROLE_OF[c.role];
		const type: ColumnType =
			c.type === 'category'
				? 'category'
				: c.type === 'date'
					? 'date'
					: c.type === 'boolean'
						? 'boolean'
						: 'number';
		columns.push({
			name: c.name,
			originalName: c.name,
			// A text feature is kept as a category column the model can read as a segment or category metric.
			role: role === 'metric' && type === 'category' ? 'segment' : role,
			type,
			missingShare: built.table.n ? missing / built.table.n : 0,
			description: c.description,
			...(c.source ? { source: c.source } : {})
		});
	}
	// Only one segment column: extra text features stay metrics (category scheme).
	let seenSegment = false;
	for (const c of columns)
		if (c.role === 'segment') {
			if (seenSegment) c.role = 'metric';
			seenSegment = true;
		}
	const days = built.asOfDays;
	const meta: DatasetMeta = {
		id: newId('ds'),
		// Named in the UI language of the build (a name the user can change).
		name: t('src.builtName'),
		fileName: 'recipe',
		fileHash: '',
		createdAt: Date.now(),
		rows: built.table.n,
		columns,
		dateRange: days.length ? [days[0]!, days[days.length - 1]!] : null,
		bytes: 0,
		grain: 'snapshot',
		timeZone: 'UTC',
		builtFromRecipe: true,
		...meta0
	};
	return { meta, ids: built.ids, table: built.table };
}

/** The names a proposed recipe and its metrics get, in the UI language. */
function proposalWords(): ProposalWords {
	return {
		count: (source) => t('src.prop.count', { source }),
		daysSince: (source) => t('src.prop.daysSince', { source }),
		sum30: (column) => t('src.prop.sum30', { column }),
		active: (source) => t('src.prop.active', { source }),
		tenure: () => t('src.prop.tenure'),
		now: (column) => t('src.prop.now', { column }),
		renewal: () => t('src.prop.renewal'),
		dimension: (source) => t('src.prop.dimension', { source })
	};
}

/** In-process build (tests, and the fallback where workers are missing). */
export async function runInProcess(recipe: Recipe, tables: SourceTable[]): Promise<BuiltTable> {
	const { buildFeatureTable } = await import('$lib/sources/build');
	return buildFeatureTable(recipe, tables);
}

/**
 * The build in a module worker, one per build (ended after its reply), through the one worker
 * client: a start-up check and a timeout, and a worker that fails to load is reported like the
 * others ("the app was updated — reload") instead of a bare error.
 */
export function runInWorker(recipe: Recipe, tables: SourceTable[]): Promise<BuiltTable> {
	if (typeof Worker === 'undefined') return runInProcess(recipe, tables);
	return new Promise((resolve, reject) => {
		const client: WorkerClient<SourcesRequest, SourcesReply> = new WorkerClient({
			create: () =>
				// A one-off URL for the bundler, not reactive state.
				// eslint-disable-next-line svelte/prefer-svelte-reactivity
				new Worker(new URL('../workers/sources.worker.ts', import.meta.url), {
					type: 'module'
				}) as unknown as WorkerLike<SourcesRequest, SourcesReply>,
			onReply: (reply) => {
				client.dispose();
				if (reply.ok) resolve(reply.built);
				else reject(new Error(reply.message));
			},
			onFailure: (f) => {
				client.dispose();
				workerTrouble.report(f);
				reject(new Error(f.message));
			}
		});
		if (client.send((id) => ({ id, recipe: $state.snapshot(recipe), tables })) === 0)
			reject(new Error(t('src.err.noWorker')));
	});
}

export class SourcesState {
	/** What is running, in words ("Building the table…"), or null. */
	busy = $state<string | null>(null);
	/** A failure to show (storage, worker). */
	error = $state<string | null>(null);
	/** Problems of the last build (errors stop it; warnings are shown beside it). */
	issues = $state.raw<SourceIssue[]>([]);
	orphans = $state.raw<OrphanCount[]>([]);
	summary = $state.raw<BuildSummary | null>(null);
	/** Polite status line after an edit or a build. */
	notice = $state<string | null>(null);

	#wb: Workbench;
	#ds: DatasetsState;
	#run: BuildRunner;
	#now: () => number;
	/** Loaded source datasets by id (not reactive: a cache). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#cache = new Map<string, Dataset>();

	constructor(deps: SourcesDeps = {}) {
		this.#wb = deps.workbench ?? sharedWorkbench;
		this.#ds = deps.datasets ?? sharedDatasets;
		this.#run = deps.run ?? runInWorker;
		this.#now = deps.now ?? (() => performance.now());
	}

	get recipe(): Recipe | null {
		return this.#wb.model?.recipe ?? null;
	}

	/** Stored datasets that can be sources (not a built table). */
	get candidates(): DatasetMeta[] {
		return this.#ds.list.filter((m) => !m.builtFromRecipe);
	}

	/** The dataset a source reads, if it is still stored. */
	metaOf(spec: SourceSpec): DatasetMeta | null {
		return this.#ds.list.find((m) => m.id === spec.datasetId) ?? null;
	}

	/** Plain words for a feature, in the UI language. */
	describe(f: FeatureSpec): string {
		return featureText(f, this.recipe ?? undefined);
	}

	/** Number of as-of dates of the grid. */
	get gridCount(): number {
		const r = this.recipe;
		if (!r) return 0;
		try {
			return gridDays(r.grid).length;
		} catch {
			return 0;
		}
	}

	async #load(id: string): Promise<Dataset> {
		const hit = this.#cache.get(id);
		if (hit) return hit;
		const store = this.#ds.store;
		if (!store) throw new Error(t('prob.ds.notOpen'));
		const ds = usableDataset(await store.loadDataset(id));
		this.#cache.set(id, ds);
		return ds;
	}

	#edit(next: Recipe, note: string): void {
		const m = this.#wb.model;
		if (!m) return;
		this.#wb.editModel({ ...m, recipe: next }, note);
		this.notice = note;
	}

	#change(note: string, fn: (r: Recipe) => Recipe): void {
		const r = this.recipe;
		if (r) this.#edit(fn(r), note);
	}

	/** Start a recipe from the stored datasets (every one that is not a built table). */
	async start(ids?: readonly string[]): Promise<boolean> {
		// Oldest import first, the account list before periods, snapshots and events.
		const rank = { account: 0, period: 1, snapshot: 2, event: 3 } as const;
		const metas = this.candidates
			.filter((m) => !ids || ids.includes(m.id))
			.reverse()
			.sort((a, b) => rank[grainOf(a)] - rank[grainOf(b)]);
		if (metas.length === 0) {
			this.error = t('src.err.noImports');
			return false;
		}
		this.busy = t('src.busy.reading');
		this.error = null;
		try {
			const loaded = await Promise.all(metas.map((m) => this.#load(m.id)));
			const names = sourceNames(metas.map((m) => m.name));
			const recipe = proposeRecipe(
				metas.map((meta, i) => ({ meta, table: fromDataset(names[i]!, loaded[i]!) })),
				proposalWords()
			);
			this.#edit(recipe, t('src.log.start', { n: metas.length }));
			return true;
		} catch (e) {
			this.error = storageErrorText(e);
			return false;
		} finally {
			this.busy = null;
		}
	}

	/**
	 * Use a whole recipe whose sources already name their stored datasets (the sample's shipped
	 * recipe): one undoable model edit, replacing any recipe the model had.
	 */
	adopt(recipe: Recipe, note: string): void {
		this.issues = [];
		this.orphans = [];
		this.summary = null;
		this.error = null;
		this.#edit(recipe, note);
	}

	/** Remove the recipe from the model (undoable). */
	clear(): void {
		const m = this.#wb.model;
		if (!m?.recipe) return;
		const next = { ...m };
		delete next.recipe;
		this.#wb.editModel(next, t('src.log.removeRecipe'));
	}

	addSource(datasetId: string): void {
		const meta = this.candidates.find((m) => m.id === datasetId);
		const r = this.recipe;
		if (!meta || !r) return;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off lookup
		const taken = new Set(r.sources.map((s) => s.name));
		let name = sourceNames([meta.name])[0]!;
		for (let k = 2; taken.has(name); k++) name = `${sourceNames([meta.name])[0]}-${k}`;
		this.#change(t('src.log.addSource', { name }), (x) => ({
			...x,
			sources: [...x.sources, specFromMeta(name, meta)]
		}));
	}

	removeSource(name: string): void {
		this.#change(t('src.log.removeSource', { name }), (x) => ({
			...x,
			sources: x.sources
				.filter((s) => s.name !== name)
				.map((s) => (s.link?.via === name ? { ...s, link: null } : s)),
			features: x.features.filter((f) => f.source !== name),
			accounts: x.accounts === name ? null : x.accounts,
			outcome: x.outcome.kind !== 'none' && x.outcome.source === name ? { kind: 'none' } : x.outcome
		}));
	}

	setSource(name: string, patch: Partial<SourceSpec>, note: string): void {
		this.#change(note, (x) => ({
			...x,
			sources: x.sources.map((s) => (s.name === name ? { ...s, ...patch } : s))
		}));
	}

	setKey(name: string, key: string): void {
		this.setSource(name, { key }, t('src.log.key', { name, key }));
	}

	setLink(name: string, link: SourceLink | null): void {
		this.setSource(
			name,
			{ link },
			link
				? t('src.log.link', { name, via: link.via, column: link.column })
				: t('src.log.direct', { name })
		);
	}

	setAccounts(name: string | null): void {
		this.#change(name ? t('src.log.accounts', { name }) : t('src.log.noAccounts'), (x) => ({
			...x,
			accounts: name
		}));
	}

	setGrid(grid: AsOfGrid): void {
		this.#change(t('src.log.grid'), (x) => ({ ...x, grid }));
	}

	setOutcome(outcome: OutcomeSpec): void {
		this.#change(t('src.log.outcome'), (x) => ({ ...x, outcome }));
	}

	addFeature(f: FeatureSpec): void {
		this.#change(t('src.log.addFeature', { name: f.name }), (x) => ({
			...x,
			features: [...x.features, f]
		}));
	}

	updateFeature(id: string, f: FeatureSpec): void {
		this.#change(t('src.log.editFeature', { name: f.name }), (x) => ({
			...x,
			features: x.features.map((g) => (g.id === id ? f : g))
		}));
	}

	removeFeature(id: string): void {
		const f = this.recipe?.features.find((g) => g.id === id);
		if (!f) return;
		this.#change(t('src.log.removeFeature', { name: f.name }), (x) => ({
			...x,
			features: x.features.filter((g) => g.id !== id),
			segment: x.segment === id ? null : x.segment,
			contractValue: x.contractValue === id ? null : x.contractValue
		}));
	}

	/**
	 * Build the table and make it the active dataset (replacing the previous built table).
	 * Errors name source, row and column; nothing stored changes then.
	 */
	async build(): Promise<boolean> {
		const recipe = this.recipe;
		const store = this.#ds.store;
		if (!recipe || !store) return false;
		this.busy = t('src.busy.building');
		this.error = null;
		this.issues = [];
		const t0 = this.#now();
		try {
			const missing = recipe.sources.filter((s) => !s.datasetId || !this.metaOf(s));
			if (missing.length > 0) {
				this.issues = missing.map((s) => ({
					severity: 'error',
					source: s.name,
					code: 'dataset-gone',
					params: { source: s.name },
					message: `Source ${s.name}: its dataset is no longer stored. Import the file again or remove the source.`
				}));
				return false;
			}
			const zones = checkRecipeZones(recipe, (name) => {
				const spec = recipe.sources.find((s) => s.name === name);
				return spec ? (this.metaOf(spec)?.timeZone ?? 'UTC') : null;
			});
			if (zones.length > 0) {
				this.issues = zones;
				return false;
			}
			const loaded = await Promise.all(recipe.sources.map((s) => this.#load(s.datasetId!)));
			const tables = recipe.sources.map((s, i) => fromDataset(s.name, loaded[i]!));
			const built = await this.#run($state.snapshot(recipe) as Recipe, tables);
			this.orphans = built.orphans;
			this.issues = built.issues;
			if (built.issues.some((i) => i.severity === 'error') || built.table.n === 0) {
				if (!built.issues.some((i) => i.severity === 'error'))
					this.issues = [
						...built.issues,
						{
							severity: 'error',
							code: 'no-rows',
							message: 'The recipe gives no rows: check the as-of dates and the account list.'
						}
					];
				return false;
			}
			const previous = this.#ds.list.find((m) => m.builtFromRecipe);
			const dataset = datasetFromBuilt(built, { createdAt: Date.now() });
			this.busy = t('src.busy.storing');
			const meta = await store.saveDataset(dataset, undefined, {
				activate: true,
				...(previous ? { replaces: previous.id } : {})
			});
			this.#wb.setDataset({ ...dataset, meta });
			// Metrics default from the features when the model reads none of the built columns.
			const model = this.#wb.model;
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off lookup
			const cols = new Set(dataset.table.columns.keys());
			if (model && !model.dimensions.some((d) => d.metrics.some((m) => cols.has(m.column))))
				this.useFeaturesAsMetrics();
			await this.#ds.refresh();
			this.#ds.activeId = meta.id;
			this.summary = {
				rows: built.table.n,
				accounts: built.accounts,
				lives: built.lives,
				asOfDates: built.asOfDays.length,
				features: recipe.features.length,
				outcome: recipe.outcome,
				ms: this.#now() - t0
			};
			this.notice = t('src.msg.built', {
				rows: fmt.integer(built.table.n),
				accounts: fmt.integer(built.accounts),
				dates: fmt.integer(built.asOfDays.length)
			});
			return true;
		} catch (e) {
			this.error =
				e instanceof Error && !('code' in e)
					? t('src.err.stopped', { detail: e.message })
					: storageErrorText(e);
			return false;
		} finally {
			this.busy = null;
		}
	}

	/**
	 * A source's dataset was imported again (re-map or "replace"): point the recipe at the new
	 * dataset, check its columns (a missing column names the feature), and rebuild. Nothing
	 * stored is lost when a column is missing: the recipe keeps its features and the message says
	 * which to fix.
	 */
	async reimported(oldId: string, meta: DatasetMeta): Promise<void> {
		this.#cache.delete(oldId);
		const r = this.recipe;
		const spec = r?.sources.find((s) => s.datasetId === oldId);
		if (!r || !spec) return;
		const columns = meta.columns.map((c) => c.name);
		const issues = checkRecipeColumns(r, (name) =>
			name === spec.name ? columns : (r.sources.find((s) => s.name === name)?.columns ?? null)
		);
		const m = this.#wb.model;
		if (m)
			this.#wb.editModel(
				{
					...m,
					recipe: {
						...r,
						sources: r.sources.map((s) => (s === spec ? { ...s, datasetId: meta.id, columns } : s))
					}
				},
				t('src.log.reimported', { name: spec.name })
			);
		if (issues.some((i) => i.severity === 'error')) {
			this.issues = issues;
			return;
		}
		await this.build();
	}

	/** Replace the model's dimensions with metrics from the features (one undoable step). */
	useFeaturesAsMetrics(): void {
		const model = this.#wb.model;
		const ds = this.#wb.dataset;
		if (!model?.recipe || !ds?.meta.builtFromRecipe) return;
		const next = modelFromFeatures(model, model.recipe, ds.table, proposalWords());
		if (next !== model) this.#wb.editModel(next, t('src.log.useFeatures'));
	}

	/** The source name a column of the active built dataset comes from, if any. */
	sourceOfColumn(column: string): string | null {
		return this.#wb.dataset?.meta.columns.find((c) => c.name === column)?.source ?? null;
	}
}

/** The workspace the Data screen shows (one per page). */
export const sources = new SourcesState();

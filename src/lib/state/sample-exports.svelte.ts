/**
 * "Open the sample as raw exports": fetch the sample portfolio's five raw exports and their
 * shipped recipe (public/sample/exports/, written by `npm run sample`), import each file through
 * the wizard's own pipeline (automatic mapping, as the flat sample on first open), point the
 * recipe at the stored datasets, and build the table with the Sources workspace — the same code
 * a user's own exports go through; nothing here knows what the files contain. Nothing is fetched
 * before the user asks. Exports already stored from an earlier run are reused, not duplicated.
 */
import { t, type MessageKey } from '$lib/i18n/i18n.svelte';
import { en } from '$lib/i18n/en';
import { recipeIssueLine, sourceIssueText } from '$lib/i18n/source-issue-text';
import { grainOf, type DatasetMeta } from '$lib/data/dataset';
import { parseRecipe } from '$lib/sources/recipe-schema';
import { recipeColumnsOf } from '$lib/sources/validate';
import type { Recipe } from '$lib/sources/types';
import { megabytes, readWithProgress } from './bootstrap';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import { ImportState, type ImportDeps } from './import.svelte';
import { sources as sharedSources, type SourcesState } from './sources.svelte';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';

/** Folder of the exports, relative (the site may be served under a sub-path). */
export const SAMPLE_EXPORTS_URL = './sample/exports/';
export const SAMPLE_RECIPE_FILE = 'recipe.json';

/** The five files, the recipe source each one feeds, and the dataset name it is stored under. */
export const SAMPLE_EXPORTS: readonly { file: string; source: string; name: string }[] = [
	{ file: 'accounts.csv', source: 'accounts', name: 'Sample export: accounts' },
	{ file: 'subscriptions.csv', source: 'subscriptions', name: 'Sample export: subscriptions' },
	{ file: 'usage_weekly.csv', source: 'usage', name: 'Sample export: weekly usage' },
	{ file: 'tickets.csv', source: 'tickets', name: 'Sample export: tickets' },
	{ file: 'churn_log.csv', source: 'churn-log', name: 'Sample export: churn log' }
];

export interface SampleExportsDeps {
	workbench?: Workbench;
	datasets?: DatasetsState;
	sources?: SourcesState;
	fetch?: (url: string) => Promise<Response>;
	/** Import pipeline deps (tests run the parse worker in-process). */
	importDeps?: ImportDeps;
}

export class SampleExportsState {
	/** What is happening, in words, with progress ("Fetching tickets.csv (4 of 5): 1.2 of 2.6 MB"). */
	busy = $state<string | null>(null);
	/** Why it stopped (names the file); nothing stored before changes. */
	error = $state<string | null>(null);
	/** What was done, once done. */
	done = $state<string | null>(null);

	#deps: SampleExportsDeps;

	constructor(deps: SampleExportsDeps = {}) {
		this.#deps = deps;
	}

	get #ds(): DatasetsState {
		return this.#deps.datasets ?? sharedDatasets;
	}

	async #fetch(file: string, step: string): Promise<Uint8Array<ArrayBuffer>> {
		const fetchImpl = this.#deps.fetch ?? ((url: string) => fetch(url));
		let response: Response;
		try {
			response = await fetchImpl(`${SAMPLE_EXPORTS_URL}${file}`);
		} catch {
			throw new Error(t('st.sx.offline', { file }));
		}
		if (!response.ok) throw new Error(t('st.sx.missing', { file, status: response.status }));
		return readWithProgress(response, (got, total) => {
			this.busy = t('st.sx.progress', { step, size: megabytes(got, total) });
		});
	}

	/**
	 * Fetch, import, adopt the recipe and build. True when the built table is the active dataset;
	 * false with `error` (or the Sources section's build issues) otherwise.
	 */
	async open(): Promise<boolean> {
		if (this.busy) return false;
		const ds = this.#ds;
		const src = this.#deps.sources ?? sharedSources;
		if (!ds.store) {
			this.error = t('st.sx.notOpen');
			return false;
		}
		this.error = null;
		this.done = null;
		let pipeline: ImportState | null = null;
		try {
			this.busy = t('st.sx.recipe');
			const recipeBytes = await this.#fetch(SAMPLE_RECIPE_FILE, t('st.sx.recipeStep'));
			let json: unknown;
			try {
				json = JSON.parse(new TextDecoder().decode(recipeBytes));
			} catch (e) {
				throw new Error(
					t('st.sx.recipeNotJson', { file: SAMPLE_RECIPE_FILE, error: (e as Error).message }),
					{ cause: e }
				);
			}
			const parsed = parseRecipe(json);
			if (!parsed.ok)
				throw new Error(
					t('st.sx.recipeInvalid', {
						file: SAMPLE_RECIPE_FILE,
						problems: parsed.issues.map((i) => recipeIssueLine(i, json)).join(t('st.sx.problemSep'))
					})
				);
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, not state
			const metas = new Map<string, DatasetMeta>();
			let imported = 0;
			for (const [k, e] of SAMPLE_EXPORTS.entries()) {
				const stored = ds.list.find((m) => m.name === e.name && m.fileName === e.file);
				if (stored) {
					metas.set(e.source, stored);
					continue;
				}
				const step = t('st.sx.file', { file: e.file, n: k + 1, total: SAMPLE_EXPORTS.length });
				this.busy = t('st.sx.fetching', { step });
				const bytes = await this.#fetch(e.file, t('st.sx.fetchingStep', { step }));
				this.busy = t('st.sx.importing', { step });
				pipeline ??= new ImportState({
					...this.#deps.importDeps,
					workbench: this.#deps.workbench ?? sharedWorkbench,
					datasets: ds
				});
				try {
					const file = new File([bytes], e.file, { type: 'text/csv' });
					// What one row is and which columns to keep come from the recipe, as a user
					// answers the wizard's questions.
					const grain = parsed.recipe.sources.find((s) => s.name === e.source)?.grain;
					const keep = recipeColumnsOf(parsed.recipe, e.source);
					metas.set(e.source, await pipeline.importAuto(file, e.name, { grain, keep }));
				} catch (err) {
					throw new Error(
						t('st.sx.notImported', { file: e.file, reason: (err as Error).message }),
						{ cause: err }
					);
				}
				imported++;
			}
			const recipe = withDatasets(namedInUiLanguage(parsed.recipe), metas);
			src.adopt(recipe, t('src.log.sample'));
			this.busy = t('st.sx.building');
			const ok = await src.build();
			if (!ok) {
				const error = src.issues.find((i) => i.severity === 'error');
				const first = error ? sourceIssueText(error) : null;
				this.error =
					src.error ?? (first ? t('st.sx.notBuilt', { reason: first }) : t('st.sx.notBuiltSee'));
				return false;
			}
			const reused = SAMPLE_EXPORTS.length - imported;
			this.done =
				reused > 0
					? t('st.sx.doneReused', { n: SAMPLE_EXPORTS.length, reused })
					: t('st.sx.done', { n: SAMPLE_EXPORTS.length });
			return true;
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			return false;
		} finally {
			pipeline?.dispose();
			this.busy = null;
		}
	}
}

/**
 * The shipped recipe with its features named in the UI language (`src.sample.<id>`; a feature
 * without an entry keeps its name). The names are the user's from then on, as a proposed
 * recipe's: the model's metrics made from the features take them.
 */
export function namedInUiLanguage(recipe: Recipe): Recipe {
	return {
		...recipe,
		features: recipe.features.map((f) => {
			const key = `src.sample.${f.id}`;
			return key in en ? { ...f, name: t(key as MessageKey) } : f;
		})
	};
}

/**
 * The recipe with each source pointing at its stored dataset (id, columns, time zone). Throws
 * when a file is missing or was read as another grain than the recipe expects.
 */
export function withDatasets(recipe: Recipe, metas: ReadonlyMap<string, DatasetMeta>): Recipe {
	return {
		...recipe,
		sources: recipe.sources.map((s) => {
			const meta = metas.get(s.name);
			const file = SAMPLE_EXPORTS.find((e) => e.source === s.name)?.file ?? s.name;
			if (!meta) throw new Error(t('st.sx.noFile', { source: s.name }));
			if (grainOf(meta) !== s.grain)
				throw new Error(
					t('st.sx.grain', {
						file,
						read: t(`dt.grainName.${grainOf(meta)}`),
						want: t(`dt.grainName.${s.grain}`)
					})
				);
			return {
				...s,
				datasetId: meta.id,
				columns: meta.columns.map((c) => c.name),
				timeZone: meta.timeZone ?? 'UTC'
			};
		})
	};
}

/** The action the Data screen (and the no-dataset notice) offers (one per page). */
export const sampleExports = new SampleExportsState();

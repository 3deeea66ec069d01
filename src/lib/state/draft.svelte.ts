/**
 * "Draft a model from my data" on the Model screen: runs the pure draft core on the active
 * dataset in the draft worker (0.5–1.5 s on 7–10k rows), which also cross-validates it beside a
 * plain logistic regression; shows the worker's progress, drops the replies of a superseded
 * draft, shows a failure as a message; then the diff, applied as one undo step.
 */
import { columnWithRole, type Dataset } from '$lib/data/dataset';
import {
	modelDiff,
	type DiffLine,
	type DraftInput,
	type DraftResult,
	type DraftValidation,
	type TierRule
} from '$lib/draft';
import { labelsFrom } from '$lib/draft/warnings';
import type { ColumnTable, Model } from '$lib/model/types';
import { WorkerClient, type WorkerFailure, type WorkerLike } from '$lib/workers/client';
import type { DraftReply, DraftRequest } from '$lib/workers/draft-protocol';
import { workerTrouble } from './worker-trouble.svelte';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';
import { i18n, t } from '$lib/i18n/i18n.svelte';
import { workerFailureText } from '$lib/i18n/problem-text';
import { workerErrorText } from '$lib/i18n/model-issue-text';

/** The worker's progress stages (English, from draft-core) in the UI language; others as they come. */
function stageText(stage: string): string {
	if (stage === 'Drafting…') return t('mdl.dr.drafting');
	if (stage.startsWith('Cross-validating')) return t('mdl.dr.crossValidating');
	return stage;
}

/** Seed of the draft's folds (deterministic: the same data gives the same draft). */
export const DRAFT_SEED = 7;

/** What the state needs of a worker (a module worker, or an in-process fake in tests). */
export type DraftWorkerLike = WorkerLike<DraftRequest, DraftReply>;

export function createDraftWorker(): DraftWorkerLike {
	// A one-off URL for the bundler, not reactive state.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	return new Worker(new URL('../workers/draft.worker.ts', import.meta.url), {
		type: 'module'
	}) as unknown as DraftWorkerLike;
}

export class DraftState {
	#wb: Workbench;
	rule = $state<TierRule['kind']>('share');
	/** Red share (share rule) or share of churners Red catches (catch rule), 0–1. */
	redShare = $state(0.15);
	redCatch = $state(2 / 3);
	busy = $state<string | null>(null);
	result = $state.raw<DraftResult | null>(null);
	validation = $state.raw<DraftValidation | null>(null);
	diff = $state.raw<DiffLine[]>([]);
	message = $state<string | null>(null);
	/** The draft failed (worker error or failure), in plain words. */
	error = $state<string | null>(null);
	#run = 0;
	#client: WorkerClient<DraftRequest, DraftReply>;
	/** Settles the promise of the running draft (on its reply, failure or supersession). */
	#settle: (() => void) | null = null;

	constructor(
		wb: Workbench = sharedWorkbench,
		makeWorker: () => DraftWorkerLike = createDraftWorker
	) {
		this.#wb = wb;
		this.#client = new WorkerClient<DraftRequest, DraftReply>({
			create: makeWorker,
			onReply: (msg) => this.#receive(msg),
			onFailure: (f) => this.#failed(f),
			isFinal: (msg) => msg.type !== 'draft/progress'
		});
	}

	/** The input for the active dataset and model, or why there is none. */
	inputFor(dataset: Dataset | null, model: Model | null): DraftInput | string {
		if (!dataset) return t('mdl.dr.noDataset');
		if (!model) return t('mdl.dr.noModel');
		const columns = dataset.meta.columns
			.filter((c) => c.role === 'metric' && !c.derived)
			.map((c) => ({ name: c.name, type: c.type }));
		if (columns.length === 0) return t('mdl.dr.noMetric');
		const rule: TierRule =
			this.rule === 'share'
				? { kind: 'share', red: this.redShare }
				: { kind: 'catch', red: this.redCatch };
		// Only the columns the draft reads travel to the worker (a message, not reactive state).
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const used = new Map(
			columns.flatMap((c) => {
				const col = dataset.table.columns.get(c.name);
				return col ? [[c.name, col] as const] : [];
			})
		);
		const table: ColumnTable = { n: dataset.table.n, columns: used };
		return {
			table,
			columns,
			labels: labelsFrom(dataset.table, columnWithRole(dataset.meta, 'churned')),
			rule,
			seed: DRAFT_SEED,
			base: model,
			datasetName: dataset.meta.name,
			// The drafted model's own text (name, description, dimensions, why-notes) in the UI language.
			locale: i18n.locale
		};
	}

	/**
	 * Draft, then cross-validate (when there is an outcome), in the draft worker. A newer draft
	 * supersedes this one (its replies are dropped). Resolves when this draft has ended.
	 */
	draft(): Promise<void> {
		this.#supersede();
		const input = this.inputFor(this.#wb.dataset, this.#wb.model);
		this.result = null;
		this.validation = null;
		this.diff = [];
		this.error = null;
		this.message = typeof input === 'string' ? input : null;
		if (typeof input === 'string') return Promise.resolve();
		this.busy = t('mdl.dr.drafting');
		const snapshot: DraftInput = { ...input, base: $state.snapshot(input.base) as Model };
		const done = new Promise<void>((resolve) => (this.#settle = resolve));
		this.#run = this.#client.send((id) => ({ type: 'draft/run', id, input: snapshot }));
		if (this.#run === 0) this.#end();
		return done;
	}

	/** Drop the running draft's replies and end its promise. */
	#supersede(): void {
		this.#client.forget(this.#run);
		this.#run = 0;
		this.#end();
	}

	#end(): void {
		this.busy = null;
		const s = this.#settle;
		this.#settle = null;
		s?.();
	}

	#receive(msg: DraftReply): void {
		if (msg.id !== this.#run) return; // superseded
		if (msg.type === 'draft/progress') {
			this.busy = stageText(msg.stage);
			return;
		}
		this.#run = 0;
		if (msg.type === 'draft/error') this.error = workerErrorText('draft', msg);
		else {
			this.result = msg.result;
			this.validation = msg.validation;
			this.diff = this.#wb.model ? modelDiff(this.#wb.model, msg.result.model) : [];
		}
		this.#end();
	}

	/** The worker could not serve: say so and end "Drafting…" (the next draft tries a new one). */
	#failed(f: WorkerFailure): void {
		this.#run = 0;
		this.error = workerFailureText(f);
		this.#end();
		workerTrouble.report(f);
	}

	/** Apply the draft as one undo step. */
	apply(): void {
		const r = this.result;
		if (!r) return;
		this.#wb.editModel(r.model, t('mdl.log.draft', { n: r.metrics.length }));
		this.#wb.endEdit();
		this.message = t('mdl.dr.applied', { name: r.model.name });
		this.result = null;
		this.validation = null;
		this.diff = [];
	}

	discard(): void {
		this.#supersede();
		this.error = null;
		this.result = null;
		this.validation = null;
		this.diff = [];
		this.message = null;
	}

	dispose(): void {
		this.#supersede();
		this.#client.dispose();
	}
}

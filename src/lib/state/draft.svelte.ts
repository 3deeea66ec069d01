/**
 * "Draft a model from my data" on the Model screen: runs the pure draft core on the active
 * dataset, cross-validates it beside a plain logistic regression (fold by fold, yielding to the
 * page between folds), shows the diff, and applies it as one undo step.
 */
import { columnWithRole, type Dataset } from '$lib/data/dataset';
import {
	draftModel,
	modelDiff,
	validateDraft,
	type DiffLine,
	type DraftInput,
	type DraftResult,
	type DraftValidation,
	type TierRule
} from '$lib/draft';
import { labelsFrom } from '$lib/draft/warnings';
import type { Model } from '$lib/model/types';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';

/** Seed of the draft's folds (deterministic: the same data gives the same draft). */
export const DRAFT_SEED = 7;

/** Let the page paint between heavy steps. */
const yieldToPage = () => new Promise<void>((r) => setTimeout(r, 0));

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
	#run = 0;

	constructor(wb: Workbench = sharedWorkbench) {
		this.#wb = wb;
	}

	/** The input for the active dataset and model, or why there is none. */
	inputFor(dataset: Dataset | null, model: Model | null): DraftInput | string {
		if (!dataset) return 'Load a dataset on the Data screen first.';
		if (!model) return 'The model is still loading.';
		const columns = dataset.meta.columns
			.filter((c) => c.role === 'metric' && !c.derived)
			.map((c) => ({ name: c.name, type: c.type }));
		if (columns.length === 0) return 'The dataset has no column mapped as a metric.';
		const rule: TierRule =
			this.rule === 'share'
				? { kind: 'share', red: this.redShare }
				: { kind: 'catch', red: this.redCatch };
		return {
			table: dataset.table,
			columns,
			labels: labelsFrom(dataset.table, columnWithRole(dataset.meta, 'churned')),
			rule,
			seed: DRAFT_SEED,
			base: model,
			datasetName: dataset.meta.name
		};
	}

	/** Draft, then cross-validate (when there is an outcome). A newer run supersedes this one. */
	async draft(): Promise<void> {
		const run = ++this.#run;
		const input = this.inputFor(this.#wb.dataset, this.#wb.model);
		this.result = null;
		this.validation = null;
		this.diff = [];
		this.message = typeof input === 'string' ? input : null;
		if (typeof input === 'string') return;
		this.busy = 'Drafting…';
		await yieldToPage();
		if (run !== this.#run) return;
		const result = draftModel(input);
		this.result = result;
		this.diff = this.#wb.model ? modelDiff(this.#wb.model, result.model) : [];
		if (result.hasOutcome && result.metrics.length) {
			this.busy = 'Cross-validating the draft beside a logistic regression…';
			await yieldToPage();
			if (run !== this.#run) return;
			this.validation = validateDraft(input);
		}
		if (run === this.#run) this.busy = null;
	}

	/** Apply the draft as one undo step. */
	apply(): void {
		const r = this.result;
		if (!r) return;
		this.#wb.editModel(r.model, `draft a model from the data (${r.metrics.length} metrics)`);
		this.#wb.endEdit();
		this.message = `Applied “${r.model.name}”. Undo brings the previous model back.`;
		this.result = null;
		this.validation = null;
		this.diff = [];
	}

	discard(): void {
		this.#run++;
		this.result = null;
		this.validation = null;
		this.diff = [];
		this.busy = null;
		this.message = null;
	}
}

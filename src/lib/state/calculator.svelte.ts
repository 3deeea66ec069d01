/**
 * The public calculator's state: the chosen template (or a model opened from a share link), one
 * account's inputs, and the live score derived from them. A single instance, so the inputs survive
 * moving between screens. Opening a share link replaces model and inputs only when the whole
 * link is valid; otherwise nothing changes and `linkError` says why.
 */
import { TEMPLATES, WORKED_EXAMPLE, scoreAccount } from '$lib/model';
import type { AccountScore, AccountValues, Model } from '$lib/model/types';
import { decodeShare, encodeShare, shareHref } from '$lib/data/export/share/codec';
import { workbench } from './workbench.svelte';
import { t } from '$lib/i18n/i18n.svelte';
import { shareErrorText, templateDescription, templateName } from '$lib/i18n/model-issue-text';

/** Template id shown while a model from a share link (not a shipped template) is loaded. */
export const SHARED_ID = 'shared';
/** Option id of the model being designed in the workbench (shareable like any other). */
export const CURRENT_ID = 'current';

export interface TemplateOption {
	id: string;
	name: string;
}

/** A model equal to a shipped template → that template's id, else {@link SHARED_ID}. */
function templateIdOf(model: Model): string {
	const json = JSON.stringify(model);
	const hit = TEMPLATES.find((t) => t.model.id === model.id && JSON.stringify(t.model) === json);
	return hit ? hit.id : SHARED_ID;
}

/** The template the worked example belongs to (the calculator opens on it). */
const EXAMPLE_TEMPLATE = TEMPLATES.find((t) => t.id === WORKED_EXAMPLE.templateId) ?? TEMPLATES[0]!;

export class CalculatorState {
	templateId = $state<string>(EXAMPLE_TEMPLATE.id);
	model = $state.raw<Model>(EXAMPLE_TEMPLATE.model);
	/**
	 * Inputs keyed by metric column; null / absent = missing. Opens on DESIGN.md's worked
	 * example (a share link replaces it).
	 */
	values = $state<AccountValues>({ ...WORKED_EXAMPLE.values });
	/** Message for the last share link that could not be opened (shown with role="alert"). */
	linkError = $state<string | null>(null);
	/** Name of the model the last good share link opened, for a short confirmation. */
	linkOpened = $state<string | null>(null);
	/** The last generated share link. */
	shareLink = $state<string | null>(null);
	#sharedModel = $state.raw<Model | null>(null);
	#openSeq = 0;
	#current: () => Model | null;

	/** `current`: the workbench's model, offered as "Your model" (none in tests by default). */
	constructor(current: () => Model | null = () => null) {
		this.#current = current;
	}

	result: AccountScore = $derived(scoreAccount(this.model, this.values));

	/** The model's description; a shipped template's in the UI language. */
	get description(): string {
		const tpl = TEMPLATES.find((x) => x.model === this.model);
		return tpl ? templateDescription(tpl) : (this.model.description ?? '');
	}

	/** Shipped templates, plus the shared model while one is loaded. */
	get templateOptions(): TemplateOption[] {
		const list = TEMPLATES.map((tpl) => ({ id: tpl.id, name: templateName(tpl) }));
		const current = this.#current();
		if (current && current.dimensions.length)
			list.unshift({ id: CURRENT_ID, name: t('mi.calc.yours', { name: current.name }) });
		if (this.#sharedModel)
			list.push({ id: SHARED_ID, name: t('mi.calc.shared', { name: this.#sharedModel.name }) });
		return list;
	}

	/** Switch template; inputs whose column the new model also has are kept. */
	chooseTemplate(id: string): void {
		const model =
			id === SHARED_ID
				? this.#sharedModel
				: id === CURRENT_ID
					? this.#current()
					: (TEMPLATES.find((t) => t.id === id)?.model ?? null);
		if (!model) return;
		this.templateId = id;
		this.model = model;
		this.shareLink = null;
	}

	setValue(column: string, value: number | string | boolean | null): void {
		const clean = typeof value === 'number' && !Number.isFinite(value) ? null : value;
		this.values[column] = clean === '' ? null : clean;
		this.shareLink = null;
	}

	clear(): void {
		this.values = {};
		this.shareLink = null;
	}

	/** Back to the worked example: its template and its inputs. */
	startFromExample(): void {
		this.chooseTemplate(EXAMPLE_TEMPLATE.id);
		this.values = { ...WORKED_EXAMPLE.values };
	}

	/** The form holds exactly the worked example. */
	get isExample(): boolean {
		if (this.templateId !== EXAMPLE_TEMPLATE.id) return false;
		const want = Object.entries(WORKED_EXAMPLE.values);
		const have = Object.entries(this.values).filter(([, v]) => v !== null && v !== undefined);
		return have.length === want.length && want.every(([k, v]) => this.values[k] === v);
	}

	/**
	 * Open the text after `s=`. On success model and inputs are replaced; on failure nothing but
	 * `linkError` changes. A later call supersedes an earlier one still decoding.
	 */
	async openShare(code: string): Promise<boolean> {
		const seq = ++this.#openSeq;
		const res = await decodeShare(code);
		if (seq !== this.#openSeq) return false;
		if (!res.ok) {
			this.linkError = shareErrorText(res);
			this.linkOpened = null;
			return false;
		}
		const { model, values } = res.payload;
		const id = templateIdOf(model);
		this.#sharedModel = id === SHARED_ID ? model : this.#sharedModel;
		this.templateId = id;
		this.model = id === SHARED_ID ? model : TEMPLATES.find((t) => t.id === id)!.model;
		this.values = { ...values };
		this.linkError = null;
		this.linkOpened = model.name;
		this.shareLink = null;
		return true;
	}

	dismissLinkMessage(): void {
		this.linkError = null;
		this.linkOpened = null;
	}

	/** Build (and remember) the share link for the current model and inputs. */
	async makeShareLink(pageHref: string): Promise<string> {
		const values: Record<string, number | string | boolean | null> = {};
		for (const [k, v] of Object.entries($state.snapshot(this.values))) {
			if (v !== undefined && v !== null) values[k] = v;
		}
		const code = await encodeShare({ v: 1, model: this.model, values });
		this.shareLink = shareHref(pageHref, code);
		return this.shareLink;
	}
}

export const calculator = new CalculatorState(() => workbench.model);

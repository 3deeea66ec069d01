/**
 * Model editor state: which metric is open, edits routed through `workbench.editModel` (with a
 * change-log note), model warnings against the active dataset, JSON import/export, templates,
 * and named versions in storage. Pure edit functions live in `model/edits.ts`.
 */
import { MAX_MODEL_FILE_CHARS, modelWarnings, templateById, validateModel } from '$lib/model';
import type { Model, ModelWarning, ValidationIssue } from '$lib/model/types';
import type { WorkbenchStore } from '$lib/data/db/store';
import type { ModelVersion } from '$lib/data/db/schema';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';
import { findMetric } from '$lib/model/edits';
import { columnWithRole } from '$lib/data/dataset';
import { dataWarnings, describePath, labelsFrom, type ShownWarning } from '$lib/draft/warnings';

/** Settings key of the active model id (the first-open loader reads it). */
import { SETTING_ACTIVE_MODEL } from './settings';
import * as fmt from '$lib/ui/format';
import { t } from '$lib/i18n/i18n.svelte';
import { templateName } from '$lib/i18n/model-issue-text';
export { SETTING_ACTIVE_MODEL };

/** Is this keydown an undo (`'undo'`), a redo (`'redo'`) or neither? */
export function historyKey(e: {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
}): 'undo' | 'redo' | null {
	if (!(e.ctrlKey || e.metaKey)) return null;
	const k = e.key.toLowerCase();
	if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
	if (k === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
	return null;
}

export class ModelEditor {
	#wb: Workbench;
	#store: () => WorkbenchStore | null;
	selectedMetricId = $state<string | null>(null);
	/** Problems of the last import attempt (the model was not changed). */
	importIssues = $state.raw<ValidationIssue[]>([]);
	/** The refused JSON, read only to name the dimensions, metrics… its issues are in. */
	importSource = $state.raw<unknown>(null);
	message = $state<string | null>(null);
	versions = $state.raw<ModelVersion[]>([]);
	isSaving = $state(false);
	/** Change-log length at the last save: the next version's note lists the edits since. */
	#savedAt = 0;

	constructor(store: () => WorkbenchStore | null, wb: Workbench = sharedWorkbench) {
		this.#store = store;
		this.#wb = wb;
	}

	get model(): Model | null {
		return this.#wb.model;
	}

	/** Apply a pure edit; `key` merges a run of edits (one drag) into one undo step. */
	edit(fn: (m: Model) => Model, note: string, key?: string): void {
		const model = this.#wb.model;
		if (!model) return;
		this.#wb.editModel(fn(model), note, key);
	}

	/** End a coalesced run (slider released, field left). */
	endEdit(): void {
		this.#wb.endEdit();
	}

	selected = $derived.by(() => {
		const m = this.#wb.model;
		return m && this.selectedMetricId ? findMetric(m, this.selectedMetricId) : null;
	});

	/** Model and data warnings, located by dimension and metric names (never JSON paths). */
	warnings = $derived.by((): ShownWarning[] => {
		const m = this.#wb.model;
		if (!m) return [];
		const ds = this.#wb.dataset;
		const shown = modelWarnings(m, ds?.table).map((w: ModelWarning) => ({
			kind: w.kind as string,
			message: w.message,
			params: w.params,
			where: describePath(m, w.path)
		}));
		if (!ds) return shown;
		const outcomes = ds.meta.columns
			.filter((c) => c.role === 'churned' || c.role === 'churn-date')
			.map((c) => c.name);
		const labels = labelsFrom(ds.table, columnWithRole(ds.meta, 'churned'));
		return [...shown, ...dataWarnings(m, ds.table, outcomes, labels)];
	});

	/** Edits since the last saved version (newest last). */
	get unsavedChanges(): string[] {
		return this.#wb.changeLog.slice(this.#savedAt);
	}

	/** Import model JSON text: on any problem nothing changes and the issues are listed. */
	importJson(text: string, fileName = 'file'): boolean {
		if (text.length > MAX_MODEL_FILE_CHARS) {
			this.importIssues = [
				{
					path: '(file)',
					message: t('mdl.ed.tooBig', {
						mb: fmt.number(text.length / 1e6, 1),
						max: MAX_MODEL_FILE_CHARS / 1e6
					})
				}
			];
			this.message = null;
			return false;
		}
		let json: unknown;
		try {
			json = JSON.parse(text);
		} catch (e) {
			this.importIssues = [
				{ path: '(file)', message: t('mdl.ed.notJson', { error: (e as Error).message }) }
			];
			this.message = null;
			return false;
		}
		const r = validateModel(json);
		if (!r.ok) {
			this.importIssues = r.issues;
			this.importSource = json;
			this.message = null;
			return false;
		}
		this.importIssues = [];
		this.importSource = null;
		this.#wb.editModel(r.model, t('mdl.log.import', { file: fileName }));
		this.selectedMetricId = null;
		this.message = t('mdl.ed.imported', { name: r.model.name, file: fileName });
		return true;
	}

	exportJson(): string {
		return JSON.stringify(this.#wb.model, null, 2);
	}

	startFromTemplate(id: string): void {
		const tpl = templateById(id);
		if (!tpl) return;
		// The model keeps the template's own text (name, dimensions, metrics): it is the user's
		// model from now on. The messages name the template as the list does.
		const name = templateName(tpl);
		this.#wb.editModel(structuredClone(tpl.model), t('mdl.log.template', { name }));
		this.selectedMetricId = null;
		this.message = t('mdl.ed.template', { name });
	}

	/** Save the model as the next named version, with the edits since the last save as note. */
	async saveVersion(label: string): Promise<void> {
		const store = this.#store();
		const model = this.#wb.model;
		if (!store || !model) {
			this.message = t('mdl.ed.noStorage');
			return;
		}
		const edits = this.unsavedChanges;
		const note = [label.trim(), ...edits].filter(Boolean).join('; ') || t('mdl.log.saved');
		this.isSaving = true;
		try {
			await store.saveModel(model);
			const v = await store.saveModelVersion(model.id, note, model);
			await store.setSetting(SETTING_ACTIVE_MODEL, model.id);
			this.#savedAt = this.#wb.changeLog.length;
			this.message = t('mdl.ed.saved', { n: v.version, name: model.name });
			await this.loadVersions();
		} catch (e) {
			this.message = t('mdl.ed.saveFailed', { error: e instanceof Error ? e.message : String(e) });
		} finally {
			this.isSaving = false;
		}
	}

	async loadVersions(): Promise<void> {
		const store = this.#store();
		const id = this.#wb.model?.id;
		if (!store || !id) return;
		const record = await store.loadModel(id).catch(() => null);
		this.versions = record?.versions.slice().reverse() ?? [];
	}

	/** Bring back a saved version (validated again, as every load is); undoable. */
	restore(v: ModelVersion): void {
		const r = validateModel(v.model);
		if (!r.ok) {
			this.importIssues = r.issues;
			this.importSource = v.model;
			return;
		}
		this.#wb.editModel(r.model, t('mdl.log.restore', { n: v.version }));
		this.message = t('mdl.ed.restored', { n: v.version });
	}
}

/**
 * "Change column roles" of a stored dataset without choosing the file again: load it, edit
 * roles and types from what is stored, review the changes, then store the result as one
 * all-or-nothing replacement (the import's store path), so every screen sees the new roles.
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import { remapChangeText, remapProblemText } from '$lib/i18n/data-text';
import { t } from '$lib/i18n/i18n.svelte';
import {
	applyRemap,
	guessChurnValue,
	remapColumns,
	typeForRole,
	type RemapChange,
	type RemapColumn,
	type RemapProblem
} from '$lib/data/remap';
import {
	SINGLE_ROLES,
	type ColumnRole,
	type ColumnType,
	type Dataset,
	type DatasetMeta
} from '$lib/data/dataset';
import { newId } from '$lib/data/db/store';
import { toStorageError } from '$lib/data/db/errors';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import { workbench, type Workbench } from './workbench.svelte';
import { sources } from './sources.svelte';

export type RemapStep = 'closed' | 'loading' | 'mapping' | 'review' | 'saving' | 'done';

export interface RemapDeps {
	workbench?: Workbench;
	datasets?: DatasetsState;
	onReplaced?: (oldId: string, meta: DatasetMeta) => void | Promise<void>;
	now?: () => number;
}

export class RemapState {
	step = $state<RemapStep>('closed');
	/** The stored dataset being re-mapped. */
	target = $state.raw<DatasetMeta | null>(null);
	columns = $state<RemapColumn[]>([]);
	/** Problems that stop the review, each naming its column (as codes; `errors` says them). */
	problems = $state.raw<RemapProblem[]>([]);
	/** What will change (the review step; `changes` says them). */
	changed = $state.raw<RemapChange[]>([]);
	/** The column whose role was just given to another (now ignored). */
	#moved = $state<string | null>(null);
	/** Why opening or saving failed: said by `error` in the UI language when read. */
	#failed = $state.raw<(() => string) | null>(null);
	saved = $state.raw<DatasetMeta | null>(null);

	#wb: Workbench;
	#ds: DatasetsState;
	#onReplaced: RemapDeps['onReplaced'];
	#now: () => number;
	#dataset: Dataset | null = null;
	#built: Dataset | null = null;
	#seq = 0;

	/** Problems that stop the review, in the UI language. */
	get errors(): string[] {
		return this.problems.map((p) => remapProblemText(p));
	}
	/** What will change, in the UI language. */
	get changes(): string[] {
		return this.changed.map((c) => remapChangeText(c));
	}
	/** A short note (a role moved from one column to another), in the UI language. */
	get notice(): string | null {
		return this.#moved === null ? null : t('prob.rm.roleMoved', { name: this.#moved });
	}
	/** Why opening or saving failed, in the UI language. */
	get error(): string | null {
		return this.#failed?.() ?? null;
	}

	constructor(deps: RemapDeps = {}) {
		this.#wb = deps.workbench ?? workbench;
		this.#ds = deps.datasets ?? sharedDatasets;
		this.#onReplaced = deps.onReplaced;
		this.#now = deps.now ?? Date.now;
	}

	/** Open the mapping step with the stored columns of `meta`. */
	async open(meta: DatasetMeta): Promise<void> {
		const seq = ++this.#seq;
		this.#reset();
		this.target = meta;
		this.step = 'loading';
		const store = this.#ds.store;
		if (!store) {
			this.#failed = () => t('prob.imp.notOpen');
			this.step = 'closed';
			return;
		}
		try {
			const ds = await store.loadDataset(meta.id);
			if (seq !== this.#seq) return;
			this.#dataset = ds;
			this.columns = remapColumns(ds);
			this.step = 'mapping';
		} catch (e) {
			if (seq !== this.#seq) return;
			this.#failed = () => storageErrorText(e);
			this.step = 'closed';
		}
	}

	close(): void {
		this.#seq++;
		this.#reset();
		this.target = null;
		this.step = 'closed';
	}

	#reset(): void {
		this.#dataset = null;
		this.#built = null;
		this.columns = [];
		this.problems = [];
		this.changed = [];
		this.#moved = null;
		this.#failed = null;
		this.saved = null;
	}

	setRole(name: string, role: ColumnRole): void {
		const col = this.columns.find((c) => c.name === name);
		const ds = this.#dataset;
		if (!col || !ds) return;
		this.#moved = null;
		if (SINGLE_ROLES.includes(role))
			for (const other of this.columns)
				if (other !== col && other.role === role) {
					other.role = 'ignore';
					this.#moved = other.name;
				}
		const held = ds.meta.columns.find((c) => c.name === name)?.heldAs?.type;
		col.role = role;
		col.type = typeForRole(col, role, held);
		if (role === 'churned' && col.type === 'boolean' && col.churnValue === null)
			col.churnValue = guessChurnValue(ds, col);
		this.problems = [];
	}

	setType(name: string, type: ColumnType): void {
		const col = this.columns.find((c) => c.name === name);
		const ds = this.#dataset;
		if (!col || !ds || !col.types.includes(type)) return;
		col.type = type;
		if (type === 'boolean' && col.churnValue === null) col.churnValue = guessChurnValue(ds, col);
		this.problems = [];
	}

	setChurnValue(name: string, value: string): void {
		const col = this.columns.find((c) => c.name === name);
		if (col) col.churnValue = value;
		this.problems = [];
	}

	/** Mapping → review: check the choices and build the replacement (nothing stored yet). */
	review(): void {
		const ds = this.#dataset;
		if (!ds) return;
		const r = applyRemap(ds, $state.snapshot(this.columns) as RemapColumn[], {
			id: newId('ds'),
			createdAt: this.#now()
		});
		if (!r.ok) {
			this.problems = r.errors;
			return;
		}
		this.problems = [];
		this.#built = r.dataset;
		this.changed = r.changes;
		this.step = 'review';
	}

	backToMapping(): void {
		this.#built = null;
		this.changed = [];
		this.step = 'mapping';
	}

	/** Store the replacement all-or-nothing; the old dataset goes in the same commit. */
	async apply(): Promise<void> {
		const built = this.#built;
		const old = this.target;
		const store = this.#ds.store;
		if (!built || !old || !store) return;
		this.step = 'saving';
		this.#failed = null;
		try {
			const meta = await store.saveDataset(built, undefined, { activate: true, replaces: old.id });
			this.#wb.setDataset({ ...built, meta });
			this.saved = meta;
			this.#built = null;
			this.#dataset = null;
			this.step = 'done';
			await this.#ds.refresh();
			await this.#onReplaced?.(old.id, meta);
		} catch (e) {
			const err = toStorageError(e);
			this.#failed = () =>
				err.code === 'quota'
					? t('prob.rm.full')
					: t('prob.rm.unchanged', { error: storageErrorText(err) });
			this.step = 'review';
		}
	}
}

/** The Data screen's re-map (one per page); a replaced source re-runs the recipe. */
export const remapper = new RemapState({
	onReplaced: (oldId, meta) => sources.reimported(oldId, meta)
});

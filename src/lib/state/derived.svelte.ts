/**
 * The "Add a derived metric" form's state: the definition being built, a live preview on the
 * latest snapshots, and `add()`, which computes the column, stores the dataset with it (as a new
 * version that replaces the old one and stays active), and adds a metric reading it (undoable).
 */
import { storageErrorText } from '$lib/i18n/problem-text';
import {
	defaultDerivedName,
	derivedDefinitions,
	deriveColumn,
	describeDerived,
	summariseDerived,
	validateDerived,
	validateDerivedName,
	withDerivedColumn,
	type DeriveIssue,
	type DerivedKind,
	type DerivedSpec,
	type DerivedSummary
} from '$lib/data/derive';
import { columnWithRole, epochDayToIso, type Dataset } from '$lib/data/dataset';
import { newId } from '$lib/data/db/store';
import { t } from '$lib/i18n/i18n.svelte';
import type { Model } from '$lib/model/types';
import { datasets as sharedDatasets, type DatasetsState } from './datasets.svelte';
import * as E from '$lib/model/edits';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';

/** One preview line: an account's latest snapshot and its derived value (null = missing). */
export interface PreviewRow {
	account: string;
	date: string | null;
	value: number | null;
}

export interface DerivedPreview {
	summary: DerivedSummary;
	first: PreviewRow[];
}

/** A column offered in the form, with its definition when it is itself derived. */
export interface ColumnOption {
	name: string;
	label: string;
}

const todayEpochDay = () => Math.floor(Date.now() / 86_400_000);

export class DerivedForm {
	kind = $state<DerivedKind>('ratio');
	numerator = $state('');
	denominator = $state('');
	scale = $state(100);
	column = $state('');
	days = $state(60);
	mode = $state<'pct' | 'abs'>('pct');
	agg = $state<'sum' | 'count' | 'mean'>('sum');
	dimensionId = $state('');
	/** Name typed by the user; null follows the default name of the definition. */
	customName = $state<string | null>(null);
	isSaving = $state(false);
	message = $state<string | null>(null);
	error = $state<string | null>(null);
	#wb: Workbench;
	#ds: DatasetsState;
	#rows: () => Int32Array | null;

	constructor(
		rows: () => Int32Array | null,
		wb: Workbench = sharedWorkbench,
		ds: DatasetsState = sharedDatasets
	) {
		this.#rows = rows;
		this.#wb = wb;
		this.#ds = ds;
	}

	#options(test: (type: string, role: string) => boolean): ColumnOption[] {
		const defs = derivedDefinitions(this.#wb.dataset?.meta ?? null);
		return (this.#wb.dataset?.meta.columns ?? [])
			.filter((c) => test(c.type, c.role))
			.map((c) => {
				const def = defs.get(c.name);
				return { name: c.name, label: def ? `${c.name} (= ${def})` : c.name };
			});
	}

	/** Number (and yes/no) columns, for ratio, change and window. */
	valueColumns = $derived.by(() =>
		this.#options((t, r) => (t === 'number' || t === 'boolean') && r !== 'account-id')
	);
	/** Date columns other than the snapshot date, for days since. */
	dateColumns = $derived.by(() => this.#options((t, r) => t === 'date' && r !== 'snapshot-date'));
	hasHistory = $derived.by(() => {
		const d = this.#wb.dataset;
		return d ? columnWithRole(d.meta, 'snapshot-date') !== null : false;
	});

	spec = $derived.by((): DerivedSpec => {
		switch (this.kind) {
			case 'ratio':
				return {
					kind: 'ratio',
					numerator: this.numerator,
					denominator: this.denominator,
					scale: this.scale
				};
			case 'change':
				return { kind: 'change', column: this.column, days: this.days, mode: this.mode };
			case 'days-since':
				return { kind: 'days-since', column: this.column };
			case 'window':
				return { kind: 'window', column: this.column, days: this.days, agg: this.agg };
		}
	});

	name = $derived(this.customName ?? defaultDerivedName(this.spec));
	definition = $derived(describeDerived(this.spec));

	issues = $derived.by((): DeriveIssue[] => {
		const d = this.#wb.dataset;
		if (!d) return [];
		const opts = { referenceDay: todayEpochDay() };
		return [...validateDerived(d, this.spec, opts), ...validateDerivedName(d, this.name)];
	});

	/** Values on the latest snapshot of each account (what the portfolio scores). */
	preview = $derived.by((): DerivedPreview | null => {
		const d = this.#wb.dataset;
		if (!d || validateDerived(d, this.spec, { referenceDay: todayEpochDay() }).length) return null;
		const { column } = deriveColumn(d, this.spec, { referenceDay: todayEpochDay() });
		const rows = this.#rows();
		const dateName = columnWithRole(d.meta, 'snapshot-date');
		const dates = dateName ? d.table.columns.get(dateName) : undefined;
		const first: PreviewRow[] = [];
		const count = Math.min(5, rows ? rows.length : d.table.n);
		for (let k = 0; k < count; k++) {
			const i = rows ? rows[k]! : k;
			const v = column.values[i]!;
			const day = dates?.kind === 'number' ? dates.values[i]! : NaN;
			first.push({
				account: d.ids[i] ?? '',
				date: Number.isNaN(day) ? null : epochDayToIso(day),
				value: Number.isNaN(v) ? null : v
			});
		}
		return { summary: summariseDerived(column.values, rows), first };
	});

	setName(name: string): void {
		this.customName = name.trim() === '' ? null : name.trim();
	}

	/** Compute, store and use the column, then add a metric reading it to the chosen dimension. */
	async add(): Promise<boolean> {
		const dataset = this.#wb.dataset;
		const model = this.#wb.model;
		const dim = model?.dimensions.find((x) => x.id === this.dimensionId) ?? model?.dimensions[0];
		if (!dataset || !model || !dim || this.issues.length || this.isSaving) return false;
		const spec = $state.snapshot(this.spec) as DerivedSpec;
		const name = this.name;
		this.isSaving = true;
		this.error = null;
		this.message = null;
		try {
			const { column } = deriveColumn(dataset, spec, { referenceDay: todayEpochDay() });
			const added = withDerivedColumn(dataset, name, spec, column);
			let next: Dataset = { ...added, meta: { ...added.meta, id: newId('ds') } };
			const store = this.#ds.store;
			if (store) {
				const meta = await store.saveDataset(next, undefined, {
					activate: true,
					replaces: dataset.meta.id
				});
				next = { ...next, meta };
				await this.#ds.refresh();
			}
			this.#wb.setDataset(next);
			const range = summariseDerived(column.values, this.#rows());
			this.#wb.editModel(
				addDerivedMetric(model, dim.id, name, range),
				t('mdl.log.derived', {
					name,
					definition: describeDerived(spec),
					dimension: dim.name
				})
			);
			this.message = t('mdl.dv.added', {
				name,
				definition: describeDerived(spec),
				dimension: dim.name
			});
			this.customName = null;
			return true;
		} catch (e) {
			this.error = t('mdl.dv.failed', { error: storageErrorText(e) });
			return false;
		} finally {
			this.isSaving = false;
		}
	}
}

/** Add a linear metric on `column`, scaled from the 5th to the 95th percentile of its values. */
export function addDerivedMetric(
	model: Model,
	dimensionId: string,
	column: string,
	range: DerivedSummary
): Model {
	const added = E.addMetric(model, dimensionId, column);
	const metric = added.dimensions.find((d) => d.id === dimensionId)?.metrics.at(-1);
	if (!metric || range.p5 === null || range.p95 === null) return added;
	const r2 = (x: number) => Math.round(x * 100) / 100;
	const scheme = E.defaultScheme('linear', { lo: r2(range.p5), hi: r2(range.p95) });
	return E.setScheme(added, metric.id, scheme);
}

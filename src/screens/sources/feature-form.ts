/**
 * The feature form's draft (plain strings, as the inputs hold them) ↔ a `FeatureSpec`, and the
 * check of the recipe with the feature in it. Pure; tested in feature-form.test.ts.
 */
import { t } from '$lib/i18n/i18n.svelte';
import { recipeWhere, sourceIssueText } from '$lib/i18n/source-issue-text';
import { parseRecipe } from '$lib/sources/recipe-schema';
import type { EventAgg, FeatureSpec, PeriodMeasure, Recipe } from '$lib/sources/types';
import { aggNeedsColumn, measureNeedsColumn } from '$lib/sources/validate';
import { featureId } from '$lib/state/sources-propose';

export interface FeatureDraft {
	name: string;
	source: string;
	agg: EventAgg;
	measure: PeriodMeasure;
	column: string;
	/** Window in days; blank = all history (a number input's binding may hold a number). */
	days: string | number | null;
	filterColumn: string;
	/** Comma-separated values. */
	filterValues: string;
	combine: 'latest' | 'sum';
	direction: 'up' | 'down';
}

/** What a period feature can measure, in the order the form lists them. */
export const MEASURES: readonly PeriodMeasure[] = [
	'active',
	'value',
	'tenure',
	'days-to-renewal',
	'changes'
];

export function emptyDraft(source: string): FeatureDraft {
	return {
		name: '',
		source,
		agg: 'count',
		measure: 'active',
		column: '',
		days: '30',
		filterColumn: '',
		filterValues: '',
		combine: 'latest',
		direction: 'down'
	};
}

export function draftOf(f: FeatureSpec): FeatureDraft {
	const d = emptyDraft(f.source);
	d.name = f.name;
	if (f.kind === 'event') {
		d.agg = f.agg;
		d.column = f.column ?? '';
		d.days = f.days == null ? '' : String(f.days);
		d.filterColumn = f.filter?.column ?? '';
		d.filterValues = f.filter?.values.join(', ') ?? '';
	} else if (f.kind === 'period') {
		d.measure = f.measure;
		d.column = f.column ?? '';
		d.days = f.days == null ? '' : String(f.days);
		d.combine = f.combine ?? 'latest';
		d.direction = f.direction ?? 'down';
	} else d.column = f.column;
	return d;
}

/** The feature a draft describes (`id` kept when editing, else made from the name). */
export function featureOf(d: FeatureDraft, recipe: Recipe, id?: string): FeatureSpec {
	const grain = recipe.sources.find((s) => s.name === d.source)?.grain ?? 'event';
	const taken = new Set(recipe.features.map((f) => f.id));
	const base = {
		id: id ?? featureId(d.name || d.source, taken),
		name: d.name.trim(),
		source: d.source
	};
	const rawDays = String(d.days ?? '').trim();
	const days = rawDays === '' ? null : Number(rawDays);
	if (grain === 'event') {
		const values = d.filterValues
			.split(',')
			.map((v) => v.trim())
			.filter(Boolean);
		return {
			...base,
			kind: 'event',
			agg: d.agg,
			column: aggNeedsColumn(d.agg) ? d.column : null,
			days,
			filter: d.filterColumn && values.length ? { column: d.filterColumn, values } : null
		};
	}
	if (grain === 'period')
		return {
			...base,
			kind: 'period',
			measure: d.measure,
			column: measureNeedsColumn(d.measure) ? d.column : null,
			...(d.measure === 'value' ? { combine: d.combine } : {}),
			...(d.measure === 'changes' ? { days, direction: d.direction } : {})
		};
	return { ...base, kind: grain, column: d.column };
}

/**
 * Problems of the recipe with this feature added (or replacing `replaces`), in the UI language:
 * a problem of the feature itself after the field it is in ("column: …"), any other as it is.
 */
export function featureProblems(recipe: Recipe, f: FeatureSpec, replaces?: string): string[] {
	if (!f.name) return [t('src.feat.noName')];
	const features = replaces
		? recipe.features.map((g) => (g.id === replaces ? f : g))
		: [...recipe.features, f];
	const r = parseRecipe(JSON.parse(JSON.stringify({ ...recipe, features })));
	if (r.ok) return [];
	const at = features.indexOf(f);
	const mine = r.issues.filter((i) => i.path.startsWith(`features[${at}]`));
	return (mine.length ? mine : r.issues).map((i) => {
		const field = i.path.replace(/^features\[\d+\]\.?/, '');
		const problem = sourceIssueText(i);
		return field ? t('src.feat.problem', { field: recipeWhere(field), problem }) : problem;
	});
}

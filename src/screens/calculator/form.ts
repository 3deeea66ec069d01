/**
 * Pure builders for the calculator form: which input each metric gets, its label, limits and
 * description, and number formatting for the results. No DOM, no runes: unit-tested in Node.
 */
import { t } from '$lib/i18n/i18n.svelte';
import type { Band, Dimension, Metric, MissingPolicy } from '$lib/model/types';

/** Input shape for one metric. `unsupported` metrics (percentile) cannot score one account. */
export type FieldKind = 'number' | 'boolean' | 'category' | 'unsupported';

export interface FieldOption {
	value: string;
	label: string;
}

/** Everything the form needs to render one metric's input. */
export interface Field {
	/** DOM id of the input (the hint uses `${inputId}-hint`). */
	inputId: string;
	metricId: string;
	column: string;
	/** Metric name; the unit is shown beside it, inside the label. */
	label: string;
	unit: string;
	kind: FieldKind;
	min?: number;
	max?: number;
	/** Hint, scale and what a blank does, in one line. */
	description: string;
	options: FieldOption[];
	/** Where a number lies outside the scheme's scale: the values that get no more (or no fewer) points. */
	scale?: { lo: number; hi: number; loPoints: number; hiPoints: number };
}

/**
 * A plain note when a typed number is outside the scale and is counted as the scale's end
 * (never clamped silently), else null.
 */
export function rangeNote(field: Field, x: number | null | undefined): string | null {
	const s = field.scale;
	if (!s || typeof x !== 'number' || !Number.isFinite(x)) return null;
	if (x > s.hi) return t('calc.above', { x, hi: s.hi, points: Math.round(s.hiPoints) });
	if (x < s.lo) return t('calc.below', { x, lo: s.lo, points: Math.round(s.loPoints) });
	return null;
}

/** What leaving the input blank does, in plain words. */
export function missingText(policy: MissingPolicy): string {
	switch (policy) {
		case 'zero':
			return t('calc.blankZero');
		case 'neutral':
			return t('calc.blankNeutral');
		default:
			return t('calc.blankExclude');
	}
}

function scaleText(metric: Metric): string {
	const s = metric.scheme;
	const unit = metric.unit ? ` ${metric.unit}` : '';
	switch (s.kind) {
		case 'manual':
			return metric.unit?.includes(String(s.max)) ? '' : t('calc.scale', { max: s.max });
		case 'linear': {
			const isUp = s.best >= s.worst;
			return t(isUp ? 'calc.linearUp' : 'calc.linearDown', {
				best: `${s.best}${unit}`,
				worst: `${s.worst}${unit}`
			});
		}
		case 'bands':
			return bandsText(s.bands);
		default:
			return '';
	}
}

/** Bands in plain words: "Up to 2: 100 points; up to 5: 60; more: 20." */
export function bandsText(bands: readonly Band[]): string {
	const parts = bands.map((b, i) => {
		const range =
			b.upTo === null
				? t(i === 0 ? 'calc.bandAny' : 'calc.bandMore')
				: t('calc.bandUpTo', { n: b.upTo });
		return t(i === 0 ? 'calc.bandFirst' : 'calc.bandNext', { range, points: b.points });
	});
	const text = parts.join(t('calc.bandJoin'));
	return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${t('calc.bandEnd')}` : '';
}

/** The input for one metric. */
export function fieldFor(metric: Metric): Field {
	const s = metric.scheme;
	const base = {
		inputId: `calc-${metric.id}`,
		metricId: metric.id,
		column: metric.column,
		label: metric.name,
		unit: metric.unit ?? ''
	};
	const parts = [metric.hint?.trim(), scaleText(metric), missingText(metric.missing)];
	const description = parts.filter((p) => p).join(' ');
	switch (s.kind) {
		case 'manual':
			return {
				...base,
				kind: 'number',
				min: 0,
				max: s.max,
				description,
				options: [],
				scale: { lo: 0, hi: s.max, loPoints: 0, hiPoints: 100 }
			};
		case 'linear': {
			const up = s.best >= s.worst;
			const scale = up
				? { lo: s.worst, hi: s.best, loPoints: 0, hiPoints: 100 }
				: { lo: s.best, hi: s.worst, loPoints: 100, hiPoints: 0 };
			return { ...base, kind: 'number', description, options: [], scale };
		}
		case 'bands':
			return { ...base, kind: 'number', description, options: [] };
		case 'boolean':
			return {
				...base,
				kind: 'boolean',
				description,
				options: [
					{ value: 'yes', label: t('calc.yes') },
					{ value: 'no', label: t('calc.no') }
				]
			};
		case 'category':
			return {
				...base,
				kind: 'category',
				description,
				options: s.map.map((c) => ({ value: c.value, label: c.value }))
			};
		default:
			return {
				...base,
				kind: 'unsupported',
				description: t('calc.percentile') + ' ' + missingText(metric.missing),
				options: []
			};
	}
}

/** Each dimension's nominal share 0–1 of the score (weights normalised; all 0 → equal shares). */
export function weightShares(dimensions: readonly Pick<Dimension, 'weight'>[]): number[] {
	const total = dimensions.reduce((sum, d) => sum + Math.max(0, d.weight), 0);
	if (total <= 0) return dimensions.map(() => (dimensions.length ? 1 / dimensions.length : 0));
	return dimensions.map((d) => Math.max(0, d.weight) / total);
}

/** Points with at most one decimal, no trailing `.0`: 9 → "9", 8.75 → "8.8". */
export function formatPoints(points: number): string {
	if (!Number.isFinite(points)) return '–';
	const r = Math.round(points * 10) / 10;
	return String(Object.is(r, -0) ? 0 : r);
}

/** Share 0–1 → whole percent text: 0.25 → "25 %". */
export function formatShare(share: number): string {
	if (!Number.isFinite(share)) return '–';
	return `${Math.round(share * 100)} %`;
}

/** A boolean value → the select's value, and back. */
export function booleanToOption(v: unknown): string {
	return v === true || v === 1 ? 'yes' : v === false || v === 0 ? 'no' : '';
}
export function optionToBoolean(v: string): boolean | null {
	return v === 'yes' ? true : v === 'no' ? false : null;
}

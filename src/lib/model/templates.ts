/**
 * Shipped model templates (validated when this module loads) and the default tiers.
 */
import fourDimensions from './templates/four-dimensions.json';
import usageLedSaas from './templates/usage-led-saas.json';
import type { AccountValues, Model, ModelTemplate, Tier } from './types';
import { validateModel } from './validate';

/** Default tiers (DESIGN.md): Green 80–100, Yellow 50–79, Red 0–49, best first. */
export const DEFAULT_TIERS: readonly Tier[] = Object.freeze([
	{
		id: 'green',
		name: 'Green',
		min: 80,
		color: '#2e7d32',
		action: 'Healthy: look for expansion and ask for a reference.'
	},
	{
		id: 'yellow',
		name: 'Yellow',
		min: 50,
		color: '#b26a00',
		action: 'At risk: CSM call within two weeks to fix the weakest dimension.'
	},
	{
		id: 'red',
		name: 'Red',
		min: 0,
		color: '#c62828',
		action: 'Critical: save plan with the executive sponsor within a week.'
	}
]);

function template(json: unknown): ModelTemplate {
	const r = validateModel(json);
	if (!r.ok) throw new Error(`invalid template: ${JSON.stringify(r.issues)}`);
	return {
		id: r.model.id,
		name: r.model.name,
		description: r.model.description ?? '',
		model: r.model
	};
}

/**
 * The shipped templates. Each `model` is a fresh validated object; copy it (structuredClone)
 * before editing. Account values for these models are keyed by `metric.column`.
 */
export const TEMPLATES: readonly ModelTemplate[] = Object.freeze([
	template(fourDimensions),
	template(usageLedSaas)
]);

/**
 * DESIGN.md's worked example for the *Four dimensions* template: usage 18, support 22,
 * onboarding 23, engagement 16 (→ 79, Green). The calculator opens on it.
 */
export const WORKED_EXAMPLE: Readonly<{ templateId: string; values: Readonly<AccountValues> }> =
	Object.freeze({
		templateId: 'four-dimensions',
		values: Object.freeze({
			usage_points: 18,
			support_points: 22,
			onboarding_points: 23,
			engagement_points: 16
		})
	});

/** A template by id, or undefined. */
export function templateById(id: string): ModelTemplate | undefined {
	return TEMPLATES.find((t) => t.id === id);
}

/** JSON with object keys sorted, so two equal models compare equal whatever their key order. */
function canonical(x: unknown): string {
	return JSON.stringify(x, (_k, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(
					Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
						a < b ? -1 : a > b ? 1 : 0
					)
				)
			: v
	);
}

/** What decides scores and tiers: dimensions (metrics, schemes, weights), tiers, coverage, segments. */
function scoring(m: Model): string {
	return canonical([m.dimensions, m.tiers, m.minCoverage, m.segments ?? null]);
}

/**
 * A template's name or description still carried by a model that no longer scores like that
 * template (dimensions, metrics, schemes, weights, tiers, coverage or segments changed, e.g. after
 * edits or a draft): that text would describe another model, so the model card leaves it out.
 * Null when the model's name and description are its own, or when it still is the template
 * (playbooks, id and data recipe do not change what the template text says).
 */
export function borrowedIdentity(
	model: Model,
	templates: readonly ModelTemplate[] = TEMPLATES
): { name: boolean; description: boolean } | null {
	const name = model.name.trim();
	const description = (model.description ?? '').trim();
	let borrowedName = false;
	let borrowedDescription = false;
	for (const t of templates) {
		const sameName = name === t.name.trim();
		const sameDescription = description !== '' && description === t.description.trim();
		if (!sameName && !sameDescription) continue;
		if (scoring(model) === scoring(t.model)) continue;
		borrowedName ||= sameName;
		borrowedDescription ||= sameDescription;
	}
	return borrowedName || borrowedDescription
		? { name: borrowedName, description: borrowedDescription }
		: null;
}

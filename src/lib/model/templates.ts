/**
 * Shipped model templates (validated when this module loads) and the default tiers.
 */
import fourDimensions from './templates/four-dimensions.json';
import usageLedSaas from './templates/usage-led-saas.json';
import type { ModelTemplate, Tier } from './types';
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

/** A template by id, or undefined. */
export function templateById(id: string): ModelTemplate | undefined {
	return TEMPLATES.find((t) => t.id === id);
}

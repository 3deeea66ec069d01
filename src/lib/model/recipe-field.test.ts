import { describe, expect, it } from 'vitest';
import { ravenRecipe } from '$lib/sources/test-data';
import { TEMPLATES } from './templates';
import { validateModel } from './validate';

const base = TEMPLATES[0]!.model;

describe('the recipe saved with the model', () => {
	it('round-trips through model JSON and is validated by the recipe schema', () => {
		const recipe = ravenRecipe();
		const r = validateModel(JSON.parse(JSON.stringify({ ...base, recipe })));
		expect(r.ok).toBe(true);
		expect(r.ok && r.model.recipe).toEqual(JSON.parse(JSON.stringify(recipe)));
		const plain = validateModel(JSON.parse(JSON.stringify(base)));
		expect(plain.ok && 'recipe' in plain.model).toBe(false);
	});

	it('a bad recipe names its path and the model is refused whole', () => {
		const recipe = ravenRecipe();
		const bad = { ...recipe, features: [{ ...recipe.features[0]!, days: -5 }] };
		const r = validateModel({ ...base, recipe: bad });
		expect(r.ok).toBe(false);
		expect(!r.ok && r.issues.map((i) => i.path)).toContain('recipe.features[0].days');
		const wrongVersion = validateModel({ ...base, recipe: { ...recipe, schemaVersion: 99 } });
		expect(!wrongVersion.ok && wrongVersion.issues[0]!.path).toBe('recipe.schemaVersion');
	});

	it('a recipe list longer than the model’s own caps (600 as-of dates) is judged by the recipe schema', () => {
		const dates = Array.from({ length: 600 }, (_, k) =>
			new Date(Date.UTC(2020, 0, 1 + k)).toISOString().slice(0, 10)
		);
		const recipe = { ...ravenRecipe(), grid: { kind: 'dates', dates } };
		const r = validateModel(JSON.parse(JSON.stringify({ ...base, recipe })));
		expect(r.ok).toBe(true);
	});
});

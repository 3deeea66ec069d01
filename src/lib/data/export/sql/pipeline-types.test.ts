/** Column types the recipe implies for the pipeline export when the raw sources are not at hand. */
import { describe, expect, it } from 'vitest';
import { ravenRecipe } from '$lib/sources/test-data';
import { impliedColumnTypes, toPipelineSql } from './pipeline';
import { templateById } from '$lib/model';

describe('impliedColumnTypes', () => {
	it('text where the built feature is text, a non-numeric filter, a distinct count or a link column', () => {
		const t = impliedColumnTypes(ravenRecipe(), new Set(['plan_now', 'industry']));
		expect(t).toEqual({
			subscriptions: { plan_tier: 'text', subscription_id: 'text' },
			accounts: { industry: 'text' },
			'support-tickets': { priority: 'text' },
			'feature-usage': { feature_name: 'text' }
		});
	});

	it('a snapshot-dates grid needs its dates given', () => {
		const r = ravenRecipe({ grid: { kind: 'snapshot-dates', source: 'accounts' } });
		const model = templateById('usage-led-saas')?.model ?? null;
		if (!model) return expect(model).not.toBeNull();
		expect(() => toPipelineSql(r, model, { dialect: 'duckdb', tables: {} })).toThrow(/as-of dates/);
	});
});

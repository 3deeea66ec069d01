import { describe, expect, it } from 'vitest';
import { ravenRecipe } from '$lib/sources/test-data';
import { draftOf, emptyDraft, featureOf, featureProblems } from './feature-form';

describe('feature form', () => {
	const recipe = ravenRecipe();

	it('a draft (number input bound as a number) becomes an event feature with a filter', () => {
		const d = {
			...emptyDraft('support-tickets'),
			name: 'Urgent tickets, 180 days',
			days: 180,
			filterColumn: 'priority',
			filterValues: ' urgent, high ,'
		};
		const f = featureOf(d, recipe);
		expect(f).toEqual({
			id: 'urgent_tickets_180_days',
			name: 'Urgent tickets, 180 days',
			source: 'support-tickets',
			kind: 'event',
			agg: 'count',
			column: null,
			days: 180,
			filter: { column: 'priority', values: ['urgent', 'high'] }
		});
		expect(featureProblems(recipe, f)).toEqual([]);
		expect(featureOf(draftOf(f), recipe, f.id)).toEqual(f);
	});

	it('blank window = all history; a sum without a column is refused by name', () => {
		const f = featureOf(
			{ ...emptyDraft('support-tickets'), name: 'Sum', agg: 'sum', days: '' },
			recipe
		);
		expect(f.kind === 'event' && f.days).toBeNull();
		expect(featureProblems(recipe, f).join(' ')).toMatch(/column/);
		expect(featureProblems(recipe, { ...f, name: '' })).toEqual(['Give the feature a name.']);
	});

	it('period and account features', () => {
		const p = featureOf(
			{ ...emptyDraft('subscriptions'), name: 'MRR now', measure: 'value', column: 'mrr_amount' },
			recipe
		);
		expect(p).toMatchObject({
			kind: 'period',
			measure: 'value',
			column: 'mrr_amount',
			combine: 'latest'
		});
		expect(featureProblems(recipe, p)).toEqual([]);
		const a = featureOf({ ...emptyDraft('accounts'), name: 'Seats', column: 'seats' }, recipe);
		expect(a).toMatchObject({ kind: 'account', column: 'seats' });
	});
});

// Issue 10: the wizard's "which value means churn" switch on worded and yes/no outcomes.
import { describe, expect, it } from 'vitest';
import { profileTable } from '$lib/data/csv/infer';
import {
	churnChoice,
	churnValueForBuild,
	guessChurnValue,
	rowsFromProfiles
} from './import-mapping';

/** `n` cells cycling through `values`. */
function cycle(values: string[], n = 30): string[] {
	return Array.from({ length: n }, (_, i) => values[i % values.length]!);
}

describe('the wizard switch: which value means churn', () => {
	it('worded column: proposed value, flip, and what the build gets', () => {
		const [p] = profileTable(['Status'], [cycle(['Active', 'Churned', 'Active', 'Paused'], 40)]);
		const [row] = rowsFromProfiles([p!], ['Status']);
		expect(row!.type).toBe('boolean');
		expect(churnChoice(row!)).toEqual({
			options: [
				{ value: 'Active', rows: 20 },
				{ value: 'Churned', rows: 10 },
				{ value: 'Paused', rows: 10 }
			],
			chosen: 'Churned',
			needsValue: true
		});
		expect(churnValueForBuild(row!)).toBe('Churned');
		expect(churnValueForBuild({ ...row!, churnValue: 'Paused' })).toBe('Paused');
		// As a metric (not the outcome) the column is read the usual way.
		expect(churnValueForBuild({ ...row!, role: 'metric' })).toBeUndefined();
	});

	it('yes/no column: the usual reading unless flipped to No', () => {
		const [p] = profileTable(['Churn'], [cycle(['No', 'Yes', 'No'], 30)]);
		const [row] = rowsFromProfiles([p!], ['Churn']);
		expect(churnChoice(row!)?.chosen).toBe('Yes');
		expect(churnValueForBuild(row!)).toBeUndefined();
		expect(churnValueForBuild({ ...row!, churnValue: 'No' })).toBe('No');
	});

	it('a category turned into the outcome by hand starts from the fewest rows', () => {
		expect(
			guessChurnValue([
				{ value: 'A', rows: 50 },
				{ value: 'B', rows: 7 },
				{ value: 'C', rows: 9 }
			])
		).toBe('B');
	});
});

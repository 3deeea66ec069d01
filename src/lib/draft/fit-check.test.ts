import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '$lib/model/templates';
import { mapByName, missingColumns, normaliseName } from './fit-check';

const saas = TEMPLATES[1]!.model;
const cols = saas.dimensions.flatMap((d) => d.metrics.map((m) => m.column));

describe('a model that does not fit the data', () => {
	it('lists the missing metric columns in model order', () => {
		expect(missingColumns(saas, cols)).toEqual([]);
		expect(missingColumns(saas, cols.slice(1))).toEqual([cols[0]]);
		expect(missingColumns(saas, ['Exited', 'Age'])).toEqual(cols);
	});
	it('maps by name, ignoring case, spaces, underscores and dashes', () => {
		expect(normaliseName('Seat_Utilisation-PCT ')).toBe('seatutilisationpct');
		const renamed = cols.map((c) => c.toUpperCase().replace(/_/g, ' '));
		const r = mapByName(saas, renamed);
		expect(r.mapped).toHaveLength(cols.length);
		expect(missingColumns(r.model, renamed)).toEqual([]);
		expect(mapByName(saas, ['Exited']).model).toBe(saas);
	});
});

import { describe, expect, it } from 'vitest';
import { metricPower } from './power';

describe('metricPower', () => {
	const y = Uint8Array.from([1, 1, 0, 0, 0]);
	it('is direction-aware and counts missing', () => {
		const logins = Float64Array.from([1, 2, 5, 9, NaN]); // churners log in less: higher is better
		const tickets = Float64Array.from([8, 6, 1, 0, 2]); // churners file more: lower is better
		const [a, b, c] = metricPower(
			[
				{ id: 'logins', name: 'Logins', values: logins, direction: 'higher' },
				{ id: 'tickets', name: 'Tickets', values: tickets, direction: 'lower' },
				{ id: 'wrong', name: 'Wrong way', values: tickets, direction: 'higher' }
			],
			y
		);
		expect(a).toMatchObject({ auc: 1, agrees: true, missingShare: 0.2, n: 4 });
		expect(b).toMatchObject({ auc: 1, agrees: true, missingShare: 0 });
		expect(c).toMatchObject({ auc: 0, strength: 1, agrees: false });
	});
});

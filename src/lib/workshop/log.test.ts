import { describe, expect, it } from 'vitest';
import { checkDecision, decisionTime } from './log';

describe('decision log', () => {
	it('keeps a trimmed entry, refuses blank or overlong fields', () => {
		expect(checkDecision(' Usage 40 % ', ' the room ', '2026-11-30T16:05:12.000Z')).toEqual({
			ok: true,
			decision: { what: 'Usage 40 %', who: 'the room', when: '2026-11-30T16:05:12.000Z' }
		});
		expect(checkDecision(' ', 'x', '')).toEqual({ ok: false, problem: 'need-what' });
		expect(checkDecision('x'.repeat(501), 'x', '')).toEqual({ ok: false, problem: 'long-what' });
		expect(checkDecision('x', '', '')).toEqual({ ok: false, problem: 'need-who' });
		expect(checkDecision('x', 'y'.repeat(201), '')).toEqual({ ok: false, problem: 'long-who' });
	});

	it('shows the time in UTC to the minute', () => {
		expect(decisionTime('2026-11-30T16:05:12.000Z')).toBe('2026-11-30 16:05 UTC');
	});
});

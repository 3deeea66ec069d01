import { describe, expect, it } from 'vitest';
import { shellAction, type KeyInfo } from './presenter';

const key = (k: string, more: Partial<KeyInfo> = {}): KeyInfo => ({
	key: k,
	ctrlKey: false,
	metaKey: false,
	altKey: false,
	inField: false,
	...more
});

describe('shell shortcuts', () => {
	it('P toggles the presenter view only on Model, Portfolio and Backtest', () => {
		expect(shellAction(key('p'), 'portfolio', false)).toBe('toggle-presenter');
		expect(shellAction(key('P'), 'model', true)).toBe('toggle-presenter');
		expect(shellAction(key('p'), 'backtest', false)).toBe('toggle-presenter');
		expect(shellAction(key('p'), 'calculator', false)).toBeNull();
		expect(shellAction(key('p'), 'data', false)).toBeNull();
	});

	it('typing in a field, or with a modifier, is never a shortcut', () => {
		expect(shellAction(key('p', { inField: true }), 'portfolio', false)).toBeNull();
		expect(shellAction(key('?', { inField: true }), 'portfolio', false)).toBeNull();
		expect(shellAction(key('p', { ctrlKey: true }), 'portfolio', false)).toBeNull();
		expect(shellAction(key('p', { metaKey: true }), 'portfolio', false)).toBeNull();
	});

	it('Esc leaves the presenter view, even from a field, and does nothing otherwise', () => {
		expect(shellAction(key('Escape'), 'portfolio', true)).toBe('leave-presenter');
		expect(shellAction(key('Escape', { inField: true }), 'model', true)).toBe('leave-presenter');
		expect(shellAction(key('Escape'), 'portfolio', false)).toBeNull();
	});

	it('? lists the shortcuts on any screen', () => {
		expect(shellAction(key('?'), 'calculator', false)).toBe('shortcuts');
		expect(shellAction(key('?'), 'portfolio', true)).toBe('shortcuts');
	});
});

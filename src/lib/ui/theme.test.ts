import { describe, expect, it } from 'vitest';
import { readTheme, THEME_KEY, writeTheme } from './theme';

function memory(): Storage {
	const m = new Map<string, string>();
	return {
		getItem: (k) => m.get(k) ?? null,
		setItem: (k, v) => void m.set(k, String(v)),
		removeItem: (k) => void m.delete(k),
		clear: () => m.clear(),
		key: (i) => [...m.keys()][i] ?? null,
		get length() {
			return m.size;
		}
	};
}

describe('theme choice', () => {
	it('defaults to the system and remembers an explicit choice', () => {
		const s = memory();
		expect(readTheme(s)).toBe('system');
		writeTheme(s, 'contrast');
		expect(s.getItem(THEME_KEY)).toBe('contrast');
		expect(readTheme(s)).toBe('contrast');
		writeTheme(s, 'system');
		expect(s.getItem(THEME_KEY)).toBeNull();
		expect(readTheme(s)).toBe('system');
	});

	it('ignores unknown stored values and storage that throws', () => {
		const s = memory();
		s.setItem(THEME_KEY, 'purple');
		expect(readTheme(s)).toBe('system');
		const broken = {
			getItem: () => {
				throw new Error('denied');
			},
			setItem: () => {
				throw new Error('denied');
			},
			removeItem: () => {
				throw new Error('denied');
			}
		};
		expect(readTheme(broken)).toBe('system');
		expect(() => writeTheme(broken, 'dark')).not.toThrow();
		expect(readTheme(null)).toBe('system');
	});
});

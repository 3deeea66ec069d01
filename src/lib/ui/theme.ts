/**
 * Theme choice: follow the system (the default), or light, dark or high contrast, remembered in
 * this browser. Pure helpers here; the reactive state is in theme.svelte.ts. Labels are message keys.
 */
export const THEMES = [
	{ id: 'system', label: 'app.theme.system' },
	{ id: 'light', label: 'app.theme.light' },
	{ id: 'dark', label: 'app.theme.dark' },
	{ id: 'contrast', label: 'app.theme.contrast' }
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];

export const THEME_KEY = 'hsw.theme';

export function isTheme(v: unknown): v is ThemeId {
	return THEMES.some((t) => t.id === v);
}

/** The stored choice, or 'system' when nothing (or something unknown) is stored. */
export function readTheme(storage: Pick<Storage, 'getItem'> | null): ThemeId {
	try {
		const v = storage?.getItem(THEME_KEY);
		return isTheme(v) ? v : 'system';
	} catch {
		return 'system';
	}
}

/** Remember a choice; 'system' forgets it. Storage that refuses (private mode) is ignored. */
export function writeTheme(
	storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
	t: ThemeId
): void {
	try {
		if (t === 'system') storage?.removeItem(THEME_KEY);
		else storage?.setItem(THEME_KEY, t);
	} catch {
		// The choice still applies to this page.
	}
}

/**
 * The page's theme: sets `data-theme` on <html> (absent = follow the system's light/dark and
 * contrast preference; app.css holds the colours). Remembered in localStorage.
 */
import { readTheme, writeTheme, type ThemeId } from './theme';

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function apply(t: ThemeId): void {
	if (typeof document === 'undefined') return;
	const root = document.documentElement;
	if (t === 'system') delete root.dataset.theme;
	else root.dataset.theme = t;
}

class Theme {
	current = $state<ThemeId>(readTheme(storage()));

	constructor() {
		apply(this.current);
		// Another tab changed it: follow.
		if (typeof window !== 'undefined') {
			window.addEventListener('storage', () => {
				this.current = readTheme(storage());
				apply(this.current);
			});
		}
	}

	set(t: ThemeId): void {
		this.current = t;
		writeTheme(storage(), t);
		apply(t);
	}
}

export const theme = new Theme();

/**
 * Hash router: `#/<screen>?<params>`. The fragment is never sent to a server, which is also why
 * share links live there.
 */
export const SCREENS = [
	{ id: 'calculator', label: 'Calculator' },
	{ id: 'data', label: 'Data' },
	{ id: 'model', label: 'Model' },
	{ id: 'portfolio', label: 'Portfolio' },
	{ id: 'backtest', label: 'Backtest' },
	{ id: 'validation', label: 'Validation' },
	{ id: 'actions', label: 'Actions & export' },
	{ id: 'workshop', label: 'Workshop' }
] as const;

export type ScreenId = (typeof SCREENS)[number]['id'];

const DEFAULT_SCREEN: ScreenId = 'calculator';

function isScreen(id: string): id is ScreenId {
	return SCREENS.some((s) => s.id === id);
}

/** Parse a location hash into a screen and its parameters; unknown screens fall back. */
export function parseHash(hash: string): { screen: ScreenId; params: URLSearchParams } {
	const raw = hash.replace(/^#\/?/, '');
	const q = raw.indexOf('?');
	const path = q < 0 ? raw : raw.slice(0, q);
	// A fresh, read-only value per parse: no reactivity needed.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
	return { screen: isScreen(path) ? path : DEFAULT_SCREEN, params };
}

class Router {
	#hash = $state(typeof location === 'undefined' ? '' : location.hash);

	constructor() {
		if (typeof window !== 'undefined') {
			window.addEventListener('hashchange', () => (this.#hash = location.hash));
		}
	}

	get screen(): ScreenId {
		return parseHash(this.#hash).screen;
	}

	get params(): URLSearchParams {
		return parseHash(this.#hash).params;
	}

	go(screen: ScreenId, params?: Record<string, string>): void {
		const query = params ? new URLSearchParams(params).toString() : '';
		location.hash = `#/${screen}${query ? `?${query}` : ''}`;
	}

	/** Replace the current params without adding a history entry (e.g. the live share link). */
	replaceParams(params: Record<string, string>): void {
		const query = new URLSearchParams(params).toString();
		const hash = `#/${this.screen}${query ? `?${query}` : ''}`;
		history.replaceState(null, '', hash);
		this.#hash = hash;
	}
}

export const router = new Router();

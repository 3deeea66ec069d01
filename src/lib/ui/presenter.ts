/**
 * Keyboard shortcuts of the app shell, as a pure decision (tested without a DOM): which action a
 * key press asks for, given where the focus is and which screen is open.
 */
export type ShellAction = 'toggle-presenter' | 'leave-presenter' | 'shortcuts' | null;

/** Screens that have a presenter view. */
export const PRESENTER_SCREENS: readonly string[] = ['model', 'portfolio', 'backtest'];

export interface KeyInfo {
	key: string;
	ctrlKey: boolean;
	metaKey: boolean;
	altKey: boolean;
	/** Focus is in a text field, select or editable element (its keys are its own). */
	inField: boolean;
}

export function shellAction(k: KeyInfo, screen: string, presenting: boolean): ShellAction {
	if (k.ctrlKey || k.metaKey || k.altKey) return null;
	if (k.key === 'Escape') return presenting ? 'leave-presenter' : null;
	if (k.inField) return null;
	if (k.key === '?') return 'shortcuts';
	if ((k.key === 'p' || k.key === 'P') && PRESENTER_SCREENS.includes(screen))
		return 'toggle-presenter';
	return null;
}

/** The shortcuts, as listed by "?" (`does` is a message key). */
export const SHORTCUTS = [
	{ keys: 'P', does: 'app.keys.presenter' },
	{ keys: 'Esc', does: 'app.keys.esc' },
	{ keys: '?', does: 'app.keys.help' },
	{ keys: 'Tab / Shift+Tab', does: 'app.keys.tab' },
	{ keys: '← →', does: 'app.keys.arrows' },
	{ keys: 'PageUp / PageDown', does: 'app.keys.page' },
	{ keys: 'Home / End', does: 'app.keys.homeEnd' },
	{ keys: 'Ctrl+Z / Ctrl+Shift+Z', does: 'app.keys.undo' }
] as const;

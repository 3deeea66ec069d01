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

/** The shortcuts, as listed by "?". */
export const SHORTCUTS: readonly { keys: string; does: string }[] = [
	{ keys: 'P', does: 'Presenter view on or off (Model, Portfolio, Backtest)' },
	{ keys: 'Esc', does: 'Leave the presenter view (or close this list)' },
	{ keys: '?', does: 'Show these shortcuts' },
	{ keys: 'Tab / Shift+Tab', does: 'Move between thresholds, weights and buttons' },
	{ keys: '← →', does: 'Move a focused threshold or weight by 1' },
	{ keys: 'PageUp / PageDown', does: 'Move a focused threshold by 5' },
	{ keys: 'Home / End', does: 'Move a focused threshold to its lowest or highest place' },
	{ keys: 'Ctrl+Z / Ctrl+Shift+Z', does: 'Undo / redo a model change' }
];

/** Presenter view on/off and the shortcuts list (app-shell state; see presenter.ts for keys). */
class Presenter {
	on = $state(false);
	shortcuts = $state(false);
}

export const presenter = new Presenter();

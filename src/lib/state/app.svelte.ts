/**
 * The app's wiring, in one place and independent of which screen is mounted: the first-open
 * sequence (bootstrap.ts), the model autosave (started once the saved model is loaded, so it never
 * overwrites it with a default), and the flow workbench.model / workbench.dataset → portfolio
 * rescore and backtest run. Screens only read these states; they hold no state-copying effects.
 * `main.ts` calls `startApp()` once; tests pass their own instances.
 */
import { untrack } from 'svelte';
import type { WorkbenchStore } from '$lib/data/db/store';
import { startModelAutosave } from './autosave.svelte';
import { backtest as sharedBacktest, type BacktestState } from './backtest.svelte';
import { bootstrap } from './bootstrap';
import { datasets as sharedDatasets } from './datasets.svelte';
import { portfolio as sharedPortfolio, type PortfolioState } from './portfolio.svelte';
import { router } from './router.svelte';
import { validation as sharedValidation, type ValidationState } from './validation.svelte';
import { workbench as sharedWorkbench, type Workbench } from './workbench.svelte';

export interface AppParts {
	workbench: Workbench;
	portfolio: PortfolioState;
	backtest: BacktestState;
	/** The open store (null until the first-open sequence has opened it). */
	getStore: () => WorkbenchStore | null;
	/** The first-open sequence; autosave starts when it settles. */
	boot: () => Promise<void>;
	/**
	 * The Validation run (survival, lead time, robustness) is heavy, so it follows the dataset and
	 * the model only while `isValidationOpen()` says its screen is open. Optional: tests leave it out.
	 */
	validation?: ValidationState;
	isValidationOpen?: () => boolean;
	/** Autosave's quiet time, ms (tests shorten it). */
	autosaveDelayMs?: number;
}

function sharedParts(): AppParts {
	return {
		workbench: sharedWorkbench,
		portfolio: sharedPortfolio,
		backtest: sharedBacktest,
		getStore: () => sharedDatasets.store,
		boot: () => bootstrap({ dataWanted: () => untilScreenWithData() }),
		validation: sharedValidation,
		isValidationOpen: () => router.screen === 'validation'
	};
}

/**
 * Whether a screen shows data: all but the calculator and a workshop participant's cards
 * (`#/workshop?r=…`, opened on a phone, carries its own accounts).
 */
export function screenNeedsData(screen: string, params: URLSearchParams): boolean {
	if (screen === 'calculator') return false;
	if (screen === 'workshop' && params.has('r')) return false;
	return true;
}

/**
 * Resolves once the open screen is one that shows data: a visitor to the calculator (or a
 * workshop participant) never waits for, nor downloads, the sample portfolio.
 */
export function untilScreenWithData(
	wanted: () => boolean = () => screenNeedsData(router.screen, router.params)
): Promise<void> {
	return new Promise((resolve) => {
		let done = false;
		const stop = $effect.root(() => {
			$effect(() => {
				if (!done && wanted()) {
					done = true;
					resolve();
					queueMicrotask(() => stop());
				}
			});
		});
	});
}

/**
 * Start the app's wiring; returns a stop function (tests; the page never stops it).
 *
 * - The portfolio follows the dataset and rescores on every model change (only those two are
 *   tracked: the state's own replies must not schedule another request).
 * - The backtest follows the dataset and re-runs on a model change and on a change of its own
 *   settings (mode, as-of day, horizon, seed, resamples, targets, challenger), read inside `run`;
 *   on a new dataset it starts once the portfolio has answered (the portfolio shows first).
 * - Saved models become challengers once the store is open.
 */
export function startApp(parts: AppParts = sharedParts()): () => void {
	const { workbench: wb, portfolio: p, backtest: bt } = parts;
	let stopAutosave: (() => void) | null = null;
	let stopped = false;

	const stopEffects = $effect.root(() => {
		$effect(() => {
			const ds = wb.dataset;
			untrack(() => p.setDataset(ds));
		});
		$effect(() => {
			const m = wb.model;
			const ds = wb.dataset;
			if (m && ds) untrack(() => p.rescore(m));
		});
		$effect(() => {
			const ds = wb.dataset;
			untrack(() => bt.setDataset(ds));
		});
		// The backtest waits for the portfolio's first answer on a dataset: on two cores, both
		// at once made first open ~1.5 s slower before the portfolio showed (bench: first-open).
		const portfolioAnswered = $derived(p.scored !== null || p.error !== null);
		$effect(() => {
			const m = wb.model;
			if (m && wb.dataset && portfolioAnswered) bt.run(m);
		});
		$effect(() => {
			const store = parts.getStore();
			if (store) void bt.loadSaved(store);
		});
		const v = parts.validation;
		if (v) {
			$effect(() => {
				if (!parts.isValidationOpen?.()) return;
				const m = wb.model;
				const ds = wb.dataset;
				untrack(() => {
					v.setDataset(ds);
					if (m && ds) v.run(m);
				});
			});
		}
	});

	void parts.boot().then(() => {
		if (!stopped)
			stopAutosave = startModelAutosave(wb, parts.getStore, parts.autosaveDelayMs ?? undefined);
	});

	return () => {
		stopped = true;
		stopEffects();
		stopAutosave?.();
	};
}

/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline support, seen from the page: registers the service worker (built by vite-plugin-pwa in
 * 'prompt' mode) and notes when a new version is waiting. A new version is only offered: the
 * running session keeps its files until the user chooses "Reload" (a workshop is never cut off
 * mid-edit). Nothing here runs in dev or unit tests, where no service worker is built.
 */
import { registerSW } from 'virtual:pwa-register';

class AppUpdate {
	/** A new version is installed and waiting for the user's "Reload". */
	ready = $state(false);
	/** Every file of this version is stored: the app now opens without a network. */
	offline = $state(false);
	#update: ((reload?: boolean) => Promise<void>) | null = null;
	#started = false;

	start(): void {
		if (this.#started || typeof navigator === 'undefined' || !('serviceWorker' in navigator))
			return;
		this.#started = true;
		this.#update = registerSW({
			immediate: true,
			onNeedRefresh: () => (this.ready = true),
			onOfflineReady: () => (this.offline = true),
			onRegisteredSW: (_url, registration) => {
				// Already controlled by an installed version: it works offline.
				if (registration?.active && navigator.serviceWorker.controller) this.offline = true;
				// A long workshop session still hears of a new version (checked hourly, same origin).
				if (registration) setInterval(() => void registration.update().catch(() => {}), 3_600_000);
			}
		});
	}

	/** Switch to the waiting version and reload the page with it. */
	async reload(): Promise<void> {
		if (this.#update) await this.#update(true);
		else location.reload();
	}

	dismiss(): void {
		this.ready = false;
	}
}

export const appUpdate = new AppUpdate();

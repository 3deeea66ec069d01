// Which Chromium the browser tests and the bench drive, and the flags that work on these
// machines (closed network, root, no GPU). Shared by playwright.config.ts and scripts/bench.mjs.
import { existsSync } from 'node:fs';

/** $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else Debian's /usr/bin/chromium, else Playwright's own. */
export function chromiumExecutable() {
	const path = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH ?? '/usr/bin/chromium';
	return existsSync(path) ? path : undefined;
}

export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './scripts/chromium.mjs';

/**
 * Browser tests run against the built site (the same files a static host serves), on
 * http://localhost so storage APIs see a secure context. Chromium: $PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH,
 * else Debian's /usr/bin/chromium when present, else Playwright's own download.
 */
/**
 * Port of the test server: $E2E_PORT, else 4173 in CI, else a port derived from this checkout's
 * path — a local run may reuse a server it finds on its port, so two checkouts testing at once
 * must not find each other's (a test would pass against the other checkout's code).
 */
function checkoutPort(): number {
	let h = 0;
	for (const ch of process.cwd()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return 4200 + (h % 2000);
}
const PORT = Number(process.env.E2E_PORT ?? (process.env.CI ? 4173 : checkoutPort()));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// Two workers everywhere (the machines have 2 vCPUs): one worker in CI made `.ci/run` take
	// ~27 minutes (1,601 s at stop 19), too close to its 30-minute limit; local runs have always
	// used two, and the whole set passes that way on a quiet machine.
	workers: 2,
	// No retries: a flaky test is fixed, not retried into green.
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://localhost:${PORT}/`,
		trace: 'retain-on-failure',
		// Playwright cannot intercept requests a service worker answers, and many specs use routes;
		// the offline spec (and any spec testing the service worker) turns it back on.
		serviceWorkers: 'block',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: chromiumExecutable(),
			args: CHROMIUM_ARGS
		}
	},
	webServer: {
		command: `npm run build && node scripts/serve.mjs ${PORT}`,
		url: `http://localhost:${PORT}/`,
		reuseExistingServer: !process.env.CI,
		timeout: 180_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});

// A redeploy as a stale tab sees it: a worker file gone (404) and a page that now loads other files.
import type { Page } from '@playwright/test';

/** Answer requests for one worker's file with 404, as a host does after a redeploy. */
export async function missingWorker(
	page: Page,
	name: 'score' | 'backtest' | 'parse' | 'sources'
): Promise<void> {
	await page.route(`**/assets/${name}.worker-*.js`, (route) =>
		route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })
	);
}

/** The page on the server now loads other files (a redeploy happened since this tab opened). */
export async function redeployed(page: Page): Promise<void> {
	await page.route(
		(url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
		async (route) => {
			if (route.request().resourceType() !== 'fetch') return route.continue();
			const res = await route.fetch();
			const html = (await res.text()).replace(/assets\/index-[\w-]+\.js/, 'assets/index-NEW.js');
			await route.fulfill({ response: res, body: html });
		}
	);
}

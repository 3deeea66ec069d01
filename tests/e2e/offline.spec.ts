// Offline and installable: after one visit the service worker (Workbox, precached app shell and
// workers; the sample cached when first read) serves every screen with the network off; a new
// version is offered ("A new version is ready" + Reload), never forced; sw.js and the manifest
// are served same-origin with the right types, and the sample is not precached.
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { PortfolioPage } from './pages/portfolio';
import { ModelPage } from './pages/model';
import { BacktestPage } from './pages/backtest';
import { ValidationPage } from './pages/validation';
import { CalculatorPage } from './pages/calculator';
import { expectNoViolations } from './pages/axe';

test.use({ serviceWorkers: 'allow' });

const OUT_DIR = resolve(process.env.OUT_DIR ?? 'dist');

/** Wait until a service worker is active for this page and the page is controlled by it. */
async function controlled(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
	if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
		// The first visit installs it; the next load is the one it controls.
		await page.reload();
	}
	await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

async function reloadAt(page: Page, screen: string): Promise<void> {
	await page.evaluate((h) => (location.hash = h), `#/${screen}`);
	await page.reload();
}

test('after one visit, every screen reloads and works with the network off', async ({
	page,
	context
}) => {
	test.setTimeout(240_000);
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	await controlled(page);
	await expect(portfolio.tierTable).toBeVisible({ timeout: 45_000 });

	await context.setOffline(true);
	// The network really is off for this page: a same-origin fetch the worker does not cache fails.
	expect(
		await page.evaluate(() =>
			fetch('./no-such-file.txt', { cache: 'no-store' }).then(
				() => 'reached',
				() => 'offline'
			)
		)
	).toBe('offline');

	await reloadAt(page, 'calculator');
	const calc = new CalculatorPage(page);
	await expect(calc.heading).toBeVisible();
	await expect(calc.summary).toBeVisible();

	await reloadAt(page, 'data');
	await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible();
	await expect(page.getByRole('table', { name: 'Stored datasets' })).toBeVisible({
		timeout: 30_000
	});

	await reloadAt(page, 'model');
	const model = new ModelPage(page);
	await expect(model.heading).toBeVisible();
	await expect(model.liveSummary).toBeVisible({ timeout: 45_000 });

	await reloadAt(page, 'portfolio');
	await expect(portfolio.heading).toBeVisible();
	await expect(portfolio.tierTable).toBeVisible({ timeout: 45_000 });
	// The score worker ran offline: the accounts are there.
	expect(await portfolio.tierCount('Green')).toBeGreaterThan(0);

	await reloadAt(page, 'backtest');
	const bt = new BacktestPage(page);
	await expect(bt.heading).toBeVisible();
	await bt.waitForReport();

	await reloadAt(page, 'validation');
	const val = new ValidationPage(page);
	await expect(val.heading).toBeVisible();
	await val.waitForResult();

	await reloadAt(page, 'actions');
	await expect(page.getByRole('heading', { level: 1, name: /^Actions/ })).toBeVisible();
	await expect(page.getByRole('main')).not.toContainText('not found');

	await expectNoViolations(page, 'actions, offline');
	await context.setOffline(false);
});

test('control: without the service worker, the same offline reload fails', async ({ browser }) => {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	await page.goto('/#/calculator');
	await expect(page.getByRole('heading', { level: 1, name: /calculator/i })).toBeVisible();
	await context.setOffline(true);
	await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
	await context.close();
});

test('sw.js and the manifest are served same-origin, uncached, with the right types', async ({
	request
}) => {
	for (const base of ['', 'tools/health/']) {
		const sw = await request.get(`${base}sw.js`);
		expect(sw.status()).toBe(200);
		expect(sw.headers()['content-type']).toMatch(/^text\/javascript/);
		expect(sw.headers()['cache-control']).toBe('no-cache');
		const body = await sw.text();
		expect(body).toContain('precacheAndRoute');
		// The app shell and every worker are precached; the multi-MB sample is not (a phone that
		// opens only the calculator must not download it); it is cached when the app reads it.
		const precached = [...body.matchAll(/url:"([^"]+)"/g)].map((x) => x[1]!);
		expect(precached).toContain('index.html');
		for (const w of ['score', 'backtest', 'parse'])
			expect(
				precached.some((u) => u.startsWith(`assets/${w}.worker-`)),
				w
			).toBe(true);
		expect(precached.filter((u) => u.includes('sample/'))).toEqual([]);
		expect(body).toContain('hsw-sample');
		expect(body).not.toMatch(/https?:\/\//);
		const manifest = await request.get(`${base}manifest.webmanifest`);
		expect(manifest.headers()['content-type']).toBe('application/manifest+json');
		const m = (await manifest.json()) as { icons: { src: string; sizes: string }[] };
		expect(m.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of m.icons) {
			expect((await request.get(`${base}${icon.src}`)).status(), icon.src).toBe(200);
		}
	}
});

test('a new version is offered, not forced; Reload switches to it', async ({ page }) => {
	test.setTimeout(120_000);
	const calc = new CalculatorPage(page);
	await calc.goto();
	await controlled(page);
	// Mid-session state that a forced reload would lose.
	await page.evaluate(() => ((window as unknown as { __session: string }).__session = 'kept'));
	const swFile = resolve(OUT_DIR, 'sw.js');
	const original = await readFile(swFile, 'utf8');
	try {
		// A redeploy: a different sw.js on the server (as a new build makes).
		await writeFile(swFile, `${original}\n// next version ${Date.now()}\n`);
		await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
		const banner = page.getByTestId('update-banner');
		await expect(banner).toContainText('A new version is ready.', { timeout: 30_000 });
		await expectNoViolations(page, 'calculator with the update banner');
		// Offered, not forced: the page has not reloaded and the new version waits.
		await page.waitForFunction(() =>
			navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)
		);
		expect(await page.evaluate(() => (window as unknown as { __session?: string }).__session)).toBe(
			'kept'
		);

		await Promise.all([
			page.waitForEvent('load'),
			banner.getByRole('button', { name: 'Reload' }).click()
		]);
		await expect(calc.heading).toBeVisible();
		expect(
			await page.evaluate(() => (window as unknown as { __session?: string }).__session)
		).toBeUndefined();
		await expect(page.getByTestId('update-banner')).toHaveCount(0);
		expect(
			await page.evaluate(() =>
				navigator.serviceWorker.getRegistration().then((r) => ({
					waiting: !!r?.waiting,
					active: !!r?.active,
					controlled: !!navigator.serviceWorker.controller
				}))
			)
		).toEqual({ waiting: false, active: true, controlled: true });
	} finally {
		await writeFile(swFile, original);
	}
});

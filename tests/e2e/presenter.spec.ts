// Presenter view, by keyboard only: P turns Portfolio, Model and Backtest into a projector view
// (large type, histogram with draggable thresholds beside the weights, the tier table, no
// chrome); thresholds and weights move by keys; "?" lists the shortcuts; Esc leaves.
// SCREENSHOTS=1 also writes docs/screenshot-presenter.png (1920×1080) for the README.
import { expect, test, type Page } from '@playwright/test';
import { PortfolioPage } from './pages/portfolio';
import { BacktestPage } from './pages/backtest';
import { expectNoViolations } from './pages/axe';

test.use({ viewport: { width: 1920, height: 1080 } });

const presenterView = (page: Page) => page.getByTestId('presenter');

/** Press Tab until the focused element matches `pred` (at most `max` presses). */
async function tabTo(page: Page, pred: string, max = 40): Promise<void> {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((sel) => !!document.activeElement?.matches(sel), pred)) return;
	}
	throw new Error(`Tab never reached ${pred}`);
}

async function focused(page: Page, attr: string): Promise<string | null> {
	return page.evaluate((a) => document.activeElement?.getAttribute(a) ?? null, attr);
}

test('Portfolio in presenter view: large type, side by side, keys move thresholds and weights', async ({
	page
}) => {
	test.setTimeout(120_000);
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();

	await page.keyboard.press('p');
	const view = presenterView(page);
	await expect(view).toBeVisible();
	// No chrome: the header and its navigation are gone.
	await expect(page.getByRole('navigation', { name: 'Screens' })).toHaveCount(0);
	await expect(view.getByRole('heading', { level: 1, name: /^Portfolio/ })).toBeVisible();

	// Large type for the back of the room, and everything that matters on one 1080 px screen.
	const size = await view.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
	expect(size).toBeGreaterThanOrEqual(28);
	const dist = await view.getByRole('region', { name: 'Score distribution' }).boundingBox();
	const weights = await view.getByRole('region', { name: 'Weights' }).boundingBox();
	expect(dist && weights).toBeTruthy();
	// Side by side: the weights start right of the histogram, at the same height.
	expect(weights!.x).toBeGreaterThanOrEqual(dist!.x + dist!.width - 1);
	expect(Math.abs(weights!.y - dist!.y)).toBeLessThan(10);
	expect(dist!.width).toBeGreaterThan(900);
	expect(dist!.y + dist!.height).toBeLessThanOrEqual(1080);
	const tierTable = view.getByRole('table', { name: 'Accounts per tier' });
	await expect(tierTable).toBeVisible();

	if (process.env.SCREENSHOTS)
		await page.screenshot({ path: 'docs/screenshot-presenter.png', fullPage: false });

	// Threshold by keys: raising Green's start moves accounts out of Green.
	const greenBefore = await portfolio.tierCount('Green');
	await tabTo(page, '[role=slider][aria-label="Green starts at score"]');
	const startBefore = Number(await focused(page, 'aria-valuenow'));
	for (let i = 0; i < 3; i++) await page.keyboard.press('PageUp');
	await expect.poll(() => focused(page, 'aria-valuenow')).toBe(String(startBefore + 15));
	await expect.poll(() => portfolio.tierCount('Green')).toBeLessThan(greenBefore);

	// A weight by keys: its share changes.
	await tabTo(page, 'input[type=range][aria-label$=" weight"]');
	const label = (await focused(page, 'aria-label'))!;
	const share = view
		.getByRole('status', { name: `${label} share` })
		.or(view.locator(`output[aria-label="${label} share"]`));
	const shareBefore = await share.first().innerText();
	const valueBefore = Number(
		await page.evaluate(() => (document.activeElement as HTMLInputElement).value)
	);
	for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
	await expect
		.poll(() => page.evaluate(() => Number((document.activeElement as HTMLInputElement).value)))
		.toBe(Math.max(0, valueBefore - 10));
	await expect(share.first()).not.toHaveText(shareBefore);

	// "?" lists the shortcuts; Esc closes the list and stays in the presenter view.
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('Esc');
	await expect(dialog).toContainText('Presenter view on or off');
	await expectNoViolations(page, 'shortcuts dialog');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(view).toBeVisible();
	await expectNoViolations(page, 'presenter view');

	// Esc leaves: the screen and its navigation are back, with the moved threshold.
	await page.keyboard.press('Escape');
	await expect(view).toHaveCount(0);
	await expect(page.getByRole('navigation', { name: 'Screens' })).toBeVisible();
	await expect(portfolio.heading).toBeVisible();
	await expect(portfolio.handle('Green')).toHaveAttribute(
		'aria-valuenow',
		String(startBefore + 15)
	);
});

test('Model and Backtest have a presenter view too; the Backtest one shows churn by tier', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/#/model');
	await expect(page.getByRole('heading', { level: 1, name: /^Model/ })).toBeVisible();
	await expect(page.getByText(/^Green \d+ · Yellow \d+ · Red \d+/)).toBeVisible({
		timeout: 45_000
	});
	await page.keyboard.press('P');
	await expect(
		presenterView(page).getByRole('heading', { level: 1, name: /^Model/ })
	).toBeVisible();
	await expect(
		presenterView(page).getByRole('slider', { name: 'Green starts at score' })
	).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(presenterView(page)).toHaveCount(0);

	const bt = new BacktestPage(page);
	await bt.goto();
	await bt.waitForReport();
	await page.keyboard.press('p');
	await expect(
		presenterView(page).getByRole('heading', { level: 1, name: /^Backtest/ })
	).toBeVisible();
	await expect(presenterView(page).getByRole('table', { name: 'Churn by tier' })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(bt.heading).toBeVisible();

	// Not on the calculator: P there is just a letter.
	await page.goto('/#/calculator');
	await expect(page.getByRole('heading', { level: 1, name: /calculator/i })).toBeVisible();
	await page.keyboard.press('p');
	await expect(presenterView(page)).toHaveCount(0);
});

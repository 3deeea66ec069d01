// Phones: at 375 px no screen scrolls sideways (with the sample loaded); wide tables scroll
// inside their own labelled, focusable region instead of the page.
import { expect, test, type Page } from '@playwright/test';
import { PortfolioPage } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';

test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

const SCREENS: { id: string; heading: RegExp; ready?: (page: Page) => Promise<void> }[] = [
	{
		id: 'calculator',
		heading: /calculator/i,
		ready: (page) => expect(page.getByRole('region', { name: 'Score', exact: true })).toBeVisible()
	},
	{
		id: 'data',
		heading: /^Data$/,
		ready: (page) =>
			expect(page.getByRole('table', { name: 'Stored datasets' })).toBeVisible({ timeout: 30_000 })
	},
	{
		id: 'model',
		heading: /^Model/,
		ready: (page) =>
			expect(page.getByText(/^Green \d+ · Yellow \d+ · Red \d+/)).toBeVisible({ timeout: 45_000 })
	},
	{
		id: 'portfolio',
		heading: /^Portfolio$/,
		ready: (page) =>
			expect(page.getByRole('table', { name: 'Accounts per tier' })).toBeVisible({
				timeout: 45_000
			})
	},
	{
		id: 'backtest',
		heading: /^Backtest$/,
		ready: (page) =>
			expect(page.getByTestId('bt-status')).toHaveText(/Backtest\s+of\s+[\d,]+\s+accounts\s+done/, {
				timeout: 60_000
			})
	},
	{
		id: 'validation',
		heading: /^Validation$/,
		ready: (page) =>
			expect(page.getByTestId('val-status')).toHaveText(/Validation\s+done/, { timeout: 90_000 })
	},
	{ id: 'actions', heading: /^Actions/ }
];

async function overflow(page: Page): Promise<{ width: number; culprits: string[] }> {
	return page.evaluate(() => {
		const width = document.documentElement.scrollWidth;
		const culprits: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('main *')) {
			const r = el.getBoundingClientRect();
			if (r.right > window.innerWidth + 1 && r.width > 0) {
				// Only the outermost offender of each subtree.
				let p = el.parentElement;
				let inside = false;
				while (p) {
					const pr = p.getBoundingClientRect();
					if (pr.right > window.innerWidth + 1) inside = true;
					const ov = getComputedStyle(p).overflowX;
					if (ov === 'auto' || ov === 'scroll' || ov === 'hidden') {
						inside = true;
						break;
					}
					p = p.parentElement;
				}
				if (!inside)
					culprits.push(
						`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} right=${Math.round(r.right)}`
					);
			}
		}
		return { width, culprits: culprits.slice(0, 8) };
	});
}

test('no screen scrolls sideways at 375 px, with the sample loaded', async ({ page }) => {
	test.setTimeout(300_000);
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	for (const s of SCREENS) {
		await page.evaluate((h) => (location.hash = h), `#/${s.id}`);
		await expect(page.getByRole('heading', { level: 1, name: s.heading })).toBeVisible();
		await s.ready?.(page);
		const o = await overflow(page);
		expect(o, `${s.id} at 375 px`).toEqual({ width: 375, culprits: [] });
	}
});

test('wide tables scroll in their own labelled, focusable region', async ({ page }) => {
	test.setTimeout(120_000);
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	// The tier summary beside the histogram is wider than a phone: its own region scrolls.
	const scroller = page.getByRole('region', { name: 'Tier summary' });
	await expect(scroller).toHaveAttribute('tabindex', '0');
	await expect(scroller.getByRole('table', { name: 'Accounts per tier' })).toBeVisible();
	const sizes = await scroller.evaluate((el) => ({ sw: el.scrollWidth, cw: el.clientWidth }));
	expect(sizes.sw).toBeGreaterThan(sizes.cw);
	await scroller.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	await expectNoViolations(page, 'portfolio at 375 px');
});

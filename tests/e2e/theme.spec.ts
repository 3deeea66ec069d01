// Theme switch: light / dark / high contrast, remembered, default following the system; Light and
// Dark are the system schemes' colours (axe-checked on every screen by a11y.spec), High contrast
// is axe-clean here; forced-colours mode keeps the tier swatches and the current-screen highlight.
import { expect, test, type Page } from '@playwright/test';
import { PortfolioPage } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });
const rootBg = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** The colour tokens every screen is drawn with (app.css), as the page computes them. */
const TOKENS = [
	'--bg',
	'--fg',
	'--muted',
	'--surface',
	'--border',
	'--accent',
	'--accent-fg',
	'--focus',
	'--green',
	'--yellow',
	'--red',
	'--danger-bg',
	'--warn-bg',
	'--ok-bg'
];
const tokens = (page: Page) =>
	page.evaluate(
		(names) =>
			names.map((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim()),
		TOKENS
	);

test("the Light and Dark themes draw with the system schemes' colours; High contrast is axe-clean on Calculator, Model and Portfolio; the choice is remembered", async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.emulateMedia({ colorScheme: 'light' });
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	expect(await rootBg(page)).toBe('rgb(255, 255, 255)');

	// Light and Dark use exactly the colours of the system's light and dark schemes, which
	// a11y.spec checks with axe on every screen; so axe runs here only for High contrast.
	const systemLight = await tokens(page);
	await page.emulateMedia({ colorScheme: 'dark' });
	const systemDark = await tokens(page);
	expect(systemDark).not.toEqual(systemLight);
	for (const [label, os, expected] of [
		['Dark', 'light', systemDark],
		['Light', 'dark', systemLight]
	] as const) {
		await page.emulateMedia({ colorScheme: os });
		await themeSelect(page).selectOption({ label });
		expect(await tokens(page), `${label} theme under a ${os} system`).toEqual(expected);
	}
	await page.emulateMedia({ colorScheme: 'light' });

	await themeSelect(page).selectOption({ label: 'High contrast' });
	expect(await rootBg(page)).toBe('rgb(255, 255, 255)');
	for (const screen of ['calculator', 'model', 'portfolio']) {
		await page.evaluate((h) => (location.hash = h), `#/${screen}`);
		if (screen === 'portfolio') await expect(portfolio.tierTable).toBeVisible();
		if (screen === 'model')
			await expect(page.getByText(/^Green \d+ · Yellow \d+ · Red \d+/)).toBeVisible({
				timeout: 45_000
			});
		await expectNoViolations(page, `${screen} in the High contrast theme`);
	}
	// High contrast is really higher: black text, black borders on controls.
	const fg = await page.evaluate(() => getComputedStyle(document.body).color);
	expect(fg).toBe('rgb(0, 0, 0)');

	// Remembered across a reload, and the OS preference no longer decides.
	await themeSelect(page).selectOption({ label: 'Dark' });
	await page.emulateMedia({ colorScheme: 'light' });
	await page.reload();
	await expect(themeSelect(page)).toHaveValue('dark');
	expect(await rootBg(page)).toBe('rgb(15, 20, 25)');

	// "Match the system" follows the OS again (and forgets the choice).
	await themeSelect(page).selectOption({ label: 'Match the system' });
	expect(await rootBg(page)).toBe('rgb(255, 255, 255)');
	await page.emulateMedia({ colorScheme: 'dark' });
	expect(await rootBg(page)).toBe('rgb(15, 20, 25)');
	await page.reload();
	await expect(themeSelect(page)).toHaveValue('system');
	expect(await page.evaluate(() => localStorage.getItem('hsw.theme'))).toBeNull();
});

test('the theme switch works by keyboard', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/#/calculator');
	await themeSelect(page).focus();
	await page.keyboard.press('ArrowDown');
	await expect
		.poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system'))
		.not.toBe('system');
});

test('forced colours keep the tier swatches and the current-screen highlight', async ({ page }) => {
	const portfolio = new PortfolioPage(page);
	await portfolio.goto();
	const swatch = portfolio.tierTable.getByRole('rowheader', { name: 'Green' }).locator('.swatch');
	const look = () =>
		swatch.evaluate((el) => {
			const cs = getComputedStyle(el);
			return {
				bg: cs.backgroundColor,
				border: cs.borderTopWidth,
				w: el.getBoundingClientRect().width
			};
		});
	const normal = await look();
	expect(normal.bg).toMatch(/^rgb\(/);
	await page.emulateMedia({ forcedColors: 'active' });
	// The tier's own colour survives the system repaint, framed by a border; the name is beside it.
	await expect.poll(async () => (await look()).border).not.toBe(normal.border);
	const s = await look();
	expect(s.bg).toBe(normal.bg);
	expect(parseFloat(s.border)).toBeGreaterThanOrEqual(2);
	expect(s.w).toBeGreaterThan(0);

	const nav = page.getByRole('navigation', { name: 'Screens' });
	const link = (name: string) =>
		nav.getByRole('link', { name, exact: true }).evaluate((el) => {
			const cs = getComputedStyle(el);
			return { bg: cs.backgroundColor, border: cs.borderTopWidth };
		});
	const current = await link('Portfolio');
	const other = await link('Model');
	expect(current.bg).not.toBe(other.bg);
	expect(parseFloat(current.border)).toBeGreaterThanOrEqual(2);
	await expectNoViolations(page, 'portfolio in forced colours');
});

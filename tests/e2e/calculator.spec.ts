// The public calculator through the real UI: worked example, share links, keyboard, phone width.
import { expect, test } from '@playwright/test';
import { CalculatorPage, WORKED_EXAMPLE } from './pages/calculator';

test.describe('calculator', () => {
	test('the worked example reads 79, Green, with engagement the weakest', async ({ page }) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.fillWorkedExample();
		await calc.expectScore(79, 'Green');
		const weakest = calc.drivers.getByRole('listitem').first();
		await expect(weakest).toContainText(/Engagement & relationship/i);
		await expect(weakest).toContainText('9 of 25 points lost');
		// The breakdown ranks it first as well.
		const firstRow = calc.breakdown.getByRole('row').nth(1);
		await expect(firstRow).toContainText(/Engagement & relationship/i);
		await expect(firstRow).toContainText('9 of 25');
	});

	test('opens on the worked example (DESIGN.md: 18, 22, 23, 16 → 79, Green)', async ({ page }) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await expect(calc.template).toHaveValue('four-dimensions');
		for (const [name, value] of WORKED_EXAMPLE) await expect(calc.input(name)).toHaveValue(value);
		await calc.expectScore(79, 'Green');
		await expect(page.getByTestId('worked-example-note')).toBeVisible();
		// Clear, then back to the example, by keyboard.
		await calc.clearButton.focus();
		await page.keyboard.press('Enter');
		for (const [name] of WORKED_EXAMPLE) await expect(calc.input(name)).toHaveValue('');
		await expect(page.getByTestId('worked-example-note')).toHaveCount(0);
		await calc.exampleButton.focus();
		await page.keyboard.press('Enter');
		await calc.expectScore(79, 'Green');
		await expect(calc.input(/^Engagement/)).toHaveValue('16');
		// Out of range is said, not clamped silently; the workbench's model is offered too.
		await calc.input(/^Engagement/).fill('40');
		await expect(page.getByTestId('range-note')).toContainText('40');
		await expect(page.getByTestId('range-note')).toContainText('25');
		await expect(calc.template.locator('option', { hasText: /^Your model: / })).toHaveCount(1);
	});

	test('a cleared form is "not scored", never red', async ({ page }) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.chooseTemplate(/^Four dimensions/);
		await calc.clearButton.click();
		await expect(calc.summary.getByText('Not scored')).toBeVisible();
		await expect(calc.summary.getByText('Red', { exact: true })).toHaveCount(0);
	});

	test('a share link with other inputs opens on them, not on the worked example', async ({
		page
	}) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.input(/^Engagement/).fill('25');
		await calc.expectScore(88, 'Green');
		const link = await calc.copyShareLink();
		const other = new CalculatorPage(await page.context().newPage());
		await other.page.goto(link);
		await other.expectScore(88, 'Green');
		await expect(other.input(/^Engagement/)).toHaveValue('25');
	});

	test('a share link round trip opens with the same score', async ({ page, context }) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.fillWorkedExample();
		const link = await calc.copyShareLink();
		expect(link).toMatch(/#\/calculator\?s=[A-Za-z0-9_-]+$/);

		const other = new CalculatorPage(await context.newPage());
		await other.page.goto(link);
		await other.expectScore(79, 'Green');
		await expect(other.input(/^Engagement/)).toHaveValue('16');
		await expect(
			other.page.getByRole('status').filter({ hasText: 'Opened a shared' })
		).toBeVisible();
		// The code is dropped from the address bar once opened.
		await expect(other.page).toHaveURL(/#\/calculator$/);
	});

	for (const [name, code] of [
		['damaged', 'this-is-not-a-real-share-link'],
		['oversized', 'A'.repeat(9000)]
	] as const) {
		test(`a ${name} link shows a message and leaves the form unchanged`, async ({ page }) => {
			const calc = new CalculatorPage(page);
			await calc.goto();
			await calc.fillWorkedExample();
			const before = await calc.formState();
			await page.goto(`#/calculator?s=${code}`);
			await expect(calc.alert).toContainText(name === 'damaged' ? /damaged/ : /too large/);
			expect(await calc.formState()).toEqual(before);
			await calc.expectScore(79, 'Green');
		});
	}

	test('a bad link on first open shows the message over the default form', async ({ page }) => {
		const calc = new CalculatorPage(page);
		await page.goto('#/calculator?s=%25%25%25');
		await expect(calc.alert).toContainText('Could not open the share link');
		await expect(calc.template).toHaveValue('four-dimensions');
	});

	test('keyboard only: Tab reaches and fills every input', async ({ page }) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.clearButton.click();
		await calc.template.focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowUp'); // back on the first template (four dimensions)
		const ids = await calc.inputs().evaluateAll((els) => els.map((e) => e.id));
		expect(ids.length).toBeGreaterThanOrEqual(4);
		const values = new Map(WORKED_EXAMPLE.map(([, v], i) => [i, v]));
		for (const [i, id] of ids.entries()) {
			await page.keyboard.press('Tab');
			expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
			await page.keyboard.type(values.get(i) ?? '1');
		}
		await calc.expectScore(79, 'Green');
		// Share is reachable by keyboard too.
		await calc.shareButton.focus();
		await page.keyboard.press('Enter');
		await expect(calc.shareLink).toBeVisible();
	});

	test('375-px phone: single column, no horizontal scroll', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 800 });
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.fillWorkedExample();
		await calc.copyShareLink();
		await calc.expectScore(79, 'Green');
		const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
		expect(width).toBeLessThanOrEqual(375);
		const form = await calc.form.boundingBox();
		const summary = await calc.summary.boundingBox();
		expect(form && summary && summary.y >= form.y + form.height - 1).toBe(true);
	});

	test('switching to Usage-led SaaS renders its dimensions with weight shares', async ({
		page
	}) => {
		const calc = new CalculatorPage(page);
		await calc.goto();
		await calc.chooseTemplate(/Usage-led/i);
		await expect(calc.form.getByRole('group').first()).toContainText('40 % of the score');
	});
});

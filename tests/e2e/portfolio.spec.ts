// Portfolio screen through the real UI: threshold drags by mouse and keyboard give the engine's
// tier counts, the drill-down dialog, axe.
import { expect, test } from '@playwright/test';
import { defaultModel, expectedTierCounts, PortfolioPage } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';

const TIERS = ['Green', 'Yellow', 'Red'];

test.describe('portfolio screen', () => {
	test('shows the engine tier counts, and a mouse drag moves them live', async ({ page }) => {
		const p = new PortfolioPage(page);
		await p.goto();
		const model = defaultModel();
		expect(await p.tierCounts(TIERS)).toEqual(expectedTierCounts(model));
		await page.screenshot({ path: '/tmp/portfolio-start.png', fullPage: true });

		const during = expectedTierCounts(model, [70, 50, 0]);
		await p.dragHandle('Green', 70, {
			hold: async (h) => {
				await expect(h).toHaveAttribute('aria-valuenow', '70');
				// Still holding the mouse: the counts already follow the preview.
				await expect.poll(() => p.tierCounts(TIERS)).toEqual(during);
				await page.screenshot({ path: '/tmp/portfolio-dragging.png' });
			}
		});
		await expect(p.handle('Green')).toHaveAttribute('aria-valuenow', '70');
		await expect.poll(() => p.tierCounts(TIERS)).toEqual(during);
		// The commit went through the model: undo on the model screen would bring back 80.
		await page.goto('/#/model');
		await expect(page.getByRole('spinbutton', { name: 'Green from score' })).toHaveValue('70');
	});

	test('keyboard: arrows, PageUp/PageDown, Home/End on a threshold', async ({ page }) => {
		const p = new PortfolioPage(page);
		await p.goto();
		const model = defaultModel();
		const yellow = p.handle('Yellow');
		await yellow.focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('PageDown');
		await expect(yellow).toHaveAttribute('aria-valuenow', '43');
		await expect(yellow).toHaveAttribute('aria-valuetext', 'Yellow from 43');
		await expect.poll(() => p.tierCounts(TIERS)).toEqual(expectedTierCounts(model, [80, 43, 0]));
		await page.keyboard.press('End');
		await expect(yellow).toHaveAttribute('aria-valuenow', '79');
		await expect.poll(() => p.tierCounts(TIERS)).toEqual(expectedTierCounts(model, [80, 79, 0]));
		const green = p.handle('Green');
		await green.focus();
		await page.keyboard.press('Home');
		await expect(green).toHaveAttribute('aria-valuenow', '80');
		await page.keyboard.press('PageUp');
		await page.keyboard.press('ArrowUp');
		await expect(green).toHaveAttribute('aria-valuenow', '86');
		await expect(green).toHaveAttribute('aria-valuemin', '80');
		await expect.poll(() => p.tierCounts(TIERS)).toEqual(expectedTierCounts(model, [86, 79, 0]));
	});

	test('filters, the drill-down dialog and axe', async ({ page }) => {
		const p = new PortfolioPage(page);
		await p.goto();
		await expectNoViolations(page, 'portfolio');
		const red = await p.tierCount('Red');
		await page.getByRole('button', { name: 'Show Red' }).click();
		await expect(
			page.getByText(`${red.toLocaleString('en-US')} accounts`, { exact: true })
		).toBeVisible();
		const first = p.accounts.getByRole('rowheader').first().getByRole('button');
		const id = await first.innerText();
		await first.click();
		await expect(p.dialog).toBeVisible();
		await expect(p.dialog.getByRole('heading', { name: `Account ${id}` })).toBeVisible();
		await expect(p.dialog.getByRole('table').first()).toContainText('Points lost');
		await expect(p.dialog.getByRole('img', { name: new RegExp(`Score of ${id}`) })).toBeVisible();
		await page.screenshot({ path: '/tmp/portfolio-drilldown.png' });
		await expectNoViolations(page, 'drill-down dialog');
		await p.dialog.getByLabel('Tier').selectOption({ label: 'Yellow' });
		await p.dialog.getByLabel('Reason').fill('New exec sponsor, rollout planned');
		await p.dialog.getByLabel('Expires on').fill('2099-12-31');
		await p.dialog.getByRole('button', { name: 'Set override' }).click();
		await expect(p.dialog.getByText(/Overridden to/)).toContainText('Yellow until 2099-12-31');
		await page.keyboard.press('Escape');
		await expect(p.dialog).toBeHidden();
		await expect(first).toBeFocused();
		await expect(p.accounts.getByRole('row').nth(1)).toContainText(
			'Override: Yellow until 2099-12-31'
		);
	});
});

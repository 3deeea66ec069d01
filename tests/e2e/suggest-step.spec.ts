// Issue 10 item 5: suggestions as a complete step. Accepting suggested weights re-places the
// thresholds (keeping the tier shares by default) and the backtest of the accepted model shows
// exactly the after-column of the before/after table; the cost-based cut keeps a capacity; a
// disabled Accept says why. On the sample portfolio and on telco-churn (../shared/data).
import { expect, test, type Page } from '@playwright/test';
import { hasSharedData, sharedDataPath } from '../shared-data';
import { BacktestPage } from './pages/backtest';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

/** The after-column of the step table: accounts, churners and min per tier, and the AUC. */
async function afterColumn(page: Page) {
	const cells = page.getByTestId('step-after-share');
	await expect(cells.first()).toBeVisible({ timeout: 90_000 });
	const read = (attr: string) =>
		cells.evaluateAll((els, a) => els.map((e) => Number(e.getAttribute(a))), attr);
	return {
		accounts: await read('data-accounts'),
		churners: await read('data-churners'),
		mins: await read('data-min'),
		auc: Number(await page.getByTestId('step-after-auc').getAttribute('data-value'))
	};
}

/** Accept the suggested weights; the re-run report must show the after-column exactly. */
async function acceptAndCheck(page: Page, bt: BacktestPage): Promise<void> {
	const accept = page.getByRole('button', { name: 'Accept suggested weights' });
	await expect(accept).toBeEnabled({ timeout: 90_000 });
	const after = await afterColumn(page);
	expect(after.accounts.reduce((a, b) => a + b, 0)).toBe(await bt.scoredCount());
	await expect(page.getByTestId('step-order')).toHaveText(/each worse tier churns at least/);
	const before = await bt.aucValue();
	await accept.click();
	await expect(page.getByText(/Suggested weights applied/)).toBeVisible();
	await bt.waitForAuc((a) => a !== before);
	await expect
		.poll(async () => (await bt.tierCounts()).rows, { timeout: 60_000 })
		.toEqual(after.accounts);
	expect(await bt.aucValue()).toBeCloseTo(after.auc, 12);
	// Tier churn per row: the tier table's churners match the after-column too.
	const churners = await page
		.getByTestId('tier-row')
		.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent ?? ''));
	expect(churners.map((t) => Number(t.replace(/[^\d]/g, '')))).toEqual(after.churners);
	await page.getByRole('button', { name: 'Undo' }).click();
	await bt.waitForAuc((a) => a === before);
}

test.describe('Suggested weights and thresholds as one step', () => {
	test('sample portfolio: accept re-places thresholds; capacity; reasons', async ({ page }) => {
		test.setTimeout(180_000);
		const bt = new BacktestPage(page);
		await bt.goto();
		await bt.waitForReport();
		await acceptAndCheck(page, bt);

		// Keep-cuts: the after-column keeps the current thresholds.
		await page.getByRole('radio', { name: /stay where they are/ }).check();
		const before = (await bt.tierCounts()).rows.length;
		const after = await afterColumn(page);
		expect(after.mins.length).toBe(before);

		// Capacity: 2 CSMs × 10 Red accounts each → the lowest-cost cut flags at most 20.
		await page.getByRole('checkbox', { name: /Limit Red to what the team can handle/ }).check();
		await page.getByRole('spinbutton', { name: 'CSMs' }).fill('2');
		await page.getByRole('spinbutton', { name: /at most Red accounts per CSM/ }).fill('10');
		await expect(page.getByTestId('cap-note')).toContainText('puts at most 20 accounts in Red');
		const costButton = page.getByRole('button', { name: 'Accept lowest cost cut' });
		const flagged = page
			.getByRole('row', { name: /Accounts flagged/ })
			.locator('td')
			.nth(2);
		await expect
			.poll(async () => Number((await flagged.innerText()).split(' ')[0]!.replace(/,/g, '')) || 0)
			.toBeLessThanOrEqual(20);
		// A disabled Accept says why, in text tied to the button.
		const disabled = page.locator('button:disabled', { hasText: /^Accept/ });
		for (const b of await disabled.all()) await expect(b).toHaveAccessibleDescription(/\w{3,}/);
		if (await costButton.isDisabled()) await expect(costButton).toHaveAccessibleDescription(/./);
		await expectNoViolations(page, 'backtest suggestions step');
	});

	test('telco-churn: draft, then accept weights; the after-table is what the backtest shows', async ({
		page
	}) => {
		test.skip(!hasSharedData('telco-churn.csv'), 'shared/data missing');
		test.setTimeout(300_000);
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await data.chooseFile(sharedDataPath('telco-churn.csv'));
		await data.review();
		await data.commit();
		await page.goto('/#/model');
		await page.getByRole('button', { name: 'Draft a model from my data' }).click();
		await expect(page.getByTestId('draft-cv')).toBeVisible({ timeout: 90_000 });
		await page.getByRole('button', { name: 'Apply the draft' }).click();
		const bt = new BacktestPage(page);
		await bt.goto();
		await bt.waitForReport();
		expect(await bt.scoredCount()).toBe(7043);
		await acceptAndCheck(page, bt);
	});
});

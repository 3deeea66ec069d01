// Backtest screen on the sample portfolio (first open): report figures, seeded intervals, Accept +
// Undo, CSV/JSON downloads, and axe in both colour schemes.
import { expect, test, type Page } from '@playwright/test';
import { BacktestPage } from './pages/backtest';
import { expectNoViolations } from './pages/axe';

async function openReport(page: Page): Promise<BacktestPage> {
	const bt = new BacktestPage(page);
	await bt.goto();
	await bt.waitForReport();
	return bt;
}

test.describe('Backtest screen', () => {
	test('reports on the sample portfolio out of the box', async ({ page }) => {
		const bt = await openReport(page);
		await expect(page.getByRole('radio', { name: /Point in time/ })).toBeChecked();
		const auc = await bt.aucValue();
		expect(auc).toBeGreaterThan(0.6);
		expect(auc).toBeLessThan(0.95);
		const [lo, hi] = await bt.intervalValue();
		expect(lo).toBeLessThanOrEqual(auc);
		expect(hi).toBeGreaterThanOrEqual(auc);
		expect(hi - lo).toBeGreaterThan(0);
		const scored = await bt.scoredCount();
		const tiers = await bt.tierCounts();
		expect(tiers.rows.length).toBeGreaterThanOrEqual(2);
		expect(tiers.rows.reduce((s, n) => s + n, 0)).toBe(scored);
		expect(tiers.total).toBe(scored);
		// Definitions: shown on keyboard focus, and exposed as the description.
		const term = page.getByRole('button', { name: 'AUC', exact: true }).first();
		await term.focus();
		await expect(page.getByRole('tooltip').filter({ hasText: /random churner/ })).toBeVisible();
		await expect(term).toHaveAccessibleDescription(/random churner/);
		await page.keyboard.press('Escape');
		await expect(page.getByRole('tooltip').filter({ hasText: /random churner/ })).toBeHidden();
	});

	test('the same seed gives the same interval', async ({ page }) => {
		const bt = await openReport(page);
		const first = await bt.intervalValue();
		await bt.runAgain.click();
		await bt.waitForReport();
		expect(await bt.intervalValue()).toEqual(first);
		await bt.setSeed(7);
		await expect.poll(async () => (await bt.intervalValue())[0]).not.toBe(first[0]);
		await bt.setSeed(42);
		await expect.poll(async () => bt.intervalValue()).toEqual(first);
	});

	test('accepting suggested weights changes the AUC; Undo restores it exactly', async ({
		page
	}) => {
		const bt = await openReport(page);
		const before = await bt.aucValue();
		const accept = page.getByRole('button', { name: 'Accept suggested weights' });
		await expect(accept).toBeEnabled({ timeout: 60_000 });
		await accept.click();
		const after = await bt.waitForAuc((a) => a !== before);
		expect(after).not.toBe(before);
		await page.getByRole('button', { name: 'Undo' }).click();
		expect(await bt.waitForAuc((a) => a === before)).toBe(before);
	});

	test('tables download as CSV and the report as JSON', async ({ page }) => {
		const bt = await openReport(page);
		const scored = await bt.scoredCount();
		const csv = await bt.download(
			page.getByRole('button', { name: 'Download the tier table as CSV' })
		);
		expect(csv.download.suggestedFilename()).toBe('backtest-tiers.csv');
		const lines = csv.text
			.replace(/^\uFEFF/, '')
			.trim()
			.split(/\r\n/);
		expect(lines[0]).toBe(
			'tier_id,tier,accounts,churners,churn_rate,churn_rate_lo95,churn_rate_hi95,lift,account_share,churner_share,at_risk'
		);
		const accounts = lines.slice(1).map((l) => Number(l.split(',')[2]));
		expect(accounts.reduce((s, n) => s + n, 0)).toBe(scored);
		const json = await bt.download(page.getByRole('button', { name: /whole report \(JSON\)/ }));
		const doc = JSON.parse(json.text) as { report: { auc: { estimate: number } }; scored: number };
		expect(doc.report.auc.estimate).toBe(await bt.aucValue());
		expect(doc.scored).toBe(scored);
	});

	for (const scheme of ['light', 'dark'] as const) {
		test(`axe finds no violations on the report, ${scheme}`, async ({ page }) => {
			await page.emulateMedia({ colorScheme: scheme });
			const bt = await openReport(page);
			await page
				.getByRole('combobox', { name: 'Challenger' })
				.selectOption({ label: 'Template: Usage-led SaaS' });
			await expect(page.getByTestId('delta-auc')).toBeVisible({ timeout: 60_000 });
			await bt.waitForReport();
			await expectNoViolations(page, `backtest report (${scheme})`);
		});
	}
});

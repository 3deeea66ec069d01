// First open (issue 11 item 2): the calculator never downloads the sample; a screen with data
// loads it lazily, as packed columns (no CSV), with progress, and the portfolio comes alive.
import { expect, test } from '@playwright/test';

test.describe('first open', () => {
	test('the calculator downloads no sample; the Portfolio loads the packed sample, never the CSV', async ({
		page
	}) => {
		const sample: string[] = [];
		page.on('request', (r) => {
			if (r.url().includes('/sample/')) sample.push(r.url().split('/').pop()!);
		});
		await page.goto('./');
		// The workbench's model reaches the calculator ("Your model: …"): the first-open sequence
		// has run as far as it goes on this screen.
		await expect(page.locator('option', { hasText: /^Your model: Usage-led SaaS/ })).toHaveCount(
			1,
			{
				timeout: 30_000
			}
		);
		expect(sample).toEqual([]);
		// No loader line stands on the calculator: it loads no dataset, so "Opening saved data…"
		// would never end there.
		await expect(
			page.getByRole('status').filter({ hasText: /Opening saved data|Loading/ })
		).toHaveCount(0);

		await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
		await expect(page.getByTestId('rescore-ms')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByText('3,000 accounts, latest snapshot of each')).toBeVisible();
		expect(sample).toEqual(['portfolio.columns.bin']);

		// A reload reads the stored sample: nothing is downloaded again.
		sample.length = 0;
		await page.reload();
		await expect(page.getByTestId('rescore-ms')).toBeVisible({ timeout: 30_000 });
		expect(sample).toEqual([]);
	});
});

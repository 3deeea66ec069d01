// The sample as raw exports (issue 9 item 8): first open fetches none of them; on the Data
// screen "Open the sample as raw exports" fetches the five files and the recipe, imports them
// through the normal pipeline and builds the table → five sources with their grains and no
// orphans, the recipe in plain words → Model metrics with their source → a rolling backtest over
// several as-of dates with an AUC; axe on each screen, no horizontal overflow at 375 px.
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectNoViolations } from './pages/axe';
import { BacktestPage } from './pages/backtest';
import { DataPage } from './pages/data';
import { nav } from './pages/nav';

const recipe = JSON.parse(
	readFileSync(new URL('../../public/sample/exports/recipe.json', import.meta.url), 'utf8')
) as { sources: { name: string; grain: string }[]; features: { id: string }[] };

async function noOverflowAt375(page: Page, where: string): Promise<void> {
	const size = page.viewportSize()!;
	await page.setViewportSize({ width: 375, height: 800 });
	const width = () => page.evaluate(() => document.documentElement.scrollWidth);
	await expect.poll(width, { message: where, timeout: 5_000 }).toBeLessThanOrEqual(375);
	await page.setViewportSize(size);
}

test('first open → Data → the sample as raw exports → sources, model, rolling backtest', async ({
	page
}) => {
	test.setTimeout(300_000);
	const fetched: string[] = [];
	page.on('request', (r) => {
		if (r.url().includes('/sample/')) fetched.push(r.url().split('/sample/').pop()!);
	});
	await page.goto('./');
	await nav(page, 'Data');
	const data = new DataPage(page);
	await data.waitForBoot();
	// First open loaded the packed flat sample only: no export was fetched.
	expect(fetched.filter((u) => u.startsWith('exports/'))).toEqual([]);

	const panel = page.getByRole('region', { name: 'Try the whole flow on the sample' });
	await panel.getByRole('button', { name: 'Open the sample as raw exports' }).click();
	await expect(panel.getByTestId('sample-exports-done')).toContainText(
		'raw exports are sources of the model’s recipe',
		{ timeout: 240_000 }
	);
	expect(fetched.filter((u) => u.startsWith('exports/')).sort()).toEqual(
		[
			'accounts.csv',
			'churn_log.csv',
			'recipe.json',
			'subscriptions.csv',
			'tickets.csv',
			'usage_weekly.csv'
		].map((f) => `exports/${f}`)
	);

	// --- the sources: five, each with its grain, no orphans; the recipe in plain words ---
	const sources = page.getByRole('region', { name: 'Sources' });
	const table = sources.getByRole('table', { name: 'Sources and how they reach the accounts' });
	for (const s of recipe.sources) {
		const row = table
			.getByRole('row')
			.filter({ has: page.getByRole('rowheader', { name: s.name }) });
		await expect(row.getByRole('cell').first(), s.name).toHaveText(s.grain);
		await expect(table.getByTestId(`orphans-${s.name}`), s.name).toHaveText('0');
	}
	await expect(table.getByRole('rowheader', { name: /accounts/ })).toContainText('account list');
	await expect(sources.getByTestId('feature-support_tickets_60d')).toHaveText(
		'Tickets, last 60 days = count of tickets rows with `opened_at` in (T − 60 d, T]'
	);
	await expect(sources.getByTestId('outcome-description')).toContainText('churned_at');
	await expect(sources.getByTestId('build-summary')).toContainText(
		/Built [\d,]+ rows: 3,000 accounts × 16 as-of dates/
	);
	await expect(data.datasetRow('Built from sources')).toContainText('Active');
	await expectNoViolations(page, 'Data screen with the sample exports built');
	await noOverflowAt375(page, 'Data screen');

	// --- the model reads the features, each from its source ---
	await nav(page, 'Model');
	await expect(page.getByText(/support_tickets_60d = from tickets: count of/)).toBeVisible();
	await expect(page.getByText(/logins_28d = from usage: sum of/)).toBeVisible();
	await expect(page.getByText(/arr_now = from subscriptions:/)).toBeVisible();
	await expectNoViolations(page, 'Model on the sample exports');
	await noOverflowAt375(page, 'Model screen');

	// --- a rolling backtest over the grid's as-of dates ---
	await nav(page, 'Backtest');
	const bt = new BacktestPage(page);
	await bt.waitForReport();
	await expect(page.getByLabel('As-of date').locator('option')).toHaveCount(16);
	await page.getByRole('checkbox', { name: 'Rolling backtest' }).check();
	await page.getByRole('button', { name: 'Run again' }).click();
	await bt.waitForReport();
	const auc = await bt.aucValue();
	console.info(`sample exports, rolling backtest in the browser: AUC ${auc.toFixed(3)}`);
	expect(auc).toBeGreaterThan(0.6);
	await expectNoViolations(page, 'rolling backtest on the sample exports');
	await noOverflowAt375(page, 'Backtest screen');
});

// Sources end to end: ravenstack's five raw exports imported through the wizard → a recipe
// (links, as-of grid, churn-log outcome, a feature added in the form) → Build table → the model's
// metrics from the features → Portfolio drill-down with raw feature values checked against a
// count made here from the CSV files → a backtest over several as-of dates → every Validation
// part on the built table; axe on each screen.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasSharedData } from '../shared-data';
import { DataPage } from './pages/data';
import { nav } from './pages/nav';
import { BacktestPage } from './pages/backtest';
import { expectNoViolations } from './pages/axe';
import { PANELS, ValidationPage } from './pages/validation';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = resolve(HERE, '../../../shared/data');
const TABLES = ['accounts', 'subscriptions', 'feature-usage', 'support-tickets', 'churn-events'];

/** Rows of a ravenstack CSV as records (plain files: no quoting). */
function rows(table: string): Record<string, string>[] {
	const [head, ...lines] = readFileSync(resolve(DATA, `ravenstack-${table}.csv`), 'utf8')
		.split(/\r?\n/)
		.filter((l) => l !== '');
	const h = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [h[i]!, v])));
}

const day = (iso: string) => Math.round(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000);

test('ravenstack exports → recipe → built table → model, portfolio and backtest', async ({
	page
}) => {
	// Skips on a laptop without ../shared/data; throws in CI (hasSharedData).
	test.skip(!hasSharedData('ravenstack-accounts.csv'), 'shared/data missing');
	test.setTimeout(420_000);
	const data = new DataPage(page);
	await data.goto();
	await data.waitForBoot();
	for (const t of TABLES) {
		await data.chooseFile(resolve(DATA, `ravenstack-${t}.csv`));
		await data.review();
		await data.commit();
		await data.anotherFile();
	}

	// --- the recipe ---
	const sources = page.getByRole('region', { name: 'Sources' });
	// The sample is not one of the user's exports: it starts unticked, the five imports ticked.
	await expect(sources.getByRole('checkbox', { name: /Sample portfolio/ })).not.toBeChecked();
	await expect(sources.getByRole('checkbox', { name: /ravenstack-accounts/ })).toBeChecked();
	await sources.getByRole('button', { name: 'Start a recipe from 5 imports' }).click();
	const usageLink = sources.getByRole('combobox', { name: 'How feature-usage reaches accounts' });
	await expect(usageLink.locator('option:checked')).toHaveText(
		'through subscriptions.subscription_id'
	);
	await expect(sources.getByTestId('outcome-description')).toContainText(
		'An account churns on each `churn_date` date of churn-events.'
	);
	await sources.getByLabel('from', { exact: true }).fill('2023-07-01');
	await expect(sources.getByTestId('grid-summary')).toContainText(
		/Every month end from 2023-07-01 to 2024-12-31: 18 dates\./
	);

	await sources.getByRole('button', { name: 'Add a feature' }).click();
	const form = sources.getByRole('form', { name: 'New feature' });
	await form.getByLabel('Name').fill('Urgent tickets, 180 days');
	await form.getByLabel('Source').selectOption('support-tickets');
	await form.getByLabel(/^Window/).fill('180');
	await form.getByLabel('Only rows where').selectOption('priority');
	await form.getByLabel(/is one of/).fill('urgent, high');
	await form.getByRole('button', { name: 'Add feature' }).click();
	await expect(sources.getByTestId('feature-urgent_tickets_180_days')).toHaveText(
		'Urgent tickets, 180 days = count of support-tickets rows with `submitted_at` in (T − 180 d, T] and `priority` in "urgent", "high"'
	);
	// A bad feature is refused with a message; the recipe is unchanged.
	await sources.getByRole('button', { name: 'Add a feature' }).click();
	await form.getByLabel('Source').selectOption('support-tickets');
	await form.getByLabel('Compute').selectOption({ label: 'sum of' });
	await form.getByLabel('Name').fill('Sum of nothing');
	await form.getByRole('button', { name: 'Add feature' }).click();
	await expect(form.getByRole('alert')).toContainText('column');
	await form.getByRole('button', { name: 'Cancel' }).click();
	await expectNoViolations(page, 'sources with a recipe');

	await sources.getByRole('button', { name: 'Build table' }).click();
	await expect(sources.getByTestId('build-summary')).toContainText(
		/Built [\d,]+ rows: 500 accounts × 18 as-of dates/,
		{ timeout: 90_000 }
	);
	await expect(data.datasetRow('Built from sources')).toContainText('Active');

	// --- the model reads the features, and says where each comes from ---
	await nav(page, 'Model');
	await expect(
		page.getByText(/support_tickets_90d = from support-tickets: count of/)
	).toBeVisible();
	await expect(page.getByText(/urgent_tickets_180_days = from support-tickets/)).toBeVisible();

	// --- portfolio drill-down: raw feature values equal a count from the CSV files ---
	// Independent figures from the CSV text at the grid's last date, for an account that never
	// churned (so its latest row is there) and has tickets and usage in the windows.
	const T = day('2024-12-31');
	const inWindow = (iso: string, days: number) => day(iso) > T - days && day(iso) <= T;
	const churned = new Set(rows('churn-events').map((r) => r.account_id));
	const subAccount = new Map(rows('subscriptions').map((s) => [s.subscription_id, s.account_id]));
	const allTickets = rows('support-tickets');
	const allUsage = rows('feature-usage');
	const figures = (account: string) => {
		const tickets = allTickets.filter((r) => r.account_id === account);
		return {
			support_tickets_90d: tickets.filter((r) => inWindow(r.submitted_at!, 90)).length,
			urgent_tickets_180_days: tickets.filter(
				(r) => inWindow(r.submitted_at!, 180) && ['urgent', 'high'].includes(r.priority!)
			).length,
			usage_count_30d: allUsage
				.filter((u) => subAccount.get(u.subscription_id) === account && inWindow(u.usage_date!, 30))
				.reduce((s, u) => s + Number(u.usage_count), 0)
		};
	};
	const account = rows('accounts')
		.map((a) => a.account_id!)
		.find((id) => {
			if (churned.has(id)) return false;
			const f = figures(id);
			return f.support_tickets_90d > 0 && f.urgent_tickets_180_days > 0 && f.usage_count_30d > 0;
		})!;
	expect(account).toBeTruthy();
	await nav(page, 'Portfolio');
	await expect(page.getByRole('table', { name: 'Accounts per tier' })).toBeVisible({
		timeout: 60_000
	});
	await page.getByLabel('Search accounts').fill(account);
	await page.getByRole('button', { name: account, exact: true }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog.getByRole('heading', { name: 'Raw values as of 2024-12-31' })).toBeVisible();
	for (const [column, value] of Object.entries(figures(account)))
		await expect(dialog.getByTestId(`raw-${column}`), column).toHaveText(
			value.toLocaleString('en-US')
		);
	await expect(dialog).toContainText('from feature-usage');
	await expectNoViolations(page, 'drill-down on the built table');
	await dialog.getByRole('button', { name: 'Close' }).click();

	// --- backtest over the grid's as-of dates ---
	await nav(page, 'Backtest');
	const bt = new BacktestPage(page);
	await bt.waitForReport();
	const asOf = page.getByLabel('As-of date');
	await expect(asOf.locator('option')).toHaveCount(18);
	await page.getByRole('checkbox', { name: 'Rolling backtest' }).check();
	await page.getByRole('button', { name: 'Run again' }).click();
	await bt.waitForReport();
	const auc = await bt.aucValue();
	expect(auc).toBeGreaterThan(0.2);
	expect(auc).toBeLessThan(0.8);
	await expectNoViolations(page, 'backtest on the built table');

	// --- validation on the built table: every part shows, its export agrees with the screen ---
	await nav(page, 'Validation');
	const v = new ValidationPage(page);
	await v.waitForResult();
	for (const name of [...PANELS, 'Money: ARR at risk'])
		await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
	// The survival curves start from the accounts scored at the as-of date: at most the 500
	// accounts, more than the churners among them; one register row per model metric.
	const atRisk = (await page.getByTestId('survival-n').allInnerTexts()).map((x) =>
		Number(x.replace(/,/g, ''))
	);
	const events = (await page.getByTestId('survival-events').allInnerTexts()).map((x) =>
		Number(x.replace(/,/g, ''))
	);
	const scored = atRisk.reduce((a, b) => a + b, 0);
	expect(scored).toBeGreaterThan(100);
	expect(scored).toBeLessThanOrEqual(500);
	expect(events.reduce((a, b) => a + b, 0)).toBeLessThan(scored);
	const c = await v.num('c-index');
	expect(c).toBeGreaterThan(0);
	expect(c).toBeLessThan(1);
	const signalIds = await page
		.getByTestId('signal-row')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
	expect(signalIds).toEqual(expect.arrayContaining(['support_tickets_90d']));
	await expect(page.getByTestId('lead-row')).toHaveCount(3);
	const json = await v.download(page.getByRole('button', { name: 'Download everything (JSON)' }));
	const doc = JSON.parse(json.text) as {
		kind: string;
		dataset: string;
		survival: { concordance: { c: number }; tiers: { km: { n: number } }[] };
		signals: unknown[];
	};
	expect(doc.kind).toBe('health-score-validation');
	expect(doc.dataset).toContain('Built from sources');
	expect(doc.survival.concordance.c).toBe(c);
	expect(doc.survival.tiers.map((t) => t.km.n)).toEqual(atRisk);
	expect(doc.signals).toHaveLength(signalIds.length);
	await expectNoViolations(page, 'validation on the built table');
});

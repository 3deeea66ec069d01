// Issue 10 item 1: change the column roles of a stored dataset without choosing the file again.
// The outcome was ignored at import; it is re-mapped as the churned flag from what is stored,
// and the Backtest then runs on it.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { bankChurnCsv } from '../fixtures/bank-churn';
import { BacktestPage } from './pages/backtest';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

const GEN = resolve(tmpdir(), 'hsw-e2e-remap');

test('an outcome ignored at import becomes the churned flag without the file; the Backtest runs', async ({
	page
}) => {
	test.setTimeout(240_000);
	mkdirSync(GEN, { recursive: true });
	const path = resolve(GEN, 'bank-remap.csv');
	writeFileSync(path, bankChurnCsv(2000, 7));
	const data = new DataPage(page);
	await data.goto();
	await data.waitForBoot();
	await data.chooseFile(path);
	await data.roleSelect('Exited').selectOption('ignore');
	await data.review();
	await data.commit();

	// Without an outcome the Backtest says so.
	await page.goto('/#/backtest');
	await expect(page.getByText('This dataset has no outcome column.')).toBeVisible({
		timeout: 30_000
	});

	// Data → "Change column roles": the stored columns, no file chooser.
	await data.goto();
	const row = data.datasetRow('bank-remap');
	await row.getByRole('button', { name: 'Change column roles of bank-remap' }).focus();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('region', { name: 'Change column roles of “bank-remap”' });
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('heading', { level: 2 })).toBeFocused();
	const exited = panel.getByRole('combobox', { name: 'Role of Exited', exact: true });
	await expect(exited).toHaveValue('ignore');
	await expectNoViolations(page, 'change column roles');

	// A bad choice is refused with the column named.
	await panel
		.getByRole('combobox', { name: 'Role of Geography', exact: true })
		.selectOption('account-id');
	await panel.getByRole('button', { name: 'Review changes' }).click();
	await expect(panel.getByRole('alert')).toContainText(
		'Column “Geography” cannot be the account id'
	);

	// Back to the id, then the outcome, by keyboard.
	await panel
		.getByRole('combobox', { name: 'Role of CustomerId', exact: true })
		.selectOption('account-id');
	await exited.focus();
	await exited.selectOption('churned');
	await expect(panel.getByRole('combobox', { name: 'Type of Exited', exact: true })).toHaveValue(
		'boolean'
	);
	await panel.getByRole('button', { name: 'Review changes' }).press('Enter');
	await expect(panel.getByTestId('remap-changes')).toContainText(
		'“Exited”: ignored column → churned flag.'
	);
	await expectNoViolations(page, 'change column roles: review');
	await panel.getByRole('button', { name: 'Apply the new roles' }).click();
	await expect(panel.getByRole('status')).toContainText('“bank-remap” now uses the new roles', {
		timeout: 60_000
	});
	// Still one dataset of that name (replaced, not added), same rows.
	await expect(data.datasetRow('bank-remap')).toHaveCount(1);
	expect((await data.datasetCounts('bank-remap')).rows).toBe('2,000');

	// The Model drafts from it with the outcome, and the Backtest runs.
	await page.goto('/#/model');
	await page.getByRole('button', { name: 'Draft a model from my data' }).first().click();
	await expect(page.getByTestId('draft-cv')).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Apply the draft' }).click();
	const bt = new BacktestPage(page);
	await bt.goto();
	await bt.waitForReport();
	expect(await bt.scoredCount()).toBe(2000);
	expect(await bt.aucValue()).toBeGreaterThan(0.6);
});

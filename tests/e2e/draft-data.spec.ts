// Issue 10, data-aware import: a file with no id column imports with the row number as the
// account id (said in the wizard and on the Data screen), and gives a working backtest.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { bankChurnCsv } from '../fixtures/bank-churn';
import { BacktestPage } from './pages/backtest';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

const GEN = resolve(tmpdir(), 'hsw-e2e-draft-data');

/** The bank file without its `RowNumber` and `CustomerId` columns (no id column at all). */
function bankWithoutIds(rows: number): string {
	return bankChurnCsv(rows, 7)
		.split('\n')
		.map((line) => line.split(',').slice(2).join(','))
		.join('\n');
}

/** Draft on the Model screen and apply it (so the model fits the file). */
async function draftAndApply(page: Page, name: string): Promise<void> {
	await page.goto('/#/model');
	await page.getByRole('button', { name: 'Draft a model from my data' }).first().click();
	await expect(page.getByTestId('draft-cv')).toBeVisible({ timeout: 90_000 });
	await page.getByRole('button', { name: 'Apply the draft' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Model: Draft from ${name}` })
	).toBeVisible();
}

test.describe('Import without an id column', () => {
	test.beforeAll(() => mkdirSync(GEN, { recursive: true }));

	test('rows are numbered 1…n as account ids; the backtest runs with no hand fix', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const path = resolve(GEN, 'bank-no-id.csv');
		writeFileSync(path, bankWithoutIds(2000));
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await data.chooseFile(path);
		await expect(data.roleSelect('Surname')).not.toHaveValue('account-id');
		await expect(data.roleSelect('Exited')).toHaveValue('churned');
		const note = data.wizard.getByTestId('row-number-ids');
		await expect(note).toHaveText(/rows are numbered 1…2,000 as account ids/);
		await expectNoViolations(page, 'mapping without an id column');
		await data.review();
		await data.commit();
		await expect(data.datasetRow('bank-no-id').getByTestId('row-number-ids')).toHaveText(
			/Rows are numbered 1, 2, 3… in file order as account ids/
		);
		expect((await data.datasetCounts('bank-no-id')).rows).toBe('2,000');
		await expectNoViolations(page, 'data screen with a row-numbered dataset');

		await draftAndApply(page, 'bank-no-id');
		const bt = new BacktestPage(page);
		await bt.goto();
		await bt.waitForReport();
		expect(await bt.scoredCount()).toBe(2000);
		expect(await bt.aucValue()).toBeGreaterThan(0.7);
	});
});

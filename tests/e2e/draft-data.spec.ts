// Issue 10, data-aware import: a file with no id column imports with the row number as the
// account id (said in the wizard and on the Data screen), and gives a working backtest.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { mulberry32, uniform } from '../../src/lib/backtest/rng';
import { bankChurnCsv } from '../fixtures/bank-churn';
import { hasSharedData, sharedDataPath } from '../shared-data';
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

/**
 * The bank file with `Exited` 0/1 written in words in a column `header` (the last one):
 * churners get `churn`, the others one of `stay` (seeded). Returns the text and the churners.
 */
function bankWithWords(
	rows: number,
	header: string,
	churn: string,
	stay: string[]
): { csv: string; churners: number } {
	const rng = mulberry32(11);
	let churners = 0;
	const lines = bankChurnCsv(rows, 5)
		.split('\n')
		.map((line, i) => {
			const cells = line.split(',');
			const exited = cells.pop()!;
			if (i === 0) return [...cells, header].join(',');
			if (exited === '1') churners++;
			const word = exited === '1' ? churn : stay[Math.floor(uniform(rng) * stay.length)]!;
			return [...cells, word].join(',');
		});
	return { csv: lines.join('\n'), churners };
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

test.describe('Outcomes written in words', () => {
	test.beforeAll(() => mkdirSync(GEN, { recursive: true }));

	const status = bankWithWords(2000, 'Status', 'Churned', ['Active', 'Active', 'Paused']);
	const yesNo = bankWithWords(2000, 'Churn', 'Yes', ['No']);
	const files: {
		name: string;
		path: string;
		column: string;
		chosen: string;
		churners: number;
		csv: string;
	}[] = [
		{ name: 'bank-status', path: '', column: 'Status', chosen: 'Churned', ...status },
		{ name: 'bank-yes-no', path: '', column: 'Churn', chosen: 'Yes', ...yesNo }
	];
	// telco-churn's `Churn` is Yes/No: 1,869 Yes of 7,043 (counted with
	// `python3 -c "import csv;print(sum(r['Churn']=='Yes' for r in csv.DictReader(open('telco-churn.csv'))))"`).
	if (hasSharedData('telco-churn.csv'))
		files.push({
			name: 'telco-churn',
			path: sharedDataPath('telco-churn.csv'),
			column: 'Churn',
			chosen: 'Yes',
			churners: 1869,
			csv: ''
		});

	for (const f of files)
		test(`${f.name}: proposed as the outcome with the churn value chosen; backtest with no hand fix`, async ({
			page
		}) => {
			test.setTimeout(240_000);
			const path = f.path || resolve(GEN, `${f.name}.csv`);
			if (!f.path) writeFileSync(path, f.csv);
			const data = new DataPage(page);
			await data.goto();
			await data.waitForBoot();
			await data.chooseFile(path);
			await expect(data.roleSelect(f.column)).toHaveValue('churned');
			await expect(data.typeSelect(f.column)).toHaveValue('boolean');
			const choice = page.getByRole('combobox', {
				name: `Value that means churned in ${f.column}`
			});
			await expect(choice).toHaveValue(f.chosen);
			const words = data.mappingRow(f.column).getByTestId(/^churn-words-/);
			await expect(words).toContainText(
				`${f.chosen} = ${f.churners.toLocaleString('en-US')} rows churned`
			);
			if (f.name === 'bank-status') {
				// The switch flips which value means churn, and says so in words; then back.
				await choice.selectOption('Paused');
				await expect(words).toContainText(
					/^Paused = [\d,]+ rows churned; Active, Churned = stayed/
				);
				await choice.selectOption('Churned');
				await expect(words).toContainText('Churned = ');
			}
			await expectNoViolations(page, `mapping of ${f.name}`);
			await data.review();
			const share = ((100 * f.churners) / (f.name === 'telco-churn' ? 7043 : 2000)).toFixed(2);
			await expect(page.getByText(`Churned (${f.column}):`)).toContainText(
				new RegExp(`${share.replace('.', '\\.')}\\s?%`)
			);
			await data.commit();
			await draftAndApply(page, f.name);
			const bt = new BacktestPage(page);
			await bt.goto();
			await bt.waitForReport();
			expect(await bt.scoredCount()).toBe(f.name === 'telco-churn' ? 7043 : 2000);
			expect(await bt.aucValue()).toBeGreaterThan(0.7);
		});
});

// Issue 16 in the browser: a renamed image, mixed line endings, `1e309` and years 0000/9999.
import { expect, test } from '@playwright/test';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/csv');

test.describe('hostile files', () => {
	test('a PNG renamed .csv is named as such; no encoding picker, nothing stored', async ({
		page
	}) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const before = await data.datasetNames();
		await data.fileInput.setInputFiles(resolve(FIXTURES, 'image-renamed.csv'));
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('“image-renamed.csv” cannot be imported.');
		await expect(alert).toContainText(
			'This is not a text (CSV) file: it looks like a PNG image. Export the data as CSV'
		);
		await expect(page.getByRole('group', { name: /not UTF-8/ })).toHaveCount(0);
		await expect(alert).not.toContainText('malformed');
		await expectNoViolations(page, 'binary file refused');
		await page.getByRole('button', { name: 'Choose another file' }).click();
		expect(await data.datasetNames()).toEqual(before);
	});

	test('mixed CR / LF / CRLF: the 5 good rows are imported as 5 rows', async ({ page }) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await data.chooseFile(resolve(FIXTURES, 'mixed-line-endings.csv'));
		await data.roleSelect('id').selectOption('account-id');
		await data.review();
		await expect(page.getByText('Every row was read.')).toBeVisible();
		await expect(data.importButton).toHaveText('Import 5 rows');
		await data.commit();
		expect((await data.datasetCounts('mixed-line-endings')).rows).toBe('5');
	});

	test('1e309 is an unreadable cell with row and column; years 0000 and 9999 are flagged', async ({
		page
	}) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await data.chooseFile(resolve(FIXTURES, 'non-finite-and-odd-dates.csv'));
		await data.roleSelect('id').selectOption('account-id');
		await data.roleSelect('contract_value').selectOption('metric');
		await data.typeSelect('contract_value').selectOption('number');
		await data.review();
		await expect(page.getByText('Every row was read.')).toHaveCount(0);
		const unreadable = page.getByRole('region', { name: 'Unreadable rows' });
		await expect(unreadable).toContainText(
			'row 3, column "contract_value": "1e309" is too large to be stored as a number'
		);
		await expect(unreadable).toContainText('row 4, column "contract_value": "-1e309"');
		await expect(data.importButton).toHaveText('Skip 2 rows and import');
		const dates = page.getByRole('region', { name: 'Dates to check' });
		await expect(dates).toContainText('"0000-01-01" is before 1900');
		await expect(dates).toContainText('"9999-12-31" is after 2100');
		await expectNoViolations(page, 'report with unreadable cells and dates to check');
		await data.commit();
		expect((await data.datasetCounts('non-finite-and-odd-dates')).rows).toBe('3');
	});
});

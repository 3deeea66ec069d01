// Data screen: CSV import through the real UI, datasets surviving reloads, crashes mid-import,
// first open with the sample portfolio, keyboard-only use, storage faults, and axe on every step.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

const HERE = dirname(fileURLToPath(import.meta.url));
/** shared/ sits beside the repo (here and in CI's clone). */
const DATA = resolve(HERE, '../../../shared/data');
const TELCO = resolve(DATA, 'telco-churn.csv');
const SHOTS = process.env.SHOTS === '1';
/** Files generated at test time (outside test-results/, which runs may clear). */
const GEN = resolve(tmpdir(), 'hsw-e2e-import');

async function checkA11y(page: Page, where: string): Promise<void> {
	await expectNoViolations(page, where);
	if (SHOTS)
		await page.screenshot({ path: `/tmp/data-${where.replace(/\W+/g, '-')}.png`, fullPage: true });
}

/** Data rows of a CSV, counted from its lines (blank lines left out). */
function dataLines(path: string): string[] {
	return readFileSync(path, 'utf8')
		.split(/\r?\n/)
		.slice(1)
		.filter((l) => l.trim() !== '');
}

/** Press Tab until `target` has focus (keyboard-only navigation). */
async function tabTo(page: Page, target: Locator, max = 300): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error('target never received focus');
}

test.describe('Data screen', () => {
	test('first open loads the sample portfolio, also under a sub-path', async ({ page }) => {
		for (const base of ['/', '/tools/health/']) {
			const data = new DataPage(page);
			await data.goto(base);
			await data.waitForBoot();
			await expect(data.datasetRow('Sample portfolio')).toBeVisible();
			const counts = await data.datasetCounts('Sample portfolio');
			expect(counts.active).toBe(true);
			expect(counts.rows).toBe(
				dataLines(resolve(HERE, '../../public/sample/portfolio.csv')).length.toLocaleString('en-US')
			);
			await checkA11y(page, `datasets list ${base}`);
		}
	});

	test('imports telco-churn through the wizard; counts survive a reload', async ({ page }) => {
		test.skip(!existsSync(TELCO), 'shared/data is not beside the repo');
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		await checkA11y(page, 'step 1 choose');
		await data.chooseFile(TELCO);
		await expect(data.roleSelect('customerID')).toHaveValue('account-id');
		await expect(data.roleSelect('Churn')).toHaveValue('churned');
		await expect(data.mappingRow('TotalCharges')).toContainText(/Missing\s*11 \(0\.16 %\)/);
		await expect(data.wizard).toContainText('7,043 rows');
		await checkA11y(page, 'step 3 mapping');
		await data.review();
		await expect(data.wizard).toContainText('7,043 rows');
		await expect(data.wizard).toContainText('26.54 %');
		await checkA11y(page, 'step 4 report');
		await data.commit();
		await checkA11y(page, 'step 5 stored');
		const before = await data.datasetCounts('telco-churn');
		expect(before).toMatchObject({ rows: '7,043', active: true });
		await page.reload();
		await data.waitForBoot();
		expect(await data.datasetCounts('telco-churn')).toEqual(before);
	});

	test('imports the five ravenstack tables at their own grain; counts survive a reload', async ({
		page
	}) => {
		test.setTimeout(180_000);
		// What one row is, as detected, and the key each table is imported by.
		const tables = [
			['accounts', 'an account (one row', 'account_id'],
			['subscriptions', 'a period', 'account_id'],
			['feature-usage', 'an event', 'subscription_id'],
			['support-tickets', 'an event', 'account_id'],
			['churn-events', 'an event', 'account_id']
		] as const;
		test.skip(!existsSync(resolve(DATA, 'ravenstack-accounts.csv')), 'shared/data missing');
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const expected = new Map<string, string>();
		for (const [t, grain, key] of tables) {
			const file = resolve(DATA, `ravenstack-${t}.csv`);
			const lines = dataLines(file);
			await data.chooseFile(file);
			await expect(
				page.getByRole('radio', { name: new RegExp(`^${grain.replace('(', '\\(')}`) })
			).toBeChecked();
			await expect(data.roleSelect(key)).toHaveValue('account-id');
			if (t === 'support-tickets')
				await expect(page.getByTestId('time-note')).toContainText(
					'“closed_at” has times without a zone: read as UTC time'
				);
			if (t === 'accounts') await checkA11y(page, 'mapping with grain');
			await data.review();
			// Repeated ids are normal for events and periods: every row is kept.
			await expect(data.wizard).toContainText(`${lines.length.toLocaleString('en-US')} rows`);
			await data.commit();
			await data.anotherFile();
			expected.set(`ravenstack-${t}`, lines.length.toLocaleString('en-US'));
		}
		await page.reload();
		await data.waitForBoot();
		for (const [name, rows] of expected) expect((await data.datasetCounts(name)).rows).toBe(rows);
	});

	test('closing the page mid-import leaves the previous state', async ({ page, context }) => {
		test.setTimeout(180_000);
		const big = resolve(GEN, 'big-import.csv');
		mkdirSync(dirname(big), { recursive: true });
		const rows = ['account_id,segment,logins_30d,nps,churned'];
		for (let i = 0; i < 600_000; i++)
			rows.push(
				`ACC-${i},${['SMB', 'MM', 'ENT'][i % 3]},${i % 97},${(i % 201) - 100},${i % 5 === 0 ? 1 : 0}`
			);
		writeFileSync(big, rows.join('\n') + '\n');

		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const names = await data.datasetNames();
		let active: string | undefined;
		for (const n of names) if ((await data.datasetCounts(n)).active) active = n;
		// 1. while parsing
		await data.fileInput.setInputFiles(big);
		await expect(page.getByRole('progressbar', { name: /Reading/ })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Cancel reading' })).toBeVisible();
		await page.close();
		let again = await context.newPage();
		let d2 = new DataPage(again);
		await d2.goto();
		await d2.waitForBoot();
		expect(await d2.datasetNames()).toEqual(names);
		// 2. while storing
		await d2.chooseFile(big);
		await d2.review();
		await d2.importButton.click();
		await expect(again.getByText(/^Storing/)).toBeVisible();
		await again.close();
		again = await context.newPage();
		d2 = new DataPage(again);
		await d2.goto();
		await d2.waitForBoot();
		const after = await d2.datasetNames();
		// Either the whole dataset landed or nothing of it did; never a half one.
		if (after.length === names.length) {
			expect(after).toEqual(names);
			if (active) expect((await d2.datasetCounts(active)).active).toBe(true);
		} else {
			expect((await d2.datasetCounts('big-import')).rows).toBe('600,000');
		}
	});

	test('the whole wizard works with the keyboard; duplicate, rename and delete', async ({
		page
	}) => {
		test.skip(!existsSync(TELCO), 'shared/data missing');
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const small = resolve(GEN, 'keyboard.csv');
		mkdirSync(dirname(small), { recursive: true });
		writeFileSync(
			small,
			'customer_id,plan,usage,churned\nC1,Pro,5,no\nC2,Basic,x,yes\nC3,Pro,7,no\n'
		);
		for (const round of [1, 2]) {
			await tabTo(page, data.fileInput);
			const chooser = page.waitForEvent('filechooser');
			await page.keyboard.press('Space');
			await (await chooser).setFiles(small);
			await expect(data.reviewButton).toBeVisible();
			await tabTo(page, data.reviewButton);
			await page.keyboard.press('Enter');
			await expect(data.importButton).toBeVisible();
			await tabTo(page, data.importButton);
			await page.keyboard.press('Enter');
			if (round === 2) {
				const keep = page.getByRole('button', { name: 'Keep both' });
				await expect(page.getByText(/already imported as/)).toBeVisible();
				await checkA11y(page, 'step 5 duplicate');
				await tabTo(page, keep);
				await page.keyboard.press('Space');
			}
			await expect(page.getByText(/^Stored “keyboard/)).toBeVisible();
			await tabTo(page, page.getByRole('button', { name: 'Import another file' }));
			await page.keyboard.press('Enter');
		}
		await expect(data.datasetRow('keyboard (2)')).toBeVisible();
		// Rename inline, with the keyboard.
		await tabTo(page, page.getByRole('button', { name: 'Rename keyboard (2)' }));
		await page.keyboard.press('Enter');
		const input = page.getByRole('textbox', { name: 'New name for keyboard (2)' });
		await expect(input).toBeFocused();
		await checkA11y(page, 'datasets rename');
		await input.fill('Keyboard copy');
		await page.keyboard.press('Enter');
		await expect(data.datasetRow('Keyboard copy')).toBeVisible();
		// Delete, confirmed.
		await tabTo(page, page.getByRole('button', { name: 'Delete Keyboard copy' }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('button', { name: 'Yes, delete' })).toBeFocused();
		await checkA11y(page, 'datasets delete confirm');
		await page.keyboard.press('Enter');
		await expect(data.datasetRow('Keyboard copy')).toHaveCount(0);
		await page.reload();
		await data.waitForBoot();
		expect(await data.datasetNames()).not.toContain('Keyboard copy');
	});

	test('encoding picker with previews, and a blocked file names its row', async ({ page }) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		mkdirSync(GEN, { recursive: true });
		const latin = resolve(GEN, 'latin1.csv');
		// "Café" and "Zürich" in Windows-1252: not valid UTF-8.
		writeFileSync(latin, Buffer.from('account_id,city\nA1,Caf\xe9\nA2,Z\xfcrich\n', 'latin1'));
		await data.fileInput.setInputFiles(latin);
		const picker = page.getByRole('group', { name: /not UTF-8/ });
		await expect(picker).toBeVisible();
		await expect(picker).toContainText('Café');
		await checkA11y(page, 'step 2 encoding');
		await picker.getByRole('radio', { name: /Windows-1252/ }).check();
		await page.getByRole('button', { name: 'Read with this encoding' }).click();
		await expect(data.reviewButton).toBeVisible();
		await expect(data.mappingRow('city')).toContainText('Zürich');
		await page.getByRole('button', { name: 'Cancel import' }).click();

		const broken = resolve(GEN, 'broken.csv');
		writeFileSync(broken, 'account_id,note\nA1,"fine"\nA2,"never closed\nA3,x\n');
		await data.fileInput.setInputFiles(broken);
		await expect(page.getByRole('alert')).toContainText('Row 3');
		await checkA11y(page, 'step 2 blocked');
	});

	test('storage full: a clear message, and everything before intact', async ({ page }) => {
		await page.addInitScript(() => {
			const put = IDBObjectStore.prototype.put;
			IDBObjectStore.prototype.put = function (
				this: IDBObjectStore,
				...args: Parameters<typeof put>
			) {
				if ((window as { __quota?: boolean }).__quota && this.name === 'chunks')
					throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
				return put.apply(this, args);
			};
		});
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const names = await data.datasetNames();
		await page.evaluate(() => ((window as { __quota?: boolean }).__quota = true));
		const file = resolve(GEN, 'quota.csv');
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, 'account_id,v\nQ1,1\nQ2,2\n');
		await data.chooseFile(file);
		await data.review();
		await data.importButton.click();
		await expect(page.getByRole('alert')).toContainText('Storage is full');
		await expect(data.importButton).toBeEnabled();
		await page.reload();
		await data.waitForBoot();
		expect(await data.datasetNames()).toEqual(names);
	});

	test('a newer version opened in another tab shows a reload prompt', async ({ page, context }) => {
		const data = new DataPage(page);
		await data.goto();
		await data.waitForBoot();
		const other = await context.newPage();
		await other.goto('/#/calculator');
		const opened = await other.evaluate(
			() =>
				new Promise<number>((done, fail) => {
					const r = indexedDB.open('health-score-workbench', 99);
					r.onsuccess = () => {
						const v = r.result.version;
						r.result.close();
						done(v);
					};
					r.onerror = () => fail(r.error);
				})
		);
		expect(opened).toBe(99);
		const alert = page
			.getByRole('alert')
			.filter({ hasText: 'A newer version is open in another tab' });
		await expect(alert).toBeVisible();
		await expect(alert.getByRole('button', { name: 'Reload' })).toBeVisible();
		await checkA11y(page, 'newer version prompt');
	});
});

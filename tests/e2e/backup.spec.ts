// Issue 16: "Back up everything" and its restore; an emptied database is said, not re-seeded.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

const GEN = resolve(tmpdir(), 'hsw-e2e-backup');

test('back up, lose the database, see it said, restore: everything is back', async ({ page }) => {
	const data = new DataPage(page);
	await data.goto();
	await data.waitForBoot();
	await expect(data.datasetRow('Sample portfolio')).toBeVisible();
	await data.datasetRow('Sample portfolio').waitFor();

	// 1. Back up everything (a real download).
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Back up everything' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(
		/^health-score-workbench-backup-\d{4}-\d{2}-\d{2}\.hswbackup$/
	);
	mkdirSync(GEN, { recursive: true });
	const path = resolve(GEN, file.suggestedFilename());
	await file.saveAs(path);
	await expect(page.getByRole('status').filter({ hasText: /^Backed up 1 dataset/ })).toBeVisible();

	// 2. The browser empties IndexedDB (localStorage survives), from a page without the app.
	await page.goto('/no-app-here.txt'); // 404 text: same origin, no app connection
	await page.evaluate(
		() =>
			new Promise<void>((done, fail) => {
				const r = indexedDB.deleteDatabase('health-score-workbench');
				r.onsuccess = () => done();
				r.onerror = () => fail(new Error('delete failed'));
			})
	);

	// 3. Reopened: the loss is said, the sample is NOT silently re-created.
	await data.goto();
	const notice = page.getByRole('alert').filter({ hasText: 'Your saved data is gone.' });
	await expect(notice).toBeVisible({ timeout: 30_000 });
	await expect(notice).toContainText(/Your last backup file is from \d{4}-\d{2}-\d{2}/);
	await data.waitForBoot();
	await expect(data.datasetRow('Sample portfolio')).toHaveCount(0);
	await expectNoViolations(page, 'lost data notice');

	// 4. A file that is not a backup changes nothing.
	const bad = resolve(GEN, 'not-a-backup.hswbackup');
	const { writeFileSync } = await import('node:fs');
	writeFileSync(bad, 'id,v\n1,2\n');
	await page.getByLabel('Backup file to restore after the loss').setInputFiles(bad);
	await expect(notice).toContainText('This file is not a usable workbench backup');
	await expect(notice).toContainText('Nothing was changed.');

	// 5. Restore the real backup: the page reloads with the data back and the notice gone.
	await page.getByLabel('Backup file to restore after the loss').setInputFiles(path);
	await expect(data.datasetRow('Sample portfolio')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByText('Your saved data is gone.')).toHaveCount(0);
	expect((await data.datasetCounts('Sample portfolio')).active).toBe(true);
});

// Issue 16: a dataset replaced or deleted in one tab updates the others (two pages, one
// browser context, the app's BroadcastChannel).
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { DataPage } from './pages/data';
import { expectNoViolations } from './pages/axe';

function smallCsv(): string {
	const dir = resolve(tmpdir(), 'hsw-e2e-two-tabs');
	mkdirSync(dir, { recursive: true });
	const path = resolve(dir, 'tab-a-accounts.csv');
	writeFileSync(path, 'account_id,logins_30d,churned\nA1,3,0\nA2,9,1\nA3,5,0\n');
	return path;
}

test('a dataset imported, then deleted, in tab A: tab B follows and says so', async ({
	context
}) => {
	const a = new DataPage(await context.newPage());
	await a.goto();
	await a.waitForBoot();
	const b = new DataPage(await context.newPage());
	await b.goto();
	await b.waitForBoot();
	await expect(b.datasetRow('Sample portfolio')).toContainText('Active');

	// A imports a file: it becomes the active dataset, in B too (B loads it).
	await a.chooseFile(smallCsv());
	await a.review();
	await a.commit();
	await expect(b.datasetRow('tab-a-accounts')).toContainText('Active', { timeout: 15_000 });
	await expect(b.datasetRow('Sample portfolio')).not.toContainText('Active');

	// A deletes it: B drops it, stops using it, and says what happened.
	await a.page.getByRole('button', { name: 'Delete tab-a-accounts' }).click();
	await a.page.getByRole('button', { name: 'Yes, delete' }).click();
	await expect(a.datasetRow('tab-a-accounts')).toHaveCount(0);
	await expect(b.datasetRow('tab-a-accounts')).toHaveCount(0, { timeout: 15_000 });
	await expect(
		b.page.getByRole('status').filter({ hasText: 'was deleted in another tab' })
	).toHaveText(/“tab-a-accounts” was deleted in another tab\./);
	await expectNoViolations(b.page, 'datasets list, deleted-in-another-tab notice');
	await b.page.getByRole('button', { name: 'Dismiss' }).click();
	await expect(b.page.getByText('was deleted in another tab')).toHaveCount(0);
	expect(await b.datasetNames()).toEqual(await a.datasetNames());
});

// Model screen through the real UI: weights with undo/redo give back the same scores, a bad model
// file changes nothing, keyboard reordering, metric preview, axe.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ModelPage } from './pages/model';
import { defaultModel, expectedTierCounts } from './pages/portfolio';
import { expectNoViolations } from './pages/axe';
import { savedActiveModel } from './pages/storage';
import type { Model } from '../../src/lib/model/types';

test.describe('model screen', () => {
	test('a weight edit, undo and redo give back the same scores', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		const base = defaultModel();
		const before = expectedTierCounts(base);
		await expect.poll(() => m.counts()).toEqual(before);

		const usage = base.dimensions[0]!;
		const edited = {
			...base,
			dimensions: base.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 5 } : d))
		};
		const after = expectedTierCounts(edited);
		expect(after).not.toEqual(before);
		await m.setDimensionWeight(usage.name, 5);
		await expect.poll(() => m.counts()).toEqual(after);

		await page.locator('body').click({ position: { x: 5, y: 5 } });
		await page.keyboard.press('Control+z');
		await expect.poll(() => m.counts()).toEqual(before);
		await expect(m.dimensionWeight(usage.name)).toHaveValue(String(usage.weight));
		await page.keyboard.press('Control+Shift+z');
		await expect.poll(() => m.counts()).toEqual(after);
		await m.undo.click();
		await expect.poll(() => m.counts()).toEqual(before);
		await m.redo.click();
		await expect.poll(() => m.counts()).toEqual(after);
		await m.undo.click();
		await expect.poll(() => m.counts()).toEqual(before);
		await page.keyboard.press('Control+y');
		await expect.poll(() => m.counts()).toEqual(after);
	});

	test('a model edit survives a reload (autosave)', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		const base = defaultModel();
		const usage = base.dimensions[0]!;
		const edited = {
			...base,
			dimensions: base.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 5 } : d))
		};
		await m.setDimensionWeight(usage.name, 5);
		await expect.poll(() => m.counts()).toEqual(expectedTierCounts(edited));
		// Wait until the debounced save has written the edit, then reload: the edit is still there.
		await expect
			.poll(async () => {
				const saved = await savedActiveModel(page);
				return saved ? (JSON.parse(saved) as Model).dimensions[0]?.weight : null;
			})
			.toBe(5);
		await page.reload();
		await expect(m.dimensionWeight(usage.name)).toHaveValue('5');
		await expect.poll(() => m.counts()).toEqual(expectedTierCounts(edited));
	});

	test('a bad model JSON file shows path-named issues and changes nothing', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		const before = await m.counts();
		const bad = {
			...defaultModel(),
			tiers: [{ id: 'g', name: 'G', min: 'eighty', color: 'green', action: '' }]
		};
		await m.importFile('bad-model.json', JSON.stringify(bad));
		await expect(m.importIssues).toBeVisible();
		await expect(m.importIssues).toContainText('tiers');
		await expect(m.heading).toHaveText('Model: Usage-led SaaS');
		await expect(m.undo).toBeDisabled();
		expect(await m.counts()).toEqual(before);
		await m.importFile('not-json.json', '{ nope');
		await expect(m.importIssues).toContainText('Not JSON');
		await expect(m.undo).toBeDisabled();
		await expectNoViolations(page, 'model screen with import issues');
	});

	test('a valid model JSON file imports without a page error', async ({ page }) => {
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		const m = new ModelPage(page);
		await m.goto();
		const base = defaultModel();
		const edited = {
			...base,
			name: 'Imported model',
			dimensions: base.dimensions.map((d, i) => (i === 0 ? { ...d, weight: 5 } : d))
		};
		await m.importFile('imported.json', JSON.stringify(edited));
		await expect(m.heading).toHaveText('Model: Imported model');
		await expect.poll(() => m.counts()).toEqual(expectedTierCounts(edited));
		// The input was cleared, so the same file can be chosen again (it imports again).
		await expect(m.importInput).toHaveValue('');
		await m.importFile('imported.json', JSON.stringify({ ...edited, name: 'Imported again' }));
		await expect(m.heading).toHaveText('Model: Imported again');
		// Export gives back the imported model (through the shared download helper).
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export model JSON' }).click()
		]);
		expect(download.suggestedFilename()).toBe('imported-again.json');
		const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as Model;
		expect(exported.name).toBe('Imported again');
		expect(exported.dimensions.map((d) => d.weight)).toEqual(
			edited.dimensions.map((d) => d.weight)
		);
		expect(errors).toEqual([]);
	});

	test('dimensions reorder by keyboard and a metric shows its preview', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		const first = await m.dimensionName(0).inputValue();
		const second = await m.dimensionName(1).inputValue();
		const down = page.getByRole('button', { name: `Move down ${first}`, exact: true });
		await down.focus();
		await page.keyboard.press('Enter');
		await expect(m.dimensionName(0)).toHaveValue(second);
		await expect(m.dimensionName(1)).toHaveValue(first);
		await page.keyboard.press('Control+z');
		await expect(m.dimensionName(0)).toHaveValue(first);

		await page.getByRole('button', { name: 'Edit Support tickets', exact: true }).click();
		const editor = page.getByRole('region', { name: 'Metric: Support tickets' });
		await expect(editor.getByRole('table', { name: 'Accounts per band' })).toBeVisible();
		await expect(
			editor.getByRole('img', { name: /Support tickets: \d+ accounts with a value/ })
		).toBeVisible();
		await expectNoViolations(page, 'model screen with the metric editor open');
	});

	test('a zero weight raises a warning beside the model', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		await m.setDimensionWeight(defaultModel().dimensions[3]!.name, 0);
		await expect(m.warnings.getByRole('listitem').first()).toBeVisible();
		await expect(m.warnings).toContainText(/weight/i);
	});

	test('a saved version survives a reload, with its change note', async ({ page }) => {
		const m = new ModelPage(page);
		await m.goto();
		const usage = defaultModel().dimensions[0]!.name;
		await m.setDimensionWeight(usage, 15);
		await page.getByRole('textbox', { name: 'Version note' }).fill('workshop draft');
		await page.getByRole('button', { name: 'Save version' }).click();
		const versions = page.getByRole('region', { name: 'Versions and change log' });
		await expect(versions.getByText('Version 1', { exact: true })).toBeVisible();
		await expect(versions).toContainText(`workshop draft; ${usage} weight 15`);
		await page.reload();
		await expect(m.liveSummary).toBeVisible({ timeout: 45_000 });
		await expect(m.dimensionWeight(usage)).toHaveValue('15');
		await expect(versions.getByText('Version 1', { exact: true })).toBeVisible();
	});
});

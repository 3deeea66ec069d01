// The Model screen in Japanese: its editor, a metric's editor and preview, the derived-metric
// form and a drafted model (notes, why-notes, changes, columns left out) show no English UI word
// (data and proper names aside), axe clean.
import { expect, test, type Page } from '@playwright/test';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['app.', 'nav.', 'nd.', 'mdl.'];

/**
 * The data this screen shows as it is: the model's own text (name, description, dimension,
 * metric and tier names, actions, why-notes — all in inputs or shown beside them) and the
 * dataset's column names (the column pickers' options).
 */
async function dataWords(page: Page): Promise<string[]> {
	return page.evaluate(() => [
		...[...document.querySelectorAll<HTMLInputElement>('main input, main textarea')].map(
			(i) => i.value
		),
		...[...document.querySelectorAll('main option')].map((o) => o.textContent ?? '')
	]);
}

test.use({ locale: 'ja-JP' });

test('Model in Japanese: no English UI word in the editor, a metric, derived metrics, a draft in progress; axe clean', async ({
	page
}) => {
	test.setTimeout(480_000);
	await page.goto('/#/model');
	await expect(page.getByRole('heading', { level: 1, name: /^モデル：/ })).toBeVisible();
	const live = page.getByRole('region', { name: ja['mdl.live'] });
	await expect(
		live.getByRole('group', { name: new RegExp(`^${ja['mdl.histogram']}`) })
	).toBeVisible({
		timeout: 45_000
	});
	await expect(page.getByRole('toolbar', { name: ja['mdl.tb.actions'] })).toBeVisible();
	await expect(page.getByRole('button', { name: ja['mdl.tb.undo'], exact: true })).toBeVisible();

	const check = async (where: string) => {
		await expectNoEnglish(page, where, PREFIXES);
		// Model warnings too: the core gives their kind and figures, the screen says them.
		// The sample dataset's name is data too (a drafted model is named after it).
		const allowed = [...PROPER, 'JSON', 'QBR', 'Sample portfolio', ...(await dataWords(page))];
		expect(await englishWords(page, allowed), `English words on ${where}`).toEqual([]);
	};
	await check('Model');
	await expectNoViolations(page, 'Model in Japanese');

	// A metric's editor with its preview, then a scheme with parameters of its own (bands).
	await page
		.getByRole('button', { name: new RegExp(`^${ja['mdl.m.edit']}`) })
		.first()
		.click();
	const editor = page.getByRole('region', { name: /^指標：/ });
	await expect(editor).toBeVisible();
	await expect(editor.getByText(ja['mdl.pv.caption'])).toBeVisible();
	await editor.getByLabel(ja['mdl.me.scheme']).selectOption({ label: ja['mdl.kind.bands'] });
	await expect(editor.getByRole('button', { name: ja['mdl.b.add'] })).toBeVisible();
	await check('the metric editor');
	await expectNoViolations(page, 'metric editor in Japanese');

	// The derived-metric form, then a drafted model (the scheme edit above is in the change log).
	await page.locator('summary', { hasText: ja['mdl.dv.title'] }).click();
	await expect(page.getByRole('form', { name: ja['mdl.dv.form'] })).toBeVisible();
	await check('the derived-metric form');

	// Drafting runs in a worker (minutes on a loaded machine): its progress is in Japanese.
	await page.getByRole('button', { name: ja['mdl.dr.button'] }).click();
	await expect(page.getByTestId('draft-status')).toContainText(/下書きを作成中|交差検証中/, {
		timeout: 30_000
	});
	await check('a draft in progress');
	await expectNoViolations(page, 'draft in progress in Japanese');

	// The drafted model: its tiers, metrics (dimension names and why-notes), the changes if
	// applied and the columns left out, all said in Japanese (the core gives codes).
	const result = page.getByTestId('draft-result');
	await expect(result).toBeVisible({ timeout: 240_000 });
	await expect(page.getByTestId('draft-diff')).toContainText('指標');
	const skipped = result.locator('summary', { hasText: /^除外した列/ });
	if (await skipped.count()) await skipped.click();
	await check('a drafted model');
	const whys = await result
		.locator('tr[title]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('title') ?? ''));
	expect(whys.length).toBeGreaterThan(0);
	for (const why of whys) expect(why).toMatch(/単独で AUC \d\.\d\d で解約を見分けます。$/);
	await expectNoViolations(page, 'drafted model in Japanese');
	await page.getByRole('button', { name: ja['mdl.dr.apply'] }).click();
	// The applied draft's own text was written in Japanese: it is the user's model now.
	await expect(
		page.getByRole('heading', { level: 1, name: /^モデル：Sample portfolio からの下書き$/ })
	).toBeVisible();
});

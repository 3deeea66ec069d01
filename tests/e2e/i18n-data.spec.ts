// The Data screen in Japanese: the datasets list, backup, and a whole import (mapping, report,
// stored) with no English UI word left outside data, and axe clean at each step.
import { expect, test } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['dt.', 'src.'];
/** The stored sample dataset's name: data. */
const SAMPLE = 'Sample portfolio';
/** Encodings the drop zone names (proper names), and the data: the file's columns, the time zone. */
const NAMES = [...PROPER, 'UTF', 'Shift_JIS', 'id', 'score', 'day', 'plan', 'UTC'];

/** A small file with a Japanese name: a number, a date, a category, one row too short. */
function csvFile(): string {
	const dir = resolve(tmpdir(), 'hsw-e2e-i18n-data');
	mkdirSync(dir, { recursive: true });
	const path = resolve(dir, '取り込み.csv');
	writeFileSync(
		path,
		[
			'id,score,day,plan',
			'1,12.5,2024-01-31,A',
			'2,40,2024-02-29,B',
			'3,7',
			'4,88,2024-03-15,A',
			'5,61,2024-04-01,B'
		].join('\n') + '\n'
	);
	return path;
}

test.describe('Data screen in Japanese', () => {
	test.use({ locale: 'ja-JP' });

	test('datasets, backup and an import have no English UI word; axe clean', async ({ page }) => {
		test.setTimeout(180_000);
		await page.goto('/#/data');
		await expect(page.getByRole('heading', { level: 1, name: ja['nav.data'] })).toBeVisible();
		const stored = page.getByRole('table', { name: ja['dt.list.caption'] });
		await expect(stored).toBeVisible({ timeout: 45_000 });
		await expect(stored.getByText(ja['dt.row.active'])).toBeVisible();
		await expectNoEnglish(page, 'Data', PREFIXES);
		const sources = SAMPLE;
		expect(await englishWords(page, [...NAMES, sources])).toEqual([]);
		await expectNoViolations(page, 'Data in Japanese');

		// The inline delete confirmation of the stored dataset.
		await stored
			.getByRole('button', { name: /を削除$/ })
			.first()
			.click();
		await expect(stored.getByRole('button', { name: ja['dt.row.yesDelete'] })).toBeFocused();
		expect(await englishWords(page, [...NAMES, sources])).toEqual([]);
		await stored.getByRole('button', { name: ja['dt.row.keep'] }).click();

		// A whole import: mapping, report, stored.
		await page.getByLabel(ja['dt.choose.drop']).setInputFiles(csvFile());
		const review = page.getByRole('button', { name: ja['dt.map.review'] });
		await expect(review).toBeVisible({ timeout: 30_000 });
		await expect(page.getByRole('table', { name: ja['dt.tbl.caption'] })).toBeVisible();
		await expect(page.getByRole('combobox', { name: 'score の型' })).toHaveValue('number');
		await expect(
			page.getByRole('combobox', { name: 'score の型' }).locator('option:checked')
		).toHaveText(ja['dt.type.number']);
		// Why the row kind was detected, in Japanese: 4 ids (the short row 3 is set aside at reading).
		await expect(page.getByTestId('grain-reason')).toHaveText(
			'「id」の値はどれも 1 回だけ現れます（4 行）。1アカウント1行です。'
		);
		await expectNoEnglish(page, 'import mapping', [...PREFIXES, 'prob.']);
		expect(await englishWords(page, [...NAMES, sources])).toEqual([]);
		await expectNoViolations(page, 'import mapping in Japanese');

		await review.click();
		const skip = page.getByRole('button', { name: '1 行を除いて取り込む' });
		await expect(skip).toBeVisible({ timeout: 30_000 });
		await expect(page.getByRole('region', { name: ja['dt.rep.unreadable'] })).toBeVisible();
		await expectNoEnglish(page, 'import report', PREFIXES);
		expect(await englishWords(page, [...NAMES, sources])).toEqual([]);
		await expectNoViolations(page, 'import report in Japanese');

		await skip.click();
		await expect(page.getByText(/^「取り込み」を保存しました：4 行、3 列。/)).toBeVisible({
			timeout: 60_000
		});
		await expect(page.getByRole('button', { name: ja['dt.saved.another'] })).toBeVisible();
		expect(await englishWords(page, [...NAMES, sources])).toEqual([]);
		await expectNoViolations(page, 'import stored in Japanese');
	});

	test('re-mapping the sample: the moved role, a refused id and the changes in Japanese; axe clean', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await page.goto('/#/data');
		const stored = page.getByRole('table', { name: ja['dt.list.caption'] });
		await expect(stored.getByText(ja['dt.row.active'])).toBeVisible({ timeout: 45_000 });
		await stored.getByRole('button', { name: `「${SAMPLE}」の列の役割を変更` }).click();
		const panel = page.getByTestId('remap-panel');
		const role = (name: string) =>
			panel.getByRole('combobox', { name: `${name} の役割`, exact: true });
		await expect(role('segment')).toBeVisible({ timeout: 30_000 });

		// The id given to "segment": the old id is ignored (said), and the review refuses it.
		await role('segment').selectOption('account-id');
		await expect(panel.locator('.notice')).toHaveText(
			'「account_id」がその役割でしたが、「無視」に変えました。'
		);
		await panel.getByRole('button', { name: ja['dt.remap.review'] }).click();
		const refused = panel.getByRole('alert');
		await expect(refused).toContainText(
			/^列「segment」はアカウント ID にできません：保存済みデータの 1 行目と \d+ 行目（同じスナップショット日）に「\w+」があります。/
		);
		const columns = await panel.locator('tbody th[scope=row]').allInnerTexts();
		await expectNoEnglish(page, 'Change column roles', [...PREFIXES, 'prob.']);
		expect(
			await englishWords(page, [...NAMES, SAMPLE, ...columns, 'SMB', 'Mid', 'Market', 'Enterprise'])
		).toEqual([]);
		await expectNoViolations(page, 'Change column roles refused in Japanese');

		// The id back on account_id: "segment" is now ignored, said in the changes.
		await role('account_id').selectOption('account-id');
		await panel.getByRole('button', { name: ja['dt.remap.review'] }).click();
		await expect(panel.getByTestId('remap-changes')).toHaveText(
			'「segment」：セグメント → 無視する列。'
		);
		await expectNoEnglish(page, 'Change column roles: review', [...PREFIXES, 'prob.']);
		expect(await englishWords(page, [...NAMES, SAMPLE, ...columns])).toEqual([]);
	});

	test('a model file whose recipe is refused: each problem named by source or feature, in Japanese; axe clean', async ({
		page
	}) => {
		test.setTimeout(90_000);
		await page.goto('/#/model');
		await expect(page.getByRole('heading', { level: 1, name: /^モデル：/ })).toBeVisible({
			timeout: 45_000
		});
		const model = JSON.parse(
			readFileSync(resolve('src/lib/model/templates/usage-led-saas.json'), 'utf8')
		) as Record<string, unknown>;
		const recipe = JSON.parse(readFileSync(resolve('public/sample/exports/recipe.json'), 'utf8'));
		recipe.sources[2].time = null;
		recipe.features[0].column = null;
		recipe.accounts = 'crm';
		await page.getByLabel(ja['mdl.tb.import']).setInputFiles({
			name: 'bad-recipe.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify({ ...model, recipe }))
		});
		const issues = page.getByTestId('import-issues');
		await expect(issues).toContainText(ja['mdl.notImported']);
		await expect(issues.locator('li')).toContainText([
			'データレシピ ＞ ソース「usage」 ＞ 日付の列：ソース「usage」はイベントのソースです。日付の列を選んでください',
			'データレシピ ＞ アカウント一覧：アカウント一覧「crm」というソースはありません',
			'データレシピ ＞ 特徴量「Logins, last 28 days」 ＞ 列：特徴量「Logins, last 28 days」（合計）には集計する列が必要です'
		]);
		await expectNoEnglish(page, 'a refused recipe', [
			'mdl.',
			'mi.at',
			'mi.f.',
			'mi.recipe',
			'src.iss.',
			'src.at.',
			'src.f.'
		]);
		const data = await page.evaluate(() =>
			[
				...document.querySelectorAll<HTMLInputElement>('main input, main textarea, main option')
			].map((i) => i.value || i.textContent || '')
		);
		expect(
			await englishWords(page, [
				...NAMES,
				SAMPLE,
				'JSON',
				'QBR',
				'usage',
				'crm',
				'Logins, last 28 days',
				// The current model's metrics show their columns: data.
				...(model.dimensions as { metrics: { column: string }[] }[]).flatMap((d) =>
					d.metrics.map((m) => m.column)
				),
				...data
			])
		).toEqual([]);
		await expectNoViolations(page, 'refused recipe in Japanese');
	});

	test('Sources: a recipe from the sample, its tables and the feature form have no English UI word; axe clean', async ({
		page
	}) => {
		test.setTimeout(180_000);
		await page.goto('/#/data');
		const region = page.getByRole('region', { name: ja['src.title'] });
		await expect(region.getByRole('checkbox', { name: SAMPLE })).toBeVisible({ timeout: 45_000 });
		await expect(
			region.getByRole('button', { name: '0 件の取り込みデータからレシピを作る' })
		).toBeDisabled();
		await expectNoEnglish(page, 'Sources', PREFIXES);
		expect(await englishWords(page, [...NAMES, SAMPLE])).toEqual([]);

		await region.getByRole('checkbox', { name: SAMPLE }).check();
		await region.getByRole('button', { name: '1 件の取り込みデータからレシピを作る' }).click();
		await expect(region.getByRole('table', { name: ja['src.tbl.caption'] })).toBeVisible({
			timeout: 30_000
		});
		// The grid, the outcome and each feature in words: Japanese, the sources and columns as data.
		await expect(page.getByTestId('grid-summary')).toContainText('までの毎月末');
		await expect(page.getByTestId('outcome-description')).toHaveText(ja['prob.src.out.none']);
		const described = region.locator('[data-testid^="feature-"]');
		expect(await described.count()).toBeGreaterThan(0);
		for (const text of await described.allInnerTexts())
			expect(text).toMatch(/ = .*[\u3040-\u30ff\u4e00-\u9fff]/);
		const data = (await region.locator('[data-testid^="feature-"] code').allInnerTexts()).concat(
			await region
				.getByRole('table', { name: ja['src.tbl.caption'] })
				.locator('th, td')
				.allInnerTexts()
		);
		const core = [
			await page.getByTestId('grid-summary').innerText(),
			await page.getByTestId('outcome-description').innerText(),
			...(await region.locator('[data-testid^="feature-"]').allInnerTexts())
		].join(' ');
		expect(
			(core.match(/[A-Za-z][A-Za-z_-]{2,}/g) ?? []).filter(
				(w) => ![...NAMES, SAMPLE, ...data].some((d) => d.includes(w))
			)
		).toEqual([]);
		await expectNoEnglish(page, 'Sources recipe', PREFIXES);
		expect(await englishWords(page, [...NAMES, SAMPLE, ...data])).toEqual([]);
		await expectNoViolations(page, 'Sources recipe in Japanese');

		// The build: its line, the outcome and any warning in Japanese; the built table's name too.
		await region.getByRole('button', { name: ja['src.build'] }).click();
		await expect(region.getByTestId('build-summary')).toContainText(
			/^[\d,]+ 行を作成しました（[\d,]+ アカウント × 基準日 \d+ 日）。/,
			{ timeout: 60_000 }
		);
		await expect(page.getByRole('table', { name: ja['dt.list.caption'] })).toContainText(
			ja['src.builtName']
		);
		await expectNoEnglish(page, 'Sources built', [...PREFIXES, 'st.']);
		expect(await englishWords(page, [...NAMES, SAMPLE, ...data])).toEqual([]);

		await region.getByRole('button', { name: ja['src.feat.add'] }).click();
		const form = region.getByRole('form', { name: ja['src.feat.new'] });
		await expect(form.getByLabel(ja['src.feat.name'])).toBeVisible();
		expect(await englishWords(page, [...NAMES, SAMPLE, ...data])).toEqual([]);
		await expectNoViolations(page, 'Sources feature form in Japanese');
	});
});

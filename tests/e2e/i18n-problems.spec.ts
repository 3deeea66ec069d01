// Problems built in code, walked in Japanese: an import with duplicate headers, unreadable cells,
// a duplicate id and an implausible date (the mapping notes and the review list them in Japanese,
// naming row, column and value), a file that cannot be imported at all, a file that is not a
// backup, and a background task (worker) that cannot load after a redeploy.
import { missingWorker, redeployed } from './pages/redeploy';
import { expect, test, type Locator } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { ja } from '../../src/lib/i18n/ja';
import { expectNoViolations } from './pages/axe';
import { englishWords, expectNoEnglish, PROPER } from './pages/i18n-check';

const PREFIXES = ['dt.', 'prob.'];
const SAMPLE = 'Sample portfolio';
/** Proper names and data on the Data screen: encodings the drop zone names, the sample, the zone. */
const NAMES = [...PROPER, SAMPLE, 'UTC', 'UTF', 'Shift_JIS'];

function file(name: string, lines: string[]): string {
	const dir = resolve(tmpdir(), 'hsw-e2e-i18n-problems');
	mkdirSync(dir, { recursive: true });
	const path = resolve(dir, name);
	writeFileSync(path, lines.join('\n') + '\n');
	return path;
}

/** English words (3+ letters) in `texts` that are not in `data` (the file's own names and cells). */
function english(texts: string[], data: string[]): string[] {
	const ok = new Set([...PROPER, ...data].flatMap((d) => d.toLowerCase().split(/[^a-z]+/)));
	return texts.flatMap((t) =>
		(t.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ok.has(w.toLowerCase()))
	);
}

async function texts(cells: Locator): Promise<string[]> {
	return (await cells.allInnerTexts()).map((s) => s.trim());
}

test.describe('Problems in Japanese', () => {
	test.use({ locale: 'ja-JP' });

	test('an import with bad cells: renamed headers and the review’s problems in Japanese; axe clean', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const huge = '9'.repeat(400);
		const path = file('問題あり.csv', [
			'id,mrr,mrr,renewal',
			'A,10,1,2024-01-01',
			'B,lots,2,2024-01-02',
			`C,${huge},3,2024-01-03`,
			'D,40,4,0001-01-01',
			'A,50,5,2024-01-05',
			'E,60,6,2024-01-06',
			'F,70,7,2024-01-07',
			'G,80,8,2024-01-08',
			'H,90,9,2024-01-09',
			'I,95,10,2024-01-10'
		]);
		await page.goto('/#/data');
		await expect(page.getByRole('table', { name: ja['dt.list.caption'] })).toBeVisible({
			timeout: 45_000
		});
		await page.getByLabel(ja['dt.choose.drop']).setInputFiles(path);
		const review = page.getByRole('button', { name: ja['dt.map.review'] });
		await expect(review).toBeVisible({ timeout: 30_000 });

		// The duplicate header, renamed: said in Japanese with the names in 「」.
		const renamed = page.locator('.alert.warn', { hasText: ja['dt.map.renamed'] });
		await expect(renamed).toContainText(
			'3 列目：見出し「mrr」が重複しているため「mrr_2」に変えました。'
		);
		await expectNoEnglish(page, 'import mapping', PREFIXES);

		// One row per account, keyed by id; mrr read as numbers ("lots" cannot be); renewal a date.
		await page.getByRole('radio', { name: ja['dt.grain.account'] }).check();
		await page.getByRole('combobox', { name: 'id の役割' }).selectOption('account-id');
		await page.getByRole('combobox', { name: 'mrr の型' }).selectOption('number');
		await page.getByRole('combobox', { name: 'renewal の役割' }).selectOption('renewal-date');

		await review.click();
		const skip = page.getByRole('button', { name: /行を除いて取り込む$/ });
		await expect(skip).toBeVisible({ timeout: 30_000 });
		const unreadable = page.getByRole('region', { name: ja['dt.rep.unreadable'] });
		const reasons = await texts(unreadable.locator('tbody td:nth-child(3)'));
		expect(reasons).toEqual([
			'3 行目・列「mrr」：「lots」は数値ではありません',
			`4 行目・列「mrr」：「${huge.slice(0, 40)}…」は大きすぎて数値として保存できません`,
			'6 行目・列「id」：アカウント ID「A」が 2 行目と重複しています'
		]);
		const dates = page.getByRole('region', { name: ja['dt.rep.datesToCheck'] });
		const why = await texts(dates.locator('tbody td:nth-child(3)'));
		expect(why).toEqual([
			'5 行目・列「renewal」：「0001-01-01」は 1900 年より前の日付です。そのまま残しましたが、確認してください'
		]);
		expect(english([...reasons, ...why], ['mrr', 'renewal', 'lots'])).toEqual([]);
		await expectNoEnglish(page, 'import report', PREFIXES);
		expect(await englishWords(page, [...NAMES, 'id', 'mrr', 'renewal'])).toEqual([]);
		await expectNoViolations(page, 'import report with problems in Japanese');
	});

	test('a file that cannot be imported says why in Japanese', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/#/data');
		await expect(page.getByRole('table', { name: ja['dt.list.caption'] })).toBeVisible({
			timeout: 45_000
		});
		await page
			.getByLabel(ja['dt.choose.drop'])
			.setInputFiles(file('閉じない引用符.csv', ['a,b', '1,"2', '3,4']));
		const alert = page
			.getByRole('alert')
			.filter({ hasText: '「閉じない引用符.csv」は取り込めません。' });
		await expect(alert).toBeVisible({ timeout: 30_000 });
		await expect(alert.locator('li')).toHaveText([
			'2 行目：引用符で始まるセルが閉じられていない（引用符の対応が取れていない）ため、以降を正しく読み込めません。'
		]);
		await expectNoEnglish(page, 'blocked import', PREFIXES);
		expect(await englishWords(page, NAMES)).toEqual([]);
		await expectNoViolations(page, 'blocked import in Japanese');
	});

	test('a file that is not a backup: the restore says why in Japanese', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/#/data');
		await expect(page.getByRole('table', { name: ja['dt.list.caption'] })).toBeVisible({
			timeout: 45_000
		});
		await page
			.getByLabel(ja['dt.bk.file'])
			.setInputFiles(file('古い.hswbackup', ['id,mrr', 'A,1']));
		await page.getByRole('alertdialog').getByRole('button', { name: ja['dt.bk.replace'] }).click();
		const region = page.getByRole('region', { name: ja['dt.bk.title'] });
		await expect(region.getByRole('alert')).toHaveText(
			'このファイルはワークベンチのバックアップとして使えません：「すべてをバックアップ」で作られたファイルではありません。何も変更していません。'
		);
		expect(await englishWords(page, NAMES)).toEqual([]);
		await expectNoViolations(page, 'bad backup in Japanese');
	});

	test('a worker gone after a redeploy: the banner and the Portfolio say so in Japanese', async ({
		page
	}) => {
		test.setTimeout(120_000);
		await missingWorker(page, 'score');
		await redeployed(page);
		await page.goto('/#/portfolio');
		const trouble = page.getByTestId('worker-trouble');
		await expect(trouble).toContainText(ja['prob.worker.updated'], { timeout: 30_000 });
		await expect(page.getByRole('main').getByText(ja['prob.worker.updated']).first()).toBeVisible();
		await expectNoEnglish(page, 'worker failure', ['prob.', 'dt.']);
		expect(english([await trouble.innerText()], [])).toEqual([]);
		await expectNoViolations(page, 'worker failure in Japanese');
	});
});

// QR codes both ways for the workshop (issue 11 item 4): the round link on the facilitator's
// screen and a participant's answer link as QR codes a camera can read, checked by decoding the
// rendered codes with an independent decoder; accessible, and no sideways scrolling on a phone.
import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './pages/axe';
import { readQr } from './pages/qr';

async function startRound(page: Page): Promise<string> {
	await page.goto('/#/workshop');
	const start = page.getByRole('button', { name: 'Start the round' });
	await expect(start).toBeEnabled({ timeout: 45_000 });
	await page.getByLabel('Accounts to rate').fill('3');
	await page.getByLabel('How to pick').selectOption({ label: 'Random' });
	await start.click();
	const link = page.getByLabel('Link for participants');
	await expect(link).toHaveValue(/#\/workshop\?r=[A-Za-z0-9_-]+$/);
	return link.inputValue();
}

/** Rate every card Green with equal-ish points and make the answer code; returns the answer link. */
async function answer(page: Page, name: string): Promise<string> {
	await page.getByLabel('Your name or initials').fill(name);
	const greens = page.getByRole('radio', { name: 'Green' });
	for (let i = 0; i < (await greens.count()); i++) await greens.nth(i).check();
	const points = page.getByRole('spinbutton', { name: /^Points for / });
	const n = await points.count();
	for (let j = 0; j < n; j++)
		await points
			.nth(j)
			.fill(String(j === 0 ? 100 - Math.floor(100 / n) * (n - 1) : Math.floor(100 / n)));
	await page.getByRole('button', { name: 'Make my answer code' }).click();
	return page.getByLabel('Answer link').inputValue();
}

test.describe('workshop QR codes', () => {
	// A sharp screenshot (3 device pixels per CSS pixel), like a phone camera close to the screen.
	test.use({ deviceScaleFactor: 3 });
	test('the round QR on the setup screen holds the link in the text box; the answer QR holds the answer link', async ({
		page,
		browser
	}) => {
		test.setTimeout(90_000);
		const link = await startRound(page);
		const qr = page.getByRole('img', { name: /^QR code holding the participants’ round link/ });
		await expect(qr).toBeVisible();
		// Large enough to scan from a projector: at least 300 CSS px on a laptop screen.
		expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(300);
		expect(await readQr(page, qr)).toBe(link);
		await expectNoViolations(page, 'workshop setup with the round QR');

		const ctx = await browser.newContext();
		const phone = await ctx.newPage();
		await phone.goto(link);
		const answerLink = await answer(phone, 'Dee');
		const aqr = phone.getByRole('img', { name: /^QR code holding the link to your answers/ });
		expect(await readQr(phone, aqr)).toBe(answerLink);
		expect(answerLink).toMatch(/#\/workshop\?a=[A-Za-z0-9_-]+$/);
		await expectNoViolations(phone, 'participant view with the answer QR');
		await ctx.close();
	});

	test('at 375 px the QR codes fit: no sideways scrolling on setup or participant screens', async ({
		browser
	}) => {
		test.setTimeout(90_000);
		const ctx = await browser.newContext({
			viewport: { width: 375, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await ctx.newPage();
		const link = await startRound(page);
		const width = () => page.evaluate(() => document.documentElement.scrollWidth);
		await expect(
			page.getByRole('img', { name: /^QR code holding the participants’ round link/ })
		).toBeVisible();
		expect(await width()).toBeLessThanOrEqual(375);
		await page.goto(link);
		await answer(page, 'Eve');
		await expect(
			page.getByRole('img', { name: /^QR code holding the link to your answers/ })
		).toBeVisible();
		expect(await width()).toBeLessThanOrEqual(375);
		await ctx.close();
	});
});

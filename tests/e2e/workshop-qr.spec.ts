// QR codes both ways for the workshop (issue 11 item 4): the round link on the facilitator's
// screen and a participant's answer link as QR codes a camera can read, checked by decoding the
// rendered codes with an independent decoder; accessible, and no sideways scrolling on a phone.
import { writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encode } from 'uqr';
import { CHROMIUM_ARGS, chromiumExecutable } from '../../scripts/chromium.mjs';
import { expectNoViolations } from './pages/axe';
import { readQr } from './pages/qr';

/**
 * A Y4M video (the raw format Chromium's fake camera reads) showing a QR code of `text`:
 * 640×480 YUV 4:2:0, the modules drawn into the luma plane (dark 16, light 235, video levels)
 * with the standard 4-module quiet zone, `scale` pixels a module, chroma neutral (128). The QR is
 * made here with the generator in Node; the app decodes the camera frames with its own decoder.
 */
function qrVideo(path: string, text: string | null, frames = 3): void {
	const W = 640;
	const H = 480;
	const y = new Uint8Array(W * H).fill(235);
	if (text !== null) {
		const qr = encode(text, { ecc: 'M', border: 4 });
		const scale = Math.floor(Math.min(W, H) / qr.size);
		const x0 = Math.floor((W - qr.size * scale) / 2);
		const y0 = Math.floor((H - qr.size * scale) / 2);
		for (let r = 0; r < qr.size; r++)
			for (let c = 0; c < qr.size; c++)
				if (qr.data[r]![c])
					for (let dy = 0; dy < scale; dy++)
						y.fill(
							16,
							(y0 + r * scale + dy) * W + x0 + c * scale,
							(y0 + r * scale + dy) * W + x0 + (c + 1) * scale
						);
	}
	const uv = new Uint8Array((W / 2) * (H / 2)).fill(128);
	const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`)];
	for (let f = 0; f < frames; f++) parts.push(Buffer.from('FRAME\n'), y, uv, uv);
	writeFileSync(path, Buffer.concat(parts));
}

const FAKE_CAMERA = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'];

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

	test('the facilitator scans a participant’s answer QR with the camera: added as if pasted', async ({
		browser,
		playwright
	}, testInfo) => {
		test.setTimeout(120_000);
		const video = testInfo.outputPath('answer-qr.y4m');
		// The facilitator's browser has a (fake) camera filming the participant's phone.
		qrVideo(video, null);
		const cam = await playwright.chromium.launch({
			executablePath: chromiumExecutable(),
			args: [...CHROMIUM_ARGS, ...FAKE_CAMERA, `--use-file-for-fake-video-capture=${video}`]
		});
		try {
			const ctx = await cam.newContext({
				baseURL: testInfo.project.use.baseURL,
				serviceWorkers: 'block'
			});
			const page = await ctx.newPage();
			const link = await startRound(page);
			const phoneCtx = await browser.newContext();
			const phone = await phoneCtx.newPage();
			await phone.goto(link);
			const answerLink = await answer(phone, 'Dee');
			await phoneCtx.close();
			qrVideo(video, answerLink);

			const scan = page.getByRole('button', { name: 'Scan a participant’s code' });
			await scan.click();
			const dialog = page.getByRole('dialog', { name: 'Scan an answer QR code' });
			await expect(dialog).toBeVisible();
			// The same message as after pasting, in the Answers panel once the dialog has closed.
			await expect(
				page.getByRole('status').filter({ hasText: 'Added Dee’s answers.' })
			).toBeVisible({
				timeout: 20_000
			});
			await expect(dialog).toBeHidden();
			await expect(
				page.getByRole('list', { name: 'Participants' }).getByRole('listitem')
			).toHaveText([/Dee/]);
			// The camera is off once the dialog has closed.
			expect(
				await page.evaluate(() => {
					const v = document.querySelector('dialog video') as HTMLVideoElement | null;
					return v?.srcObject ?? null;
				})
			).toBeNull();

			// A QR code that is not a workshop answer is refused with a message; the dialog stays
			// open (axe-clean) and Esc closes it and the camera; nothing was added.
			qrVideo(video, 'https://example.com/menu');
			await scan.click();
			await expect(dialog.getByRole('alert')).toHaveText(/not a workshop answer code/, {
				timeout: 20_000
			});
			await expectNoViolations(page, 'workshop scanner dialog');
			await page.keyboard.press('Escape');
			await expect(dialog).toBeHidden();
			await expect(scan).toBeFocused();
			await expect(
				page.getByRole('list', { name: 'Participants' }).getByRole('listitem')
			).toHaveCount(1);
			await ctx.close();
		} finally {
			await cam.close();
		}
	});

	test('a refused camera says so and pasting still works; no camera API, no scan button', async ({
		page,
		browser
	}) => {
		test.setTimeout(90_000);
		await page.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () =>
				Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
		});
		await startRound(page);
		await page.getByRole('button', { name: 'Scan a participant’s code' }).click();
		await expect(page.getByRole('alert')).toHaveText(
			/permission was refused\. Paste the answer code/
		);
		await expect(page.getByRole('dialog')).toBeHidden();
		await expect(page.getByLabel('Paste an answer code or link')).toBeEnabled();

		const ctx = await browser.newContext();
		const bare = await ctx.newPage();
		await bare.addInitScript(() => {
			Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
		});
		await startRound(bare);
		await expect(bare.getByRole('button', { name: 'Add answers' })).toBeVisible();
		await expect(bare.getByRole('button', { name: 'Scan a participant’s code' })).toHaveCount(0);
		await ctx.close();
	});
});

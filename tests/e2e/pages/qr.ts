/**
 * Read a QR code off the page as a phone would: the element as the browser rendered it (an
 * element screenshot), decoded in Node by jsQR — a decoder written independently of the app's
 * QR generator. The screenshot is a PNG; it is turned back into pixels by drawing it on a canvas
 * in a blank page, so no PNG library is needed.
 */
import jsQR from 'jsqr';
import type { Locator, Page } from '@playwright/test';

export async function readQr(page: Page, target: Locator): Promise<string | null> {
	const png = await target.screenshot();
	const scratch = await page.context().newPage();
	try {
		const { width, height, data } = await scratch.evaluate(async (b64) => {
			const img = new Image();
			img.src = `data:image/png;base64,${b64}`;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.naturalWidth;
			c.height = img.naturalHeight;
			const g = c.getContext('2d')!;
			g.drawImage(img, 0, 0);
			const px = g.getImageData(0, 0, c.width, c.height).data;
			let bin = '';
			for (let i = 0; i < px.length; i += 0x8000)
				bin += String.fromCharCode(...px.subarray(i, i + 0x8000));
			return { width: c.width, height: c.height, data: btoa(bin) };
		}, png.toString('base64'));
		const rgba = new Uint8ClampedArray(Buffer.from(data, 'base64'));
		return jsQR(rgba, width, height)?.data ?? null;
	} finally {
		await scratch.close();
	}
}

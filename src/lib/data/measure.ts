/**
 * Stage durations go to the browser's User Timing timeline (`performance.measure`), where the
 * devtools' performance panel and the bench page read them; the product keeps no timing tables.
 */

/** Record `name` from `start` (a `performance.now()` reading) to now; returns now. */
export function measureSince(name: string, start: number): number {
	const end = performance.now();
	try {
		performance.measure(name, { start, end });
	} catch {
		// performance.measure with options is missing in old engines: nothing is lost but the entry.
	}
	return end;
}

/**
 * A problem's JSON path (`dimensions[2].metrics[0].weight`) as its steps: field names and
 * 0-based item numbers. The model and recipe problem texts walk these to name each place.
 */
export function pathTokens(path: string): (string | number)[] {
	return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) =>
		m[2] !== undefined ? Number(m[2]) : m[1]!
	);
}

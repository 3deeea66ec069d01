/** Pieces of download file names (locale-free: a file name must read the same everywhere). */

/** Today as ISO `YYYY-MM-DD` (local calendar day). */
export function todayIso(now: Date = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** A file-name slug of a model name: "Q3 model (v2)" → "q3-model-v2"; "model" when nothing is left. */
export function slug(s: string): string {
	return (
		s
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.toLowerCase()
			.replace(/[\s_-]+/g, '-')
			.slice(0, 60) || 'model'
	);
}

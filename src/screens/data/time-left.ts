/**
 * Time left from progress so far, by linear extrapolation: elapsed × (total − done) / done.
 * Null until something was read, and once every byte is read (the work left then — checking
 * the columns — is not measured in bytes: no honest estimate).
 */
export function timeLeftMs(
	doneBytes: number,
	totalBytes: number,
	elapsedMs: number
): number | null {
	if (doneBytes <= 0 || totalBytes <= 0 || elapsedMs <= 0 || doneBytes >= totalBytes) return null;
	return (elapsedMs * (totalBytes - doneBytes)) / doneBytes;
}

/**
 * The dbt package as a zip, made in the browser with fflate (small, maintained, no workers or
 * network needed for a synchronous zip of a few text files). Files sit under one folder.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Zip files (path → text) under `folder/`; fixed timestamps so the same package gives the same bytes. */
export function zipPackage(folder: string, files: ReadonlyMap<string, string>): Uint8Array {
	const tree: Zippable = {};
	const mtime = new Date(Date.UTC(2000, 0, 1));
	for (const [path, text] of files) tree[`${folder}/${path}`] = [strToU8(text), { mtime }];
	return zipSync(tree, { level: 6 });
}

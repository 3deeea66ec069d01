/**
 * Three-way merge of a model edited in two tabs at once: `base` is what this tab last saved or
 * loaded, `mine` what it shows now, `theirs` what another tab saved meanwhile. Fields changed on
 * one side only take that side; lists of things with an `id` (dimensions, metrics, tiers,
 * playbooks) merge item by item; where both sides changed the same field differently, this
 * tab's value wins and the field is named in `conflicts`. Pure; the result is validated by the
 * caller before it is used.
 */
import type { Model } from '$lib/model/types';

/** A step of a conflict's place: a field of the model JSON, or a listed thing by its name. */
export type PathPart = { field: string } | { name: string };

/** One place both tabs changed (this tab's value kept). Worded by `conflictText`. */
export interface MergeConflict {
	/** Where, outermost first (`dimensions`, “Product usage”, `weight`); empty: the whole model. */
	path: PathPart[];
	/** Both changed it; or one tab deleted a listed thing the other changed (kept). */
	kind: 'both' | 'deletedThere' | 'deletedHere';
}

export interface MergeResult {
	model: Model;
	/** Where both tabs changed the same thing (this tab's value kept). */
	conflicts: MergeConflict[];
}

function same(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	return JSON.stringify(a) === JSON.stringify(b);
}

function isObj(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

type WithId = { id: string; name?: unknown };
function isIdList(v: unknown): v is WithId[] {
	return Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === 'string');
}

function label(item: WithId): string {
	return typeof item.name === 'string' && item.name !== '' ? item.name : item.id;
}

function merge(
	base: unknown,
	mine: unknown,
	theirs: unknown,
	path: PathPart[],
	out: MergeConflict[]
): unknown {
	if (same(mine, theirs)) return mine;
	if (same(base, mine)) return theirs;
	if (same(base, theirs)) return mine;
	if (isObj(mine) && isObj(theirs)) {
		const b = isObj(base) ? base : {};
		const result: Record<string, unknown> = {};
		const keys = [...Object.keys(theirs), ...Object.keys(mine).filter((k) => !(k in theirs))];
		for (const k of keys) {
			const v = merge(b[k], mine[k], theirs[k], [...path, { field: k }], out);
			if (v !== undefined) result[k] = v;
		}
		return result;
	}
	if (isIdList(mine) && isIdList(theirs)) {
		const b = isIdList(base) ? base : [];
		const byId = (list: WithId[]) => new Map(list.map((x) => [x.id, x]));
		const [bm, mm, tm] = [byId(b), byId(mine), byId(theirs)];
		const order = [
			...theirs.map((x) => x.id),
			...mine.filter((x) => !tm.has(x.id)).map((x) => x.id)
		];
		const result: unknown[] = [];
		for (const id of order) {
			const [bi, mi, ti] = [bm.get(id), mm.get(id), tm.get(id)];
			const where: PathPart[] = [...path, { name: label((mi ?? ti ?? bi)!) }];
			if (mi && ti) result.push(merge(bi, mi, ti, where, out));
			else if (mi) {
				// Not in theirs: added here (keep) or deleted there (drop, unless changed here).
				if (!bi) result.push(mi);
				else if (!same(bi, mi)) {
					out.push({ path: where, kind: 'deletedThere' });
					result.push(mi);
				}
			} else if (ti) {
				// Not in mine: deleted here (drop, unless the other tab changed it) or added there.
				if (!bi) result.push(ti);
				else if (!same(bi, ti)) {
					out.push({ path: where, kind: 'deletedHere' });
					result.push(ti);
				}
			}
		}
		return result;
	}
	out.push({ path, kind: 'both' });
	return mine;
}

/** Merge `mine` and `theirs` over their common `base`. */
export function mergeModels(base: Model, mine: Model, theirs: Model): MergeResult {
	const conflicts: MergeConflict[] = [];
	const model = merge(base, mine, theirs, [], conflicts) as Model;
	return { model, conflicts };
}

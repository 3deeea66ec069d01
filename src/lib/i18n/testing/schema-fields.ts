import type * as v from 'valibot';

/**
 * Every field name a valibot schema can hold (object entries, through optional, nullable,
 * array, union and pipe wrappers): the catalog tests check each has its words.
 */
export function schemaFields(schema: unknown): Set<string> {
	const fields = new Set<string>();
	const walk = (s: unknown): void => {
		const node = s as {
			entries?: Record<string, unknown>;
			wrapped?: unknown;
			item?: unknown;
			options?: unknown;
			pipe?: unknown[];
		};
		if (node.entries)
			for (const [k, e] of Object.entries(node.entries)) {
				fields.add(k);
				walk(e);
			}
		for (const x of [
			node.wrapped,
			node.item,
			...(Array.isArray(node.options) ? node.options : []),
			...(node.pipe ?? [])
		])
			if (x && typeof x === 'object') walk(x);
	};
	walk(schema);
	return fields;
}

/** A valibot issue of a check no catalog knows (a custom one), with its English message. */
export function unknownCheckIssue(message: string): v.BaseIssue<unknown> {
	return {
		kind: 'validation',
		type: 'custom',
		input: 1,
		expected: null,
		received: '1',
		message
	} as v.BaseIssue<unknown>;
}

/** The workshop's decision log: what was decided, when, by whom. Pure. */

export interface Decision {
	/** What was decided, in the room's words. */
	what: string;
	/** Who decided (names or "the room"). */
	who: string;
	/** When, ISO date-time (UTC), as recorded by the caller. */
	when: string;
}

export const MAX_DECISION_CHARS = 500;

/** Why an entry was refused (the screen words it in the user's language). */
export type DecisionProblem = 'need-what' | 'long-what' | 'need-who' | 'long-who';

/** Check a new entry; returns the cleaned entry or which field is wrong. */
export function checkDecision(
	what: string,
	who: string,
	when: string
): { ok: true; decision: Decision } | { ok: false; problem: DecisionProblem } {
	const w = what.trim();
	const by = who.trim();
	if (!w) return { ok: false, problem: 'need-what' };
	if (w.length > MAX_DECISION_CHARS) return { ok: false, problem: 'long-what' };
	if (!by) return { ok: false, problem: 'need-who' };
	if (by.length > 200) return { ok: false, problem: 'long-who' };
	return { ok: true, decision: { what: w, who: by, when } };
}

/** `2026-11-30 16:05 UTC` from an ISO date-time. */
export function decisionTime(iso: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
	return m ? `${m[1]} ${m[2]} UTC` : iso;
}

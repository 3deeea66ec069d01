/**
 * The facilitator's workshop state: the current blind-rating round (with the dataset rows behind
 * its cards), the answers merged so far, and the decision log. Kept in this browser's
 * localStorage (small JSON), so a reload or a participant link opened in the same browser finds
 * the round again; the decision log goes onto the model card.
 */
import type { MessageKey } from '$lib/i18n/en';
import type { Answer } from '$lib/workshop/codes';
import { decodeAnswer } from '$lib/workshop/codes';
import type { Decision } from '$lib/workshop/log';
import type { Round } from '$lib/workshop/round';

const KEY = 'hsw-workshop-v1';

interface Saved {
	round: Round | null;
	answers: Answer[];
	decisions: Decision[];
}

function storage(): Storage | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

function load(): Saved {
	const empty: Saved = { round: null, answers: [], decisions: [] };
	try {
		const raw = storage()?.getItem(KEY);
		if (!raw) return empty;
		const x = JSON.parse(raw) as Partial<Saved>;
		return {
			round: x.round && Array.isArray(x.round.cards) ? x.round : null,
			answers: Array.isArray(x.answers) ? x.answers : [],
			decisions: Array.isArray(x.decisions) ? x.decisions : []
		};
	} catch {
		return empty;
	}
}

/** What adding an answer did, as a message key and its values (the screen words it). */
export interface AddResult {
	ok: boolean;
	key: MessageKey;
	params: Record<string, string | number>;
}

export class WorkshopState {
	round = $state.raw<Round | null>(null);
	answers = $state.raw<Answer[]>([]);
	decisions = $state.raw<Decision[]>([]);

	constructor() {
		const s = load();
		this.round = s.round;
		this.answers = s.answers;
		this.decisions = s.decisions;
	}

	#save(): void {
		try {
			storage()?.setItem(
				KEY,
				JSON.stringify({ round: this.round, answers: this.answers, decisions: this.decisions })
			);
		} catch {
			// Storage full or blocked: the workshop still works for this page's lifetime.
		}
	}

	/** Start a new round; previous answers belonged to the old one and are dropped. */
	startRound(round: Round): void {
		this.round = round;
		this.answers = [];
		this.#save();
	}

	/**
	 * Merge an answer code (or link). A bad code changes nothing; the result says what happened.
	 * A second code from the same name replaces the first (a participant who changed their mind).
	 */
	async addAnswer(text: string): Promise<AddResult> {
		const round = this.round;
		if (!round) return { ok: false, key: 'ws.state.noRound', params: {} };
		const d = await decodeAnswer(text, round);
		if (!d.ok) return { ok: false, key: `ws.err.${d.reason}`, params: d.params };
		const a = d.value;
		if (this.round !== round) return { ok: false, key: 'ws.state.changed', params: {} };
		const same = this.answers.findIndex((x) => x.name.toLowerCase() === a.name.toLowerCase());
		if (same >= 0) {
			this.answers = this.answers.map((x, i) => (i === same ? a : x));
			this.#save();
			return { ok: true, key: 'ws.state.replaced', params: { name: a.name } };
		}
		this.answers = [...this.answers, a];
		this.#save();
		return { ok: true, key: 'ws.state.added', params: { name: a.name } };
	}

	removeAnswer(name: string): void {
		this.answers = this.answers.filter((a) => a.name !== name);
		this.#save();
	}

	addDecision(d: Decision): void {
		this.decisions = [...this.decisions, d];
		this.#save();
	}

	removeDecision(index: number): void {
		this.decisions = this.decisions.filter((_, i) => i !== index);
		this.#save();
	}
}

export const workshop = new WorkshopState();

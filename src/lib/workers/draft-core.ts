/**
 * The draft worker's logic, runnable in-process (tests) or in the module worker: drafts a model
 * from the input and, when there is an outcome, cross-validates it beside a plain logistic
 * regression; progress between the two steps; an error becomes a `draft/error` reply.
 */
import { draftModel, validateDraft } from '$lib/draft';
import type { DraftReply, DraftRequest } from './draft-protocol';

export function handleDraftRequest(msg: DraftRequest, post: (reply: DraftReply) => void): void {
	try {
		post({ type: 'draft/progress', id: msg.id, stage: 'Drafting…' });
		const result = draftModel(msg.input);
		let validation = null;
		if (result.hasOutcome && result.metrics.length) {
			post({
				type: 'draft/progress',
				id: msg.id,
				stage: 'Cross-validating the draft beside a logistic regression…'
			});
			validation = validateDraft(msg.input);
		}
		post({ type: 'draft/result', id: msg.id, result, validation });
	} catch (err) {
		const detail = err instanceof Error ? err.message : String(err);
		post({ type: 'draft/error', id: msg.id, message: `The draft failed: ${detail}`, detail });
	}
}

/**
 * Messages between the draft state (Model screen) and the draft worker. A request carries the
 * whole draft input (only the columns it reads); replies echo its id, so the page drops replies
 * to a draft it has superseded. Failures come back as data (`draft/error`), never as a throw.
 */
import type { DraftInput, DraftResult, DraftValidation } from '$lib/draft';

export interface DraftRunRequest {
	type: 'draft/run';
	id: number;
	input: DraftInput;
}

export type DraftRequest = DraftRunRequest;

export type DraftReply =
	| { type: 'draft/progress'; id: number; stage: string }
	/** The draft and, with an outcome, its cross-validation beside a logistic regression. */
	| { type: 'draft/result'; id: number; result: DraftResult; validation: DraftValidation | null }
	/** `message` in English for logs; `detail` the raw error the screen puts after its lead. */
	| { type: 'draft/error'; id: number; message: string; detail: string };

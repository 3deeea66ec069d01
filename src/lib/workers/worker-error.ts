/**
 * Failures inside a worker that the screen can name: a code beside the English message (logs,
 * Node). `workerErrorText` (`src/lib/i18n/model-issue-text.ts`) says a coded one in the UI
 * language and any other as a translated lead sentence with the raw detail after it.
 */
export type WorkerErrorCode = 'no-dataset' | 'needs-dates' | 'needs-churned';

/** An error whose cause the worker knows: it travels to the page as `code`. */
export class CodedError extends Error {
	constructor(
		readonly code: WorkerErrorCode,
		message: string
	) {
		super(message);
	}
}

/** The `code` and `message` an error reply carries for any thrown value. */
export function errorFields(err: unknown): { code?: WorkerErrorCode; message: string } {
	const message = err instanceof Error ? err.message : String(err);
	return err instanceof CodedError ? { code: err.code, message } : { message };
}

/**
 * Module worker that reads CSV files off the main thread: encoding, dialect, streamed parse,
 * profile, and (on request) the typed build. Created with
 * `new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { createParseSession } from './parse-session';
import type { ParseWorkerReply, ParseWorkerRequest } from './parse-protocol';

const scope = self as unknown as {
	postMessage(message: ParseWorkerReply, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ParseWorkerRequest>) => void) | null;
};

const session = createParseSession((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => session.handle(event.data);

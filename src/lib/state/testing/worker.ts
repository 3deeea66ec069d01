/** Test helper: the real CSV parse session run in-process behind the `Worker` interface. */
import type { WorkerLike } from '$lib/workers/parse-client';
import { createParseSession } from '$lib/workers/parse-session';
import type { ParseWorkerReply, ParseWorkerRequest } from '$lib/workers/parse-protocol';

/** The real parse session, run in-process behind the Worker interface. */
export function inProcessWorker(): WorkerLike {
	const worker: WorkerLike = {
		onmessage: null,
		postMessage(message: ParseWorkerRequest) {
			session.handle(message);
		},
		terminate() {}
	};
	const session = createParseSession((reply: ParseWorkerReply) => {
		setTimeout(() => worker.onmessage?.({ data: reply } as MessageEvent<ParseWorkerReply>), 0);
	});
	return worker;
}

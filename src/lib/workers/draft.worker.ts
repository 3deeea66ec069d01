/// <reference lib="webworker" />
/** Draft worker: "Draft a model from my data" off the main thread (see draft-core.ts). */
import { handleDraftRequest } from './draft-core';
import type { DraftReply, DraftRequest } from './draft-protocol';

const post = (msg: DraftReply) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg);

self.onmessage = (e: MessageEvent<DraftRequest>) => handleDraftRequest(e.data, post);

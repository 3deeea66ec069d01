/**
 * Cross-tab change notices over `BroadcastChannel('hsw')`: when one tab saves, the others hear
 * what changed and refresh. Only topics and ids travel, never data. A no-op where the API is
 * missing.
 */

/** What changed. */
export type ChangeTopic =
	'datasets' | 'active-dataset' | 'models' | 'mappings' | 'settings' | 'backtests';

export interface ChangeMessage {
	topic: ChangeTopic;
	/** Id (dataset, model, backtest) or key (setting) concerned, when there is one. */
	id?: string;
}

export interface ChangeChannel {
	/** Tell the other tabs (a channel does not hear its own messages). */
	post(message: ChangeMessage): void;
	/** Listen to the other tabs; returns the unsubscribe function. */
	subscribe(listener: (message: ChangeMessage) => void): () => void;
	close(): void;
}

export const CHANNEL_NAME = 'hsw';

const TOPICS = new Set<string>([
	'datasets',
	'active-dataset',
	'models',
	'mappings',
	'settings',
	'backtests'
]);

function isChangeMessage(v: unknown): v is ChangeMessage {
	if (typeof v !== 'object' || v === null) return false;
	const m = v as { topic?: unknown; id?: unknown };
	return (
		typeof m.topic === 'string' &&
		TOPICS.has(m.topic) &&
		(m.id === undefined || typeof m.id === 'string')
	);
}

/** A channel that does nothing (no BroadcastChannel, or in-memory mode). */
export function silentChannel(): ChangeChannel {
	return { post() {}, subscribe: () => () => {}, close() {} };
}

/** Open the app's change channel; falls back to `silentChannel()` without BroadcastChannel. */
export function openChangeChannel(name = CHANNEL_NAME): ChangeChannel {
	if (typeof BroadcastChannel === 'undefined') return silentChannel();
	const channel = new BroadcastChannel(name);
	const listeners = new Set<(m: ChangeMessage) => void>();
	channel.onmessage = (event: MessageEvent<unknown>) => {
		// Messages come from other tabs of the same origin, but check their shape anyway.
		if (!isChangeMessage(event.data)) return;
		const message: ChangeMessage =
			event.data.id === undefined
				? { topic: event.data.topic }
				: { topic: event.data.topic, id: event.data.id };
		for (const l of listeners) l(message);
	};
	let closed = false;
	return {
		post(message) {
			if (!closed) channel.postMessage(message);
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			closed = true;
			listeners.clear();
			channel.close();
		}
	};
}

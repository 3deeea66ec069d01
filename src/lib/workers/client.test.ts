import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	FAILURE_MESSAGES,
	LatestLane,
	WorkerClient,
	type WorkerFailure,
	type WorkerLike
} from './client';

interface Req {
	id: number;
	ask: string;
}
interface Rep {
	id: number;
	kind: 'progress' | 'done';
}

/** A worker the test drives: it records requests, and the test makes it reply or fail. */
class Fake implements WorkerLike<Req, Rep> {
	onmessage: ((e: MessageEvent<Rep>) => void) | null = null;
	onerror: ((e: Event) => void) | null = null;
	sent: Req[] = [];
	terminated = false;
	postMessage(m: Req): void {
		this.sent.push(m);
	}
	reply(r: Rep): void {
		this.onmessage?.({ data: r } as MessageEvent<Rep>);
	}
	fail(): void {
		this.onerror?.(new Event('error'));
	}
	terminate(): void {
		this.terminated = true;
	}
}

function setup(opts: { diagnose?: 'updated' | 'blocked'; create?: () => Fake } = {}) {
	const workers: Fake[] = [];
	const replies: Rep[] = [];
	const failures: WorkerFailure[] = [];
	const client = new WorkerClient<Req, Rep>({
		create:
			opts.create ??
			(() => {
				const w = new Fake();
				workers.push(w);
				return w;
			}),
		onReply: (r) => replies.push(r),
		onFailure: (f) => failures.push(f),
		isFinal: (r) => r.kind === 'done',
		diagnose: () => Promise.resolve(opts.diagnose ?? 'blocked'),
		startupMs: 1000,
		timeoutMs: 5000
	});
	return { client, workers, replies, failures };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('WorkerClient', () => {
	it('numbers requests and drops the replies of forgotten ones', () => {
		const { client, workers, replies } = setup();
		const a = client.send((id) => ({ id, ask: 'a' }));
		const b = client.send((id) => ({ id, ask: 'b' }));
		expect([a, b]).toEqual([1, 2]);
		expect(workers).toHaveLength(1);
		expect(workers[0]!.sent).toEqual([
			{ id: 1, ask: 'a' },
			{ id: 2, ask: 'b' }
		]);
		client.forget(a);
		workers[0]!.reply({ id: a, kind: 'done' });
		workers[0]!.reply({ id: b, kind: 'progress' });
		workers[0]!.reply({ id: b, kind: 'done' });
		expect(replies).toEqual([
			{ id: b, kind: 'progress' },
			{ id: b, kind: 'done' }
		]);
		expect(client.busy).toBe(false);
	});

	it('a worker file that fails to load (404 after a redeploy) is reported, not waited for', async () => {
		const { client, workers, failures } = setup({ diagnose: 'updated' });
		client.send((id) => ({ id, ask: 'a' }));
		workers[0]!.fail();
		await vi.advanceTimersByTimeAsync(0);
		expect(failures).toEqual([{ kind: 'updated', message: FAILURE_MESSAGES.updated }]);
		expect(failures[0]!.message).toBe('The app was updated — reload to continue.');
		expect(workers[0]!.terminated).toBe(true);
		expect(client.busy).toBe(false);
		// The next request gets a fresh worker.
		client.send((id) => ({ id, ask: 'b' }));
		expect(workers).toHaveLength(2);
	});

	it('a worker the browser refuses to create is reported at once', () => {
		const { client, failures } = setup({
			create: () => {
				throw new DOMException('refused', 'SecurityError');
			}
		});
		expect(client.send((id) => ({ id, ask: 'a' }))).toBe(0);
		expect(failures.map((f) => f.kind)).toEqual(['blocked']);
		expect(failures[0]!.message).toBe(
			'This browser blocked a background task — reload to try again.'
		);
	});

	it('start-up check: no first reply within startupMs → blocked', async () => {
		const { client, failures } = setup();
		client.send((id) => ({ id, ask: 'a' }));
		await vi.advanceTimersByTimeAsync(999);
		expect(failures).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(failures.map((f) => f.kind)).toEqual(['blocked']);
	});

	it('timeout: progress keeps a request alive; silence past timeoutMs ends it', async () => {
		const { client, workers, failures } = setup();
		const id = client.send((id) => ({ id, ask: 'a' }));
		workers[0]!.reply({ id, kind: 'progress' });
		for (let k = 0; k < 3; k++) {
			await vi.advanceTimersByTimeAsync(4000);
			workers[0]!.reply({ id, kind: 'progress' });
		}
		expect(failures).toEqual([]);
		await vi.advanceTimersByTimeAsync(5000);
		expect(failures.map((f) => f.kind)).toEqual(['timeout']);
		expect(workers[0]!.terminated).toBe(true);
	});

	it('no timer runs while nothing waits', async () => {
		const { client, workers, failures } = setup();
		const id = client.send((id) => ({ id, ask: 'a' }));
		workers[0]!.reply({ id, kind: 'done' });
		await vi.advanceTimersByTimeAsync(60_000);
		expect(failures).toEqual([]);
	});

	it('a crash after start-up is reported as a crash', () => {
		const { client, workers, failures } = setup();
		const id = client.send((id) => ({ id, ask: 'a' }));
		workers[0]!.reply({ id, kind: 'progress' });
		workers[0]!.fail();
		expect(failures.map((f) => f.kind)).toEqual(['crashed']);
	});

	it('restart() ends the worker without a failure; late replies of the old one are dropped', () => {
		const { client, workers, replies, failures } = setup();
		const a = client.send((id) => ({ id, ask: 'slow' }));
		const old = workers[0]!;
		client.restart();
		expect(old.terminated).toBe(true);
		const b = client.send((id) => ({ id, ask: 'small' }));
		expect(workers).toHaveLength(2);
		old.reply({ id: a, kind: 'done' });
		workers[1]!.reply({ id: b, kind: 'done' });
		expect(replies).toEqual([{ id: b, kind: 'done' }]);
		expect(failures).toEqual([]);
	});
});

describe('LatestLane', () => {
	it('runs one at a time and keeps only the newest waiting value', () => {
		const started: number[] = [];
		const lane = new LatestLane<number>((v) => started.push(v));
		lane.push(1);
		lane.push(2);
		lane.push(3);
		expect(started).toEqual([1]);
		expect(lane.hasQueued).toBe(true);
		lane.done();
		expect(started).toEqual([1, 3]);
		lane.done();
		expect(lane.busy).toBe(false);
		lane.push(4);
		expect(started).toEqual([1, 3, 4]);
		lane.reset();
		lane.push(5);
		expect(started).toEqual([1, 3, 4, 5]);
	});
});

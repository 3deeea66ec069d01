import { describe, expect, it } from 'vitest';
import type { ParseWorkerReply, ParseWorkerRequest } from './parse-protocol';
import { ParseClient, type WorkerLike } from './parse-client';
import { createParseSession, packColumn, packedCell, unpackColumn } from './parse-session';
import { fixture } from '$lib/data/csv/testing/helpers';

/** Runs the worker's session in-process; replies are structured-cloned, as postMessage does. */
class FakeWorker implements WorkerLike {
	onmessage: ((event: MessageEvent<ParseWorkerReply>) => void) | null = null;
	sent: ParseWorkerRequest[] = [];
	session = createParseSession((msg) => {
		const data = structuredClone(msg);
		setTimeout(() => this.onmessage?.({ data } as MessageEvent<ParseWorkerReply>), 0);
	});
	postMessage(message: ParseWorkerRequest): void {
		this.sent.push(message);
		this.session.handle(message);
	}
	terminate(): void {}
}

describe('packed columns', () => {
	it.each([[['a', '', 'bc', '"x,y"\n', '山']], [[]], [['']]])('round trip %j', (cells) => {
		const p = packColumn(cells);
		expect(unpackColumn(p)).toEqual(cells);
		cells.forEach((c, i) => expect(packedCell(p, i)).toBe(c));
	});
});

describe('ParseClient + session', () => {
	it('parses in the "worker", reports progress, returns profiles and packed columns', async () => {
		const client = new ParseClient(() => new FakeWorker());
		const progress: number[] = [];
		const text =
			'id,score,churned\n' +
			Array.from({ length: 3000 }, (_, i) => `A${i},${i % 7},${i % 3 ? 'No' : 'Yes'}`).join('\n');
		const out = await client.parse(text, { chunkBytes: 4096 }, (p) => progress.push(p.rows));
		expect(out.status).toBe('ok');
		if (out.status !== 'ok') return;
		expect(out.file.rows).toBe(3000);
		expect(out.file.profiles.map((p) => [p.name, p.type, p.role])).toEqual([
			['id', 'text', 'account-id'],
			['score', 'number', 'metric'],
			['churned', 'boolean', 'churned']
		]);
		expect(unpackColumn(out.file.columns[0]!).slice(0, 2)).toEqual(['A0', 'A1']);
		expect(out.file.rowNumbers[0]).toBe(2);
		expect(progress.at(-1)).toBe(3000);

		const built = await client.build(
			out.parseId,
			out.file.profiles.map((p) => ({ index: p.index, role: p.role, type: p.type }))
		);
		expect(built.status).toBe('built');
		if (built.status !== 'built' || !built.result.ok) throw new Error('build failed');
		const churned = built.result.table.columns.get('churned');
		expect(churned?.kind === 'number' && churned.values.reduce((s, x) => s + x, 0)).toBe(1000);
	});

	it('a new parse supersedes the previous one: old resolves cancelled, its replies dropped', async () => {
		const worker = new FakeWorker();
		const client = new ParseClient(() => worker);
		const big = 'a,b\n' + '1,2\n'.repeat(200_000);
		const first = client.parse(big, { chunkBytes: 1024 });
		const second = client.parse('x,y\n1,2\n');
		expect(await first).toEqual({ status: 'cancelled' });
		const s = await second;
		expect(s.status === 'ok' && s.file.headers).toEqual(['x', 'y']);
		expect(worker.sent.map((m) => m.type)).toEqual(['parse', 'cancel', 'parse']);
	});

	it('cancel resolves cancelled', async () => {
		const client = new ParseClient(() => new FakeWorker());
		const p = client.parse('a,b\n' + '1,2\n'.repeat(100_000), { chunkBytes: 1024 });
		client.cancel();
		expect(await p).toEqual({ status: 'cancelled' });
	});

	it('blocking issues and the encoding picker come back as outcomes', async () => {
		const client = new ParseClient(() => new FakeWorker());
		const blocked = await client.parse(new Blob([fixture('unbalanced-quote.csv')]));
		expect(blocked.status === 'blocked' && blocked.issues[0]!.code).toBe('MissingQuotes');
		const enc = await client.parse(new Blob([fixture('shift-jis.csv')]));
		expect(enc.status === 'needs-encoding' && enc.guess).toBe('shift_jis');
		const ok = await client.parse(new Blob([fixture('shift-jis.csv')]), { encoding: 'shift_jis' });
		expect(ok.status === 'ok' && ok.file.headers[0]).toBe('顧客ID');
	});

	it('build after the parse was released → error outcome', async () => {
		const client = new ParseClient(() => new FakeWorker());
		const out = await client.parse('id,v\na,1\n');
		if (out.status !== 'ok') throw new Error(out.status);
		client.release(out.parseId);
		const built = await client.build(out.parseId, [{ index: 0, role: 'account-id', type: 'text' }]);
		expect(built.status).toBe('error');
	});
});

describe('ParseClient cancel and failures', () => {
	/** A worker stuck on its file: it never answers. */
	class StuckWorker implements WorkerLike {
		onmessage: ((event: MessageEvent<ParseWorkerReply>) => void) | null = null;
		onerror: ((event: Event) => void) | null = null;
		terminated = false;
		postMessage(): void {}
		terminate(): void {
			this.terminated = true;
		}
	}

	it('Cancel ends a stuck worker; a fresh worker reads the next file at once', async () => {
		const stuck = new StuckWorker();
		const made: WorkerLike[] = [];
		const client = new ParseClient(() => {
			const w = made.length === 0 ? stuck : new FakeWorker();
			made.push(w);
			return w;
		});
		const slow = client.parse('id,x\n' + 'A,1\n'.repeat(10));
		client.cancel();
		expect(await slow).toEqual({ status: 'cancelled' });
		expect(stuck.terminated).toBe(true);
		const next = await client.parse('id,score\nA1,3\nA2,4\n');
		expect(next.status).toBe('ok');
		if (next.status === 'ok') expect(next.file.rows).toBe(2);
		expect(made).toHaveLength(2);
		client.dispose();
	});

	it('a worker that fails to load resolves the waiting parse with a message', async () => {
		const failures: string[] = [];
		const stuck = new StuckWorker();
		const client = new ParseClient(() => stuck, { onFailure: (f) => failures.push(f.kind) });
		const out = client.parse('id,x\nA,1\n');
		stuck.onerror?.(new Event('error'));
		const r = await out;
		expect(r.status).toBe('error');
		if (r.status === 'error') expect(r.message).toMatch(/reload/);
		expect(failures).toHaveLength(1);
		expect(stuck.terminated).toBe(true);
	});
});

import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError, type StorageErrorCode } from './errors';

const dom = (name: string, message = name) => new DOMException(message, name);
const withProp = (e: object, key: string, value: unknown) => Object.assign(e, { [key]: value });

describe('toStorageError', () => {
	it.each<[string, unknown, StorageErrorCode]>([
		['QuotaExceededError', dom('QuotaExceededError'), 'quota'],
		[
			'AbortError with inner QuotaExceededError (Dexie shape)',
			withProp(dom('AbortError'), 'inner', dom('QuotaExceededError')),
			'quota'
		],
		[
			'AbortError with cause QuotaExceededError',
			new Error('aborted', { cause: dom('QuotaExceededError') }),
			'quota'
		],
		[
			'abort event whose target (the transaction) has the quota error',
			{ type: 'abort', target: { error: dom('QuotaExceededError') } },
			'quota'
		],
		['request-like object with .error', { error: dom('QuotaExceededError') }, 'quota'],
		['Firefox legacy name', { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: '' }, 'quota'],
		['Safari UnknownError about disk space', dom('UnknownError', 'Not enough disk space'), 'quota'],
		['VersionError', dom('VersionError'), 'version'],
		['InvalidStateError (connection closing)', dom('InvalidStateError'), 'closed'],
		['SecurityError (storage blocked)', dom('SecurityError'), 'unavailable'],
		['ConstraintError', dom('ConstraintError'), 'conflict'],
		['plain AbortError', dom('AbortError'), 'aborted'],
		['something else', new TypeError('boom'), 'unknown'],
		['a string', 'boom', 'unknown']
	])('%s → %s', (_name, input, code) => {
		const e = toStorageError(input);
		expect(e).toBeInstanceOf(StorageError);
		expect(e.code).toBe(code);
	});

	it('says what to do when storage is full', () => {
		const e = toStorageError(withProp(dom('AbortError'), 'inner', dom('QuotaExceededError')));
		expect(e.message).toMatch(/^Storage is full: export your model and delete a dataset/);
	});

	it('names a newer app version', () => {
		expect(toStorageError(dom('VersionError')).message).toMatch(
			/saved by a newer version of the app/
		);
	});

	it('passes a StorageError through unchanged and keeps the original as cause', () => {
		const s = new StorageError('conflict');
		expect(toStorageError(s)).toBe(s);
		const original = new TypeError('boom');
		const u = toStorageError(original);
		expect(u.cause).toBe(original);
		expect(u.message).toContain('boom');
	});

	it('survives cyclic error chains', () => {
		const a: { name: string; inner?: unknown } = { name: 'AbortError' };
		a.inner = a;
		expect(toStorageError(a).code).toBe('aborted');
	});
});

/**
 * Messages between the portfolio state and the score worker (a discriminated union; re-exported
 * from protocol.ts). Every request carries an id; the reply echoes it so superseded replies can be
 * dropped.
 */
import type { Column, Model } from '$lib/model/types';
import type { WorkerErrorCode } from './worker-error';

/** Post the table once per dataset (typed arrays are structured-cloned: the page keeps its own). */
export interface ScoreTableRequest {
	type: 'score/table';
	id: number;
	n: number;
	columns: [string, Column][];
	/** Rows on show (latest snapshot per account); null = every row. */
	rows: Int32Array | null;
}

/**
 * Score the held table with a model. The reply always carries the histogram and tier counts of
 * the rows on show; the per-row arrays only with `arrays` (a slider drag needs only the summary,
 * so the page asks for the arrays once the model settles: the same model again with `arrays`,
 * which the worker's caches turn into one pass over the dimension columns).
 */
export interface ScoreModelRequest {
	type: 'score/model';
	id: number;
	model: Model;
	/** Also send score, shown, tier (and belowFloor) of every row, transferred. Default false. */
	arrays?: boolean;
	/**
	 * Also send each dimension's score of every row (`dimensions`, transferred; implies `arrays`):
	 * for exports and drivers, so the page never re-scores the table itself. Default false.
	 */
	dimensions?: boolean;
}

export type ScoreRequest = ScoreTableRequest | ScoreModelRequest;

export interface ScoreTableReady {
	type: 'score/table-ready';
	id: number;
}

/** Summary of the rows on show: histogram of shown scores and tier counts. */
export interface ScoreSummaryFields {
	/** Accounts on show per shown score 0…100. */
	histogram: Uint32Array;
	baseHistogram: Uint32Array;
	fixedTierCounts: Uint32Array;
	tierCounts: Uint32Array;
	notScored: number;
	total: number;
}

/** Per-row results of every row (transferred). */
export interface ScoreArrays {
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	/**
	 * Dimension score columns, model order (NaN = no metric available); empty unless the request
	 * asked for `dimensions`.
	 */
	dimensions: Float64Array[];
	/** Bit d set when dimension d is under its floor (null when no dimension has a floor). */
	belowFloor: Uint32Array | null;
}

interface ResultMeta {
	type: 'score/result';
	id: number;
	reusedPoints: boolean;
	/** Time the worker spent scoring, ms. */
	workerMs: number;
}

/** Reply to a request with `arrays`: the summary and every row's scores. */
export interface ScoreResultReply extends ResultMeta, ScoreSummaryFields, ScoreArrays {
	full: true;
}

/** Reply to a request without `arrays`: the summary only. */
export interface ScoreSummaryReply extends ResultMeta, ScoreSummaryFields {
	full: false;
}

export interface ScoreErrorReply {
	type: 'score/error';
	id: number;
	/** A failure the screen can name (`workerErrorText`); `message` is the raw detail. */
	code?: WorkerErrorCode;
	message: string;
}

export type ScoreReply = ScoreTableReady | ScoreResultReply | ScoreSummaryReply | ScoreErrorReply;

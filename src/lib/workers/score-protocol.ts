/**
 * Messages between the portfolio state and the score worker (a discriminated union; re-exported
 * from protocol.ts). Every request carries an id; the reply echoes it so superseded replies can be
 * dropped.
 */
import type { Column, Model } from '$lib/model/types';

/** Post the table once per dataset (typed arrays are structured-cloned: the page keeps its own). */
export interface ScoreTableRequest {
	type: 'score/table';
	id: number;
	n: number;
	columns: [string, Column][];
	/** Rows on show (latest snapshot per account); null = every row. */
	rows: Int32Array | null;
}

/** Score the held table with a model. */
export interface ScoreModelRequest {
	type: 'score/model';
	id: number;
	model: Model;
}

export type ScoreRequest = ScoreTableRequest | ScoreModelRequest;

export interface ScoreTableReady {
	type: 'score/table-ready';
	id: number;
}

/** Scores of every row (transferred) and the summary of the rows on show. */
export interface ScoreResultReply {
	type: 'score/result';
	id: number;
	score: Float64Array;
	shown: Float64Array;
	tier: Int8Array;
	dimensions: Float64Array[];
	/** Bit d set when dimension d is under its floor (null when no dimension has a floor). */
	belowFloor: Uint32Array | null;
	histogram: Uint32Array;
	baseHistogram: Uint32Array;
	fixedTierCounts: Uint32Array;
	tierCounts: Uint32Array;
	notScored: number;
	total: number;
	reusedPoints: boolean;
	/** Time the worker spent scoring, ms. */
	workerMs: number;
}

export interface ScoreErrorReply {
	type: 'score/error';
	id: number;
	message: string;
}

export type ScoreReply = ScoreTableReady | ScoreResultReply | ScoreErrorReply;

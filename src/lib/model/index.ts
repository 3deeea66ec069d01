/** Public API of the scoring engine (pure TS: runs in the page, in workers and in Node). */
export * from './types';
export { validateModel, modelSizeIssue, MAX_MODEL_FILE_CHARS } from './validate';
export { migrateModel, readSchemaVersion } from './migrate';
export { ModelSchema, ID_PATTERN } from './schema';
export { schemePoints, pointsFromNumber, pointsFromString } from './schemes';
export { percentilePoints } from './percentile';
export { computeMetricPoints, combineScores, scoreTable, showScore, tierIndexFor } from './score';
export { scoreAccount, accountTable } from './account';
export { rankDrivers, pointsNeededFor, formatRaw, optionText } from './explain';
export { rawTarget } from './inverse';
export { accountFlags, modelWarnings } from './flags';
export { allMetrics, metricPath } from './structure';
export { applyOverride, effectiveModels, segmentGroups, segmentKeys } from './segments';
export { combinePlan } from './engine/plan';
export {
	TEMPLATES,
	DEFAULT_TIERS,
	WORKED_EXAMPLE,
	templateById,
	borrowedIdentity
} from './templates';

/** The model as a dbt package: models per stage, contract, data and unit tests, README. */
export { buildDbtPackage, DBT_MODELS, DBT_SOURCE, dbtName, type DbtPackageInput } from './package';
export { unitSample, type UnitSample } from './sample';
export { contractColumns, modelVersion, CONTRACT_COLUMNS } from './contract';
export { zipPackage } from './zip';

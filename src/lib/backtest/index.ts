/** Public API of the pure backtest core (no DOM, Svelte, idb or d3: runs in workers and Node). */
export * from './wilson';
export * from './rng';
export * from './groups';
export * from './metrics';
export * from './lift';
export * from './calibration';
export * from './tiers';
export * from './bootstrap';
export * from './logistic';
export * from './power';
export * from './fit';
export * from './thresholds';
export * from './select';
export * from './report';

/** Public API of the draft core (pure: no DOM, Svelte or IndexedDB). */
export * from './draft';
export * from './cv';
export * from './diff';
export { metricDefaults, schemeFromData, isZeroOne } from './schemes';
export { themeOf, THEMES } from './themes';
export { missingColumns, mapByName } from './fit-check';
export * from './messages';
export { draftWords } from './words';
export type { ThemeCode } from './themes';

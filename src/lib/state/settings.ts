/** Keys of the settings (kv) records the state classes share. */
export const SETTING_ACTIVE_MODEL = 'activeModelId';
export const SETTING_SAMPLE_SEEDED = 'sampleSeeded';

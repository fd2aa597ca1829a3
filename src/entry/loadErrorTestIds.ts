/** Test ids of the entry's load-error screen; part of testIds (src/ui), kept apart so the entry stays small. */
export const LOAD_ERROR_TEST_IDS = {
  container: 'hybridlens-load-error',
  detail: 'hybridlens-load-error-detail',
  reload: 'hybridlens-load-error-reload',
} as const;

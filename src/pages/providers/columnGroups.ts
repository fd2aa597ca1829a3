import { PROVIDERS_COLUMN_GROUP, type ProvidersColumnGroup } from '@hybridlens/conventions';
import { t } from '../../i18n';

export const COLUMN_GROUPS: readonly ProvidersColumnGroup[] = Object.values(PROVIDERS_COLUMN_GROUP);
export const DEFAULT_COLUMN_GROUP: ProvidersColumnGroup = PROVIDERS_COLUMN_GROUP.overview;

/** The column group a URL value names; anything else (absent, mistyped) is the overview. */
export function parseColumnGroup(raw: unknown): ProvidersColumnGroup {
  return COLUMN_GROUPS.find((g) => g === raw) ?? DEFAULT_COLUMN_GROUP;
}

export function columnGroupLabel(group: ProvidersColumnGroup): string {
  switch (group) {
    case PROVIDERS_COLUMN_GROUP.overview:
      return t('providers.columns.overview', 'Overview');
    case PROVIDERS_COLUMN_GROUP.operations:
      return t('providers.columns.operations', 'Operations');
    case PROVIDERS_COLUMN_GROUP.calibration:
      return t('providers.columns.calibration', 'Calibration');
    case PROVIDERS_COLUMN_GROUP.cost:
      return t('providers.columns.cost', 'Cost');
  }
}

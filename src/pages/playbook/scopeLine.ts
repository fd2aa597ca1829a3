import { VARIABLE } from '@hybridlens/conventions';
import { filterName } from '../../app/variables';
import { t } from '../../i18n';
import type { ScopeValues, ScopeVariable } from './playbookTypes';
import { scopeValueText } from './scopeText';

/** The scope a playbook's checks run in, for its header: "Provider: IBM Quantum, Backend: all". */
export function scopeLine(names: readonly ScopeVariable[], scope: ScopeValues): string {
  if (names.length === 0) {
    return t('playbook.scope.global', 'the whole pipeline');
  }
  return names
    .map((name) => {
      const value = scope[name];
      return t('playbook.scope.item', '{{filter}}: {{value}}', {
        filter: filterName(VARIABLE[name]),
        value: value === undefined ? t('playbook.scope.all', 'all') : scopeValueText(name, value),
      });
    })
    .join(', ');
}

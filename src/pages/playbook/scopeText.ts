import { providerDisplayName } from '../../ui/providerNames';
import type { ScopeVariable } from './playbookTypes';

/** One scope value as people read it: a provider by its name, backends and models by their ids. */
export function scopeValueText(name: ScopeVariable, value: string): string {
  return name === 'provider' ? providerDisplayName(value) : value;
}

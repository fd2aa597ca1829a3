import { QueryVariable, type VariableGetOptionsArgs, type VariableValueOption } from '@grafana/scenes';
import { type Observable, map } from 'rxjs';
import { providerDisplayName } from '../ui/providerNames';

/**
 * The Provider filter's options as people read them: each option shows the provider's name and keeps its label
 * value as the value, so the URL (`var-provider=ibm`) and every query still carry the id. Sorted by the name shown,
 * as a reader scans the list.
 */
export function providerOptions(options: readonly VariableValueOption[]): VariableValueOption[] {
  return options
    .map((option) => ({ ...option, label: providerDisplayName(String(option.value)) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The Provider filter: a `label_values` query variable whose options are named by `providerDisplayName`.
 * Scenes takes each option's label as the selection's text (picker, `${provider:text}`), also after a reload from
 * the URL, so overriding where the options come from is enough.
 */
export class ProviderVariable extends QueryVariable {
  public getValueOptions(args: VariableGetOptionsArgs): Observable<VariableValueOption[]> {
    return super.getValueOptions(args).pipe(map(providerOptions));
  }
}

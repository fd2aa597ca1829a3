import { map } from 'rxjs';
import type { DataFrame } from '@grafana/data';
import type { CustomTransformOperator } from '@grafana/scenes';
import { LABEL } from '@hybridlens/conventions';
import { backendDisplayName } from '../../ui/providerNames';

/**
 * Names each per-backend series by its provider's display name ("IBM Quantum / ibm_sherbrooke"): a legend format
 * can only repeat the label value ("ibm"). Series without both labels keep the name the datasource gave them.
 */
export function withBackendNames(frames: DataFrame[]): DataFrame[] {
  return frames.map((frame) => ({
    ...frame,
    fields: frame.fields.map((field) => {
      const provider = field.labels?.[LABEL.provider];
      const backend = field.labels?.[LABEL.backend];
      if (!provider || !backend) {
        return field;
      }
      return { ...field, config: { ...field.config, displayNameFromDS: backendDisplayName(provider, backend) } };
    }),
  }));
}

export const backendNames: CustomTransformOperator = () => (source) => source.pipe(map(withBackendNames));

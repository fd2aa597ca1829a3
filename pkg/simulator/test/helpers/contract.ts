import { isContractAttribute, isContractEventName, isContractSpanName, RESOURCE_ATTR } from '@hybridlens/conventions';
import type { DecodedRequest } from './otlpJson';

/** Every span, event and attribute name outside the contract, as readable strings (empty = all good). */
export function nonContractNames(requests: DecodedRequest[]): string[] {
  const problems = new Set<string>();
  const resourceKeys = new Set<string>(Object.values(RESOURCE_ATTR));
  for (const request of requests) {
    for (const a of request.resourceAttributes) {
      if (!resourceKeys.has(a.key)) {
        problems.add(`resource attribute ${a.key}`);
      }
    }
    for (const span of request.spans) {
      if (!isContractSpanName(span.name)) {
        problems.add(`span ${span.name}`);
      }
      for (const a of span.attributes) {
        if (!isContractAttribute(a.key)) {
          problems.add(`attribute ${a.key} on ${span.name}`);
        }
      }
      for (const e of span.events) {
        // gen_ai.evaluation.result is the contract's event; the SDK adds no others.
        if (!isContractEventName(e.name)) {
          problems.add(`event ${e.name} on ${span.name}`);
        }
        for (const a of e.attributes) {
          if (!isContractAttribute(a.key)) {
            problems.add(`event attribute ${a.key} on ${span.name}`);
          }
        }
      }
    }
  }
  return [...problems].sort();
}

// Test data for the trace model, shared by its tests, the bench and the trace page's browser tests.
// A separate entry (`@hybridlens/traces/testing`) so the app's bundle never carries it. Browser-safe.
export { generateSyntheticTrace, type SyntheticTrace, type SyntheticTraceOptions } from './syntheticTrace';
export { generateMessyTrace, type MessyTrace } from './messyTrace';
export { toTempoV1, toTempoV2, toJaeger } from './formats';
export { documentOf } from './fromSpans';
export {
  nanos,
  otlpAttributes,
  otlpValue,
  type AttributeInput,
  type OtlpAnyValue,
  type OtlpDocument,
  type OtlpSpan,
  type OtlpKeyValue,
} from './otlpJson';
export { Rng } from './rng';

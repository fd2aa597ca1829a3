import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  ALL_ATTRIBUTES,
  GEN_AI_ATTR,
  LOG_FIELD,
  ORCHESTRATOR_ATTR,
  QUANTUM_ATTR,
  SPAN,
  SPAN_ATTRIBUTES,
  isContractAttribute,
  isContractSpanName,
  renderTelemetryDoc,
  OPS_GUIDE_MAP,
} from '../src';

describe('spans and attributes', () => {
  it('names the seven lifecycle spans of the ops guide', () => {
    expect(Object.values(SPAN)).toEqual([
      'ingress.request',
      'llm.request',
      'orchestrator.decision',
      'quantum.job.enqueue',
      'quantum.job.compile',
      'quantum.job.execute',
      'postprocess.aggregation',
    ]);
    expect(isContractSpanName('llm.request')).toBe(true);
    expect(isContractSpanName('llm.call')).toBe(false);
  });

  it('uses the GenAI semantic-convention namespace for LLM attributes', () => {
    for (const a of Object.values(GEN_AI_ATTR)) {
      expect(a.key).toMatch(/^gen_ai\.[a-z_.]+$/);
    }
    expect(GEN_AI_ATTR.inputTokens.key).toBe('gen_ai.usage.input_tokens');
    expect(GEN_AI_ATTR.requestModel.key).toBe('gen_ai.request.model');
  });

  it('keeps quantum attributes in quantum.* and covers the ops guide list', () => {
    for (const a of Object.values(QUANTUM_ATTR)) {
      expect(a.key).toMatch(/^quantum\./);
    }
    const keys = Object.values(QUANTUM_ATTR).map((a) => a.key);
    for (const needed of [
      'quantum.provider',
      'quantum.backend',
      'quantum.job.id',
      'quantum.shots',
      'quantum.simulator',
      'quantum.calibration.version',
      'quantum.circuit.depth',
      'quantum.circuit.width',
      'quantum.qubits.used',
      'quantum.transpiler.options',
    ]) {
      expect(keys).toContain(needed);
    }
  });

  it('records the orchestrator path, its reason and its inputs', () => {
    expect(ORCHESTRATOR_ATTR.path.key).toBe('orchestrator.decision.path');
    expect(ORCHESTRATOR_ATTR.reason.key).toBe('orchestrator.decision.reason');
    expect(
      Object.values(ORCHESTRATOR_ATTR).filter((a) => a.key.startsWith('orchestrator.input.')).length
    ).toBeGreaterThanOrEqual(5);
  });

  it('has unique attribute keys and every span maps to contract attributes', () => {
    const keys = ALL_ATTRIBUTES.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const attrs of Object.values(SPAN_ATTRIBUTES)) {
      for (const a of attrs) {
        expect(isContractAttribute(a.key)).toBe(true);
      }
    }
  });

  it('never carries a raw prompt: only hashes', () => {
    const keys = ALL_ATTRIBUTES.map((a) => a.key);
    // The GenAI conventions' opt-in content attributes must never be part of the contract.
    for (const content of [
      'gen_ai.input.messages',
      'gen_ai.output.messages',
      'gen_ai.system_instructions',
      'gen_ai.prompt',
      'gen_ai.completion',
    ]) {
      expect(keys).not.toContain(content);
    }
    const promptish = ALL_ATTRIBUTES.filter((a) => a.type === 'string' && /prompt|output/.test(a.key));
    expect(promptish.length).toBeGreaterThan(0);
    for (const a of promptish) {
      expect(a.key).toMatch(/hash|template_version/);
    }
    expect(Object.values(LOG_FIELD)).not.toContain('prompt');
  });

  it('has the structured log fields of the ops guide', () => {
    for (const field of [
      'timestamp',
      'trace_id',
      'span_id',
      'level',
      'message',
      'stage',
      'provider_job_id',
      'prompt_hash',
    ]) {
      expect(Object.values(LOG_FIELD)).toContain(field);
    }
  });

  it('maps the ops guide names the issue lists', () => {
    const names = OPS_GUIDE_MAP.map((m) => m.opsGuide);
    for (const n of [
      'request_latency_seconds',
      'quantum_job_queue_length',
      'provider_job_id',
      'shot_count',
      'prompt_hash',
    ]) {
      expect(names).toContain(n);
    }
  });
});

describe('TELEMETRY.md', () => {
  it('is current with the contract (regenerate with `npm run telemetry-doc`)', () => {
    const onDisk = readFileSync(resolve(__dirname, '../../../TELEMETRY.md'), 'utf8');
    expect(onDisk).toBe(renderTelemetryDoc());
  });
});

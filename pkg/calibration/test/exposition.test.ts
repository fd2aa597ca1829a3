import { CALIBRATION_METRIC } from '@hybridlens/conventions';
import { describeWithBinary, promtool } from '@hybridlens/testkit';
import { normalizeTexts, renderExposition } from '../src';

const doc = {
  backend_name: 'ibm_"odd"\\name',
  last_update_date: '2025-01-01T00:00:00Z',
  qubits: [[{ name: 'T1', unit: 'us', value: 100 }]],
  gates: [
    { gate: 'sx', qubits: [0], parameters: [{ name: 'gate_error', unit: '', value: 0.001 }] },
    { gate: 'sx', qubits: [0], parameters: [{ name: 'gate_error', unit: '', value: 0.002 }] },
  ],
};

describe('exposition', () => {
  const { backends } = normalizeTexts([{ source: 'props.json', text: JSON.stringify(doc) }]);
  const text = renderExposition(backends, [
    { labels: { source: 'bad "file".json', reason: 'invalid_json' }, count: 2 },
  ]);

  it('never writes a series twice, even when the source lists a gate twice', () => {
    expect(text.split('\n').filter((l) => l.startsWith(`${CALIBRATION_METRIC.gateError.name}{`))).toHaveLength(1);
  });

  it('escapes quotes and backslashes in label values', () => {
    expect(text).toContain('backend="ibm_\\"odd\\"\\\\name"');
    expect(text).toContain(
      `${CALIBRATION_METRIC.ingestErrors.name}{source="bad \\"file\\".json",reason="invalid_json"} 2`
    );
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'promtool', () => {
    it('accepts the exposition', () => {
      expect(promtool(['check', 'metrics'], text)).toBe('');
    });
  });
});

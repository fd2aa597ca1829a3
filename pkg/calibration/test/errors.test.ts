import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithFixtures } from '@hybridlens/testkit';
import { CalibrationInputError, normalizeFiles, normalizeTexts } from '../src';
import { fixture } from './helpers';

describe('bad input', () => {
  it('refuses malformed snapshot: invalid JSON names the file', () => {
    const { errors } = normalizeTexts([{ source: 'broken.json', text: '{"backend_name": ' }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(CalibrationInputError);
    expect(errors[0]!.message).toMatch(/^broken\.json: \(document\): not valid JSON/);
  });

  it('refuses malformed snapshot: an unknown shape names the file and the formats understood', () => {
    const { errors } = normalizeTexts([{ source: 'mystery.json', text: JSON.stringify({ device: 'x', t1: 3 }) }]);
    expect(errors[0]!.message).toMatch(
      /^mystery\.json: \(top-level keys: device, t1\): unknown calibration format \(expected one of: IBM/
    );
  });

  it('refuses malformed snapshot: a malformed IBM file names the offending field', () => {
    const doc = {
      backend_name: 'ibm_x',
      last_update_date: '2025-01-01T00:00:00Z',
      qubits: [[{ name: 'T1', unit: 'us', value: 'long' }]],
      gates: [],
    };
    const { errors } = normalizeTexts([{ source: 'props_x.json', text: JSON.stringify(doc) }]);
    expect(errors[0]!.message).toBe('props_x.json: qubits[0][0].value: expected a finite number, got string "long"');
  });

  it('refuses malformed snapshot: a bad timestamp names the field', () => {
    const doc = { backend_name: 'ibm_x', last_update_date: 'yesterday', qubits: [], gates: [] };
    const { errors } = normalizeTexts([{ source: 'props_x.json', text: JSON.stringify(doc) }]);
    expect(errors[0]!.message).toBe('props_x.json: last_update_date: not a timestamp: "yesterday"');
  });
});

describeWithFixtures('one bad file among good ones', (dir) => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hl-cal-err-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('the good files still normalize; missing files are reported too', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '[1, 2, 3]');
    const missing = join(tmp, 'nope.json');
    const { backends, errors } = normalizeFiles([
      fixture(dir, 'ibm/props_manila.json'),
      bad,
      missing,
      fixture(dir, 'braket/iqm_garnet_2026-05-05.json'),
    ]);
    expect(backends.map((b) => b.backend).sort()).toEqual(['garnet', 'ibmq_manila']);
    expect(errors.map((e) => `${e.source} ${e.field}`).sort()).toEqual(
      [`${bad} (document)`, `${missing} (file)`].sort()
    );
  });
});

import { readFileSync } from 'node:fs';
import { describeWithFixtures } from '@hybridlens/testkit';
import { normalizeTexts, renderExposition } from '../src';
import { fixture } from './helpers';

/**
 * Issue 12 bounds the exporter's label sets: IBM sherbrooke (127 qubits) served 1,813 series before the Providers
 * and backend pages, and may not grow past 1.5 times that. The bench reports the count beside the baseline's; this
 * keeps the bound when the baseline commit is not at hand.
 */
const SHERBROOKE_SERIES_BEFORE = 1813;
const GROWTH_LIMIT = 1.5;

const seriesIn = (exposition: string) => exposition.split('\n').filter((l) => l !== '' && !l.startsWith('#')).length;

describeWithFixtures('series per backend', (fixtures) => {
  it(`IBM sherbrooke stays within ${GROWTH_LIMIT} × ${SHERBROOKE_SERIES_BEFORE} series`, () => {
    const source = 'props_sherbrooke.json';
    const text = readFileSync(fixture(fixtures, `ibm/${source}`), 'utf8');
    const { backends } = normalizeTexts([{ source, text }]);
    expect(backends).toHaveLength(1);
    const series = seriesIn(renderExposition(backends));
    // At least a series per qubit and per 2q gate (its map position, its error): an empty render cannot pass.
    const [b] = backends;
    expect(series).toBeGreaterThanOrEqual(b!.qubits.length + b!.gates.filter((g) => g.kind === '2q').length);
    expect(series).toBeLessThanOrEqual(Math.floor(GROWTH_LIMIT * SHERBROOKE_SERIES_BEFORE));
  });
});

import '../../testing/jsdomPolyfills';
import { JOB_OUTCOME, LABEL } from '@hybridlens/conventions';
import { instantFrame } from '../../testing/sceneTestEnv';
import { errorRatesText } from './providerColumns';
import { buildProviderRows } from './providerRows';
import { PROVIDERS } from './providersQueries';

const backend = { [LABEL.provider]: 'ibm', [LABEL.backend]: 'ibm_torino' };
const frame = (refId: string, labels: Record<string, string>, value: number) => ({
  ...instantFrame({ ...backend, ...labels }, value),
  refId,
});

describe('Providers rows: errors by type', () => {
  it('gives each error type its share of the jobs finished in the range, most frequent first', () => {
    const [row] = buildProviderRows(
      [
        frame(PROVIDERS.jobs, { [LABEL.outcome]: JOB_OUTCOME.error }, 10),
        frame(PROVIDERS.jobs, { [LABEL.outcome]: JOB_OUTCOME.success }, 190),
        frame(PROVIDERS.errors, { [LABEL.errorType]: 'queue_timeout' }, 2),
        frame(PROVIDERS.errors, { [LABEL.errorType]: 'backend_error' }, 8),
      ],
      0
    );
    expect(row!.errorsByType).toEqual([
      { type: 'backend_error', count: 8, rate: 0.04 },
      { type: 'queue_timeout', count: 2, rate: 0.01 },
    ]);
    expect(errorRatesText(row!)).toBe('backend_error 4.0 %, queue_timeout 1.0 %');
  });

  it('has no rate for errors of a backend that finished no job in the range, and says so', () => {
    const [row] = buildProviderRows([frame(PROVIDERS.errors, { [LABEL.errorType]: 'auth' }, 3)], 0);
    expect(row!.errorsByType).toEqual([{ type: 'auth', count: 3, rate: undefined }]);
    expect(errorRatesText(row!)).toBe('auth: 3 errors, no jobs');
  });
});

import '../../testing/jsdomPolyfills';
import { PROVIDER_DETAIL_PARAM, buildAppUrl, parseAppUrl, parseJobQubitsParam } from '@hybridlens/conventions';
import type { QuantumJob } from '@hybridlens/traces';
import { backendAtJobTime } from './backendAtJobTime';

function job(overrides: Partial<QuantumJob>): QuantumJob {
  return {
    provider: 'ibm',
    backend: 'ibm_sherbrooke',
    startMs: Date.UTC(2026, 10, 30, 9, 0, 0),
    endMs: Date.UTC(2026, 10, 30, 9, 42, 7),
    ...overrides,
  } as QuantumJob;
}

describe('the job card links to the backend page at the job time', () => {
  it('opens the job backend with the range ending when the job finished and its qubits highlighted', () => {
    const j = job({ qubitsUsed: [12, 13, 17] });
    const parsed = parseAppUrl(buildAppUrl(backendAtJobTime(j)!));
    expect(parsed?.page).toBe('providerDetail');
    expect(parsed?.params).toEqual({ provider: 'ibm', backend: 'ibm_sherbrooke' });
    expect(Number(parsed?.time?.to)).toBe(j.endMs);
    expect(Number(parsed?.time?.from)).toBeLessThan(j.startMs);
    expect(parseJobQubitsParam(parsed!.query[PROVIDER_DETAIL_PARAM.jobQubits]!)).toEqual(['12', '13', '17']);
  });

  it('leaves the qubits out when the job did not report them', () => {
    const parsed = parseAppUrl(buildAppUrl(backendAtJobTime(job({ qubitsUsed: [] }))!));
    expect(parsed?.query[PROVIDER_DETAIL_PARAM.jobQubits]).toBeUndefined();
  });

  it('gives no link for a job that names no backend', () => {
    expect(backendAtJobTime(job({ backend: undefined }))).toBeUndefined();
    expect(backendAtJobTime(job({ provider: undefined }))).toBeUndefined();
  });
});

import {
  PROVIDERS_PARAM,
  PROVIDER_DETAIL_PARAM,
  QUERY_PARAM,
  VARIABLE,
  buildAppUrl,
  jobQubitsParam,
  parseAppUrl,
  parseJobQubitsParam,
  parseProvidersCompareParam,
  providersCompareParam,
  variableUrlParam,
} from '../src';

describe('provider page parameters', () => {
  it('never collide with the time range, variables or other query parameters', () => {
    const taken = new Set<string>([...Object.values(QUERY_PARAM), ...Object.values(VARIABLE).map(variableUrlParam)]);
    const own = [...Object.values(PROVIDER_DETAIL_PARAM), ...Object.values(PROVIDERS_PARAM)];
    expect(own.filter((p) => taken.has(p))).toEqual([]);
    expect(new Set(own).size).toBe(own.length);
  });

  it('carry a job’s qubits through a link and back, Google grid ids included', () => {
    const url = buildAppUrl({
      page: 'providerDetail',
      params: { provider: 'google', backend: 'rainbow' },
      query: { [PROVIDER_DETAIL_PARAM.jobQubits]: jobQubitsParam(['3_2', '4_2', 5]) },
    });
    const parsed = parseAppUrl(url)!;
    expect(parseJobQubitsParam(parsed.query[PROVIDER_DETAIL_PARAM.jobQubits]!)).toEqual(['3_2', '4_2', '5']);
    expect(parseJobQubitsParam(' 1, ,2,')).toEqual(['1', '2']);
  });

  it('carry compared backends, keeping case and slashes inside backend ids', () => {
    const backends = [
      { provider: 'braket', backend: 'Ankaa-3' },
      { provider: 'azure', backend: 'ionq.qpu.aria-1' },
    ];
    const url = buildAppUrl({
      page: 'providers',
      query: { [PROVIDERS_PARAM.compare]: providersCompareParam(backends) },
    });
    expect(parseProvidersCompareParam(parseAppUrl(url)!.query[PROVIDERS_PARAM.compare]!)).toEqual(backends);
    expect(parseProvidersCompareParam('ibm/x/y,nobackend,/b,a/')).toEqual([{ provider: 'ibm', backend: 'x/y' }]);
  });
});

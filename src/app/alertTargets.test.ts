import { ALERT, ALERT_LINK_LABEL, parseAppUrl, buildAppUrl } from '@hybridlens/conventions';
import { alertTarget } from './alertTargets';

const open = (labels: Record<string, string>) => parseAppUrl(buildAppUrl(alertTarget(labels)))!;

describe('alertTarget', () => {
  it('sends SLO alerts to the SLO, backend alerts to the backend, provider alerts to the provider', () => {
    expect(open({ alertname: ALERT.sloBurnRate, slo: 'quantum-success', provider: 'ibm' })).toMatchObject({
      page: 'sloDetail',
      params: { slo: 'quantum-success' },
      query: { alertname: ALERT.sloBurnRate },
    });
    expect(open({ alertname: ALERT.quantumBacklogCritical, provider: 'ibm', backend: 'ibm_torino' })).toMatchObject({
      page: 'providerDetail',
      params: { provider: 'ibm', backend: 'ibm_torino' },
    });
    expect(open({ alertname: ALERT.providerRateLimited, provider: 'braket' })).toMatchObject({
      page: 'providers',
      variables: { provider: ['braket'] },
    });
  });

  it('sends LLM and request alerts to their pages, unknown alerts to the playbooks', () => {
    expect(open({ alertname: ALERT.llmHallucinationRate, model: 'm1' })).toMatchObject({
      page: 'llmQuality',
      variables: { model: ['m1'] },
    });
    expect(open({ alertname: ALERT.latencyP95OverSlo })).toMatchObject({ page: 'lifecycle' });
    expect(open({ alertname: 'SomethingElse' })).toMatchObject({
      page: 'playbooks',
      query: { alertname: 'SomethingElse' },
    });
    expect(open({})).toMatchObject({ page: 'playbooks', query: {} });
  });

  it('sends an alert carrying a job id to the job, one carrying a trace id to the trace, ids kept verbatim', () => {
    const arn = 'arn:aws:braket:eu-north-1:123:quantum-task/5e1c?x=<b>';
    expect(
      open({
        alertname: ALERT.quantumBacklogCritical,
        provider: 'braket',
        backend: 'Garnet',
        [ALERT_LINK_LABEL.jobId]: arn,
        [ALERT_LINK_LABEL.traceId]: 'ab12',
      })
    ).toMatchObject({ page: 'quantumJob', params: { jobId: arn }, query: { alertname: ALERT.quantumBacklogCritical } });
    expect(
      open({ alertname: ALERT.latencyP95OverSlo, slo: 'latency', [ALERT_LINK_LABEL.traceId]: 'ab12' })
    ).toMatchObject({
      page: 'trace',
      params: { traceId: 'ab12' },
    });
    // An empty id label points nowhere: the usual target.
    expect(open({ slo: 'latency', [ALERT_LINK_LABEL.jobId]: ' ' })).toMatchObject({ page: 'sloDetail' });
  });
});

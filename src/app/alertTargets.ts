import {
  ALERT,
  ALERT_LINK_LABEL,
  type AppLink,
  LABEL,
  PROMETHEUS_ALERTS,
  QUERY_PARAM,
  VARIABLE,
} from '@hybridlens/conventions';

/**
 * Where a firing alert is best investigated, with its labels applied as the page's filters.
 * Alerts the app does not know still land somewhere useful: the playbooks.
 */
export function alertTarget(labels: Readonly<Record<string, string>>): AppLink {
  const alertName = labels[PROMETHEUS_ALERTS.alertName] ?? '';
  const query = alertName ? { [QUERY_PARAM.alertName]: alertName } : undefined;
  const slo = labels[LABEL.slo];
  const provider = labels[LABEL.provider];
  const backend = labels[LABEL.backend];
  const model = labels[LABEL.model];
  const with_ = (link: AppLink): AppLink => (query ? { ...link, query } : link);

  // An alert about one provider job or one request is most specific: its job or its trace.
  const jobId = labels[ALERT_LINK_LABEL.jobId]?.trim();
  if (jobId) {
    return with_({ page: 'quantumJob', params: { jobId } });
  }
  const traceId = labels[ALERT_LINK_LABEL.traceId]?.trim();
  if (traceId) {
    return with_({ page: 'trace', params: { traceId } });
  }
  if (slo) {
    return with_({ page: 'sloDetail', params: { slo } });
  }
  if (provider && backend) {
    return with_({ page: 'providerDetail', params: { provider, backend } });
  }
  if (provider) {
    return with_({ page: 'providers', variables: { [VARIABLE.provider]: provider } });
  }
  switch (alertName) {
    case ALERT.llmHallucinationRate:
      return with_({ page: 'llmQuality', ...(model ? { variables: { [VARIABLE.model]: model } } : {}) });
    case ALERT.endToEndErrorRate:
    case ALERT.latencyP95OverSlo:
      return with_({ page: 'lifecycle' });
    default:
      return with_({ page: 'playbooks' });
  }
}

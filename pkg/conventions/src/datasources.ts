/** Datasource uids of the provisioned stack; the app uses them as defaults until configured otherwise. */
export const DATASOURCE_UID = {
  prometheus: 'hybridlens-prometheus',
  tempo: 'hybridlens-tempo',
  loki: 'hybridlens-loki',
  alertmanager: 'hybridlens-alertmanager',
} as const;

export const DATASOURCE_TYPE = {
  prometheus: 'prometheus',
  tempo: 'tempo',
  loki: 'loki',
  alertmanager: 'alertmanager',
} as const;

import { PLAYBOOK, type PlaybookId, SLI_TYPE } from '@hybridlens/conventions';

/** The ops-guide playbook to open when an SLO of this SLI type burns budget. */
const BY_SLI_TYPE: Readonly<Record<string, PlaybookId>> = {
  [SLI_TYPE.latency]: PLAYBOOK.latency,
  [SLI_TYPE.quantumJobSuccess]: PLAYBOOK.quantumErrors,
  [SLI_TYPE.schemaCompliance]: PLAYBOOK.llmDrift,
  [SLI_TYPE.queueing]: PLAYBOOK.queueSaturation,
  [SLI_TYPE.fallback]: PLAYBOOK.providerOutage,
};

/** undefined for custom SLIs: the page then points at the playbook list instead of guessing. */
export function playbookForSliType(sliType: string | undefined): PlaybookId | undefined {
  return sliType ? BY_SLI_TYPE[sliType] : undefined;
}

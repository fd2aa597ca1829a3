import { DEFAULT_TOPOLOGY, FAULT_KIND } from '@hybridlens/simulator';

/**
 * The simulator's fault schedule for the harness history: faults that start 80 minutes before "now"
 * and last past it, so alerts fire, SLOs burn and the pages have an incident to show. Offsets count
 * from the start of the history.
 */
export function harnessScenario(historyHours: number): { name: string; text: string } {
  const braket = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'braket');
  const ibm = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'ibm');
  if (!braket || !ibm) {
    throw new Error('the simulator topology has no braket or ibm backend for the harness incident');
  }
  const startHours = historyHours - 80 / 60 - 10 / 60;
  const start = `+${Math.floor(startHours)}h${Math.round((startHours % 1) * 60)}m`;
  const faults = [
    `  - { kind: ${FAULT_KIND.hardwareFailure}, provider: ${braket.provider}, backend: ${braket.backend}, start: ${start}, duration: 3h }`,
    `  - { kind: ${FAULT_KIND.queueSaturation}, provider: ${ibm.provider}, backend: ${ibm.backend}, start: ${start}, duration: 3h }`,
  ];
  return { name: 'page-harness incident', text: `faults:\n${faults.join('\n')}\n` };
}

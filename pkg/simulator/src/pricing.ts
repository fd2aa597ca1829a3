/**
 * Public price models of the quantum providers, as documented constants. Figures are list prices
 * as published by the providers (checked for 2025/2026); the simulator only estimates spend, it never bills.
 */
export type PriceModel =
  /** Amazon Braket: a fee per task plus a fee per shot (aws.amazon.com/braket/pricing; the same
   *  per-shot figures appear as `service.deviceCost` in Braket device properties). */
  | { kind: 'per-task-and-shot'; perTaskUsd: number; perShotUsd: number }
  /** IBM Quantum Platform pay-as-you-go: billed per second of QPU (quantum) time
   *  (ibm.com/quantum/pricing, "$96 per minute"). */
  | { kind: 'per-qpu-second'; perSecondUsd: number }
  /** Azure Quantum IonQ pay-as-you-go: per gate-shot with a per-program minimum
   *  (learn.microsoft.com/azure/quantum/pricing, IonQ Aria). */
  | { kind: 'per-gate-shot'; oneQubitGateShotUsd: number; twoQubitGateShotUsd: number; minimumPerProgramUsd: number }
  /** Local simulators cost nothing per job. */
  | { kind: 'free' };

export const BRAKET_PER_TASK_USD = 0.3;
export const BRAKET_IQM_GARNET_PER_SHOT_USD = 0.00145;
export const BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD = 0.0009;
export const BRAKET_IONQ_FORTE_PER_SHOT_USD = 0.08;
export const IBM_PAYG_PER_SECOND_USD = 96 / 60;
export const AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD = 0.00022;
export const AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD = 0.000975;
/** The minimum Azure charges per IonQ program run with error mitigation. */
export const AZURE_IONQ_MINIMUM_PER_PROGRAM_USD = 97.5;

export interface JobCostInput {
  shots: number;
  /** Seconds of QPU time the provider would bill (IBM usage). */
  qpuSeconds: number;
  oneQubitGates: number;
  twoQubitGates: number;
}

export function estimateSpendUsd(model: PriceModel, job: JobCostInput): number {
  switch (model.kind) {
    case 'per-task-and-shot':
      return model.perTaskUsd + model.perShotUsd * job.shots;
    case 'per-qpu-second':
      return model.perSecondUsd * job.qpuSeconds;
    case 'per-gate-shot':
      return Math.max(
        model.minimumPerProgramUsd,
        job.shots * (job.oneQubitGates * model.oneQubitGateShotUsd + job.twoQubitGates * model.twoQubitGateShotUsd)
      );
    case 'free':
      return 0;
  }
}

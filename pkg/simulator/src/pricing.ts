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
  /** Azure Quantum IonQ pay-as-you-go, in Azure Quantum Tokens (1 AQT = 1 USD): a per-program charge that
   *  depends on error mitigation (debiasing), plus each gate-shot (learn.microsoft.com/azure/quantum/pricing,
   *  IonQ Aria: AQT = m + 0.000220 N1q C + 0.000975 N2q C). */
  | {
      kind: 'per-gate-shot';
      oneQubitGateShotUsd: number;
      twoQubitGateShotUsd: number;
      perProgramUsd: number;
      perProgramWithErrorMitigationUsd: number;
    }
  /** Local simulators cost nothing per job. */
  | { kind: 'free' };

export const BRAKET_PER_TASK_USD = 0.3;
export const BRAKET_IQM_GARNET_PER_SHOT_USD = 0.00145;
export const BRAKET_RIGETTI_ANKAA3_PER_SHOT_USD = 0.0009;
export const BRAKET_IONQ_FORTE_PER_SHOT_USD = 0.08;
export const IBM_PAYG_PER_SECOND_USD = 96 / 60;
export const AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD = 0.00022;
export const AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD = 0.000975;
/** Azure's per-program charge `m` for an IonQ Aria program run without error mitigation (debiasing off). */
export const AZURE_IONQ_PER_PROGRAM_USD = 12.4166;
/** The same charge when the program asks for error mitigation (Aria's default unless the submitter turns it off). */
export const AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD = 97.5;

export interface JobCostInput {
  shots: number;
  /** Seconds of QPU time the provider would bill (IBM usage). */
  qpuSeconds: number;
  oneQubitGates: number;
  twoQubitGates: number;
  /** The program asks the provider for error mitigation (IonQ debiasing); off unless set. */
  errorMitigation?: boolean;
}

export function estimateSpendUsd(model: PriceModel, job: JobCostInput): number {
  switch (model.kind) {
    case 'per-task-and-shot':
      return model.perTaskUsd + model.perShotUsd * job.shots;
    case 'per-qpu-second':
      return model.perSecondUsd * job.qpuSeconds;
    case 'per-gate-shot':
      // The published formula adds the per-program charge to the gate-shots (it is not a floor).
      return (
        (job.errorMitigation === true ? model.perProgramWithErrorMitigationUsd : model.perProgramUsd) +
        job.shots * (job.oneQubitGates * model.oneQubitGateShotUsd + job.twoQubitGates * model.twoQubitGateShotUsd)
      );
    case 'free':
      return 0;
  }
}

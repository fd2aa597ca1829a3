import {
  AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD,
  AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD,
  AZURE_IONQ_PER_PROGRAM_USD,
  AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD,
  estimateSpendUsd,
} from '../src/pricing';
import { DEFAULT_TOPOLOGY } from '../src/topology';
import { measureSpend, type ProviderSpend, type SpendRun } from '../scripts/weeklySpendModel';

describe('Azure IonQ price (learn.microsoft.com/azure/quantum/pricing: AQT = m + 0.000220 N1q C + 0.000975 N2q C)', () => {
  const azure = DEFAULT_TOPOLOGY.backends.find((b) => b.provider === 'azure')!;
  const program = { shots: 200, qpuSeconds: 9, oneQubitGates: 900, twoQubitGates: 225 };
  const gateShots = 200 * (900 * AZURE_IONQ_ARIA_1Q_GATE_SHOT_USD + 225 * AZURE_IONQ_ARIA_2Q_GATE_SHOT_USD);

  it('adds the per-program charge without error mitigation unless the program asks for it', () => {
    expect(estimateSpendUsd(azure.price, program)).toBeCloseTo(AZURE_IONQ_PER_PROGRAM_USD + gateShots, 6);
    expect(estimateSpendUsd(azure.price, { ...program, errorMitigation: true })).toBeCloseTo(
      AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD + gateShots,
      6
    );
  });

  it('charges a program with no shots (cancelled before running) the per-program charge alone', () => {
    expect(estimateSpendUsd(azure.price, { ...program, shots: 0 })).toBeCloseTo(AZURE_IONQ_PER_PROGRAM_USD, 6);
  });
});

/**
 * A week of the default topology at the default load, without faults: what the team pays at list prices.
 * Bands: the week's QPU spend is what a team running about 3,000 QPU jobs a day pays at pay-as-you-go
 * prices ($50-150 K), no provider takes more than half of it, and the per-gate-shot device is the dearest
 * per job by far but gets a few percent of the jobs (README "Spend").
 */
describe('a week of spend at the default load', () => {
  let run: SpendRun;

  beforeAll(async () => {
    run = await measureSpend({ start: Date.parse('2026-11-16T00:00:00Z'), days: 7, seed: 29 });
  }, 600_000);

  const of = (provider: string): ProviderSpend =>
    run.providers.get(provider) ?? { jobs: 0, success: 0, error: 0, usd: 0 };
  const qpu = ['ibm', 'braket', 'azure'];
  const total = () => qpu.reduce((a, p) => a + of(p).usd, 0);

  it('costs $50-150 K a week in all, spread so that no provider takes more than half', () => {
    expect(total()).toBeGreaterThan(50_000);
    expect(total()).toBeLessThan(150_000);
    for (const p of qpu) {
      expect(of(p).usd).toBeGreaterThan(0.15 * total());
      expect(of(p).usd).toBeLessThan(0.5 * total());
    }
    expect(of('local').usd).toBe(0);
  });

  it('prices per job in the order of the models: IBM per second and Braket per shot cheap, Azure per gate-shot dear', () => {
    const perJob = (p: string) => of(p).usd / of(p).jobs;
    expect(perJob('ibm')).toBeLessThan(10);
    expect(perJob('braket')).toBeLessThan(10);
    expect(perJob('azure')).toBeGreaterThan(10 * Math.max(perJob('ibm'), perJob('braket')));
    expect(perJob('azure')).toBeLessThan(AZURE_IONQ_PER_PROGRAM_WITH_ERROR_MITIGATION_USD + 100);
  });

  it('sends the per-gate-shot device a few percent of the QPU jobs, still hundreds a week', () => {
    const qpuJobs = qpu.reduce((a, p) => a + of(p).jobs, 0);
    expect(of('azure').jobs / qpuJobs).toBeGreaterThan(0.01);
    expect(of('azure').jobs / qpuJobs).toBeLessThan(0.04);
    expect(of('azure').jobs).toBeGreaterThan(300);
  });
});

import { LABEL, METRIC, MITIGATION_ACTION, MITIGATION_ALL_PROVIDERS } from '@hybridlens/conventions';
import { createTelemetry, InstrumentInputError } from '../src';
import { parseExposition } from './helpers/exposition';

const NAME = METRIC.mitigationApplied.name;

async function series(telemetry: ReturnType<typeof createTelemetry>) {
  return parseExposition(await telemetry.registry.metrics())
    .filter((s) => s.series === NAME)
    .map((s) => ({ action: s.labels[LABEL.action], provider: s.labels[LABEL.provider], value: s.value }))
    .sort((a, b) => `${a.action}${a.provider}`.localeCompare(`${b.action}${b.provider}`));
}

describe('setMitigationsInForce (hybrid_mitigation_applied_timestamp_seconds)', () => {
  it('exposes each mitigation in force with the Unix time it was applied, and removes lifted ones', async () => {
    const telemetry = createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
    expect(await series(telemetry)).toEqual([]);
    const t0 = Date.UTC(2026, 11, 2, 3, 0, 0);
    telemetry.setMitigationsInForce([
      { action: MITIGATION_ACTION.reduceShots, since: t0 },
      { action: MITIGATION_ACTION.disableProvider, provider: 'ibm', since: t0 + 1500 },
    ]);
    expect(await series(telemetry)).toEqual([
      { action: MITIGATION_ACTION.disableProvider, provider: 'ibm', value: t0 / 1000 + 1.5 },
      { action: MITIGATION_ACTION.reduceShots, provider: MITIGATION_ALL_PROVIDERS, value: t0 / 1000 },
    ]);
    telemetry.setMitigationsInForce([{ action: MITIGATION_ACTION.disableProvider, provider: 'ibm', since: t0 + 1500 }]);
    expect(await series(telemetry)).toEqual([
      { action: MITIGATION_ACTION.disableProvider, provider: 'ibm', value: t0 / 1000 + 1.5 },
    ]);
    telemetry.setMitigationsInForce([]);
    expect(await series(telemetry)).toEqual([]);
    await telemetry.shutdown();
  });

  it('refuses a bad entry naming it, and changes nothing', async () => {
    const telemetry = createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
    const t0 = Date.UTC(2026, 11, 2);
    telemetry.setMitigationsInForce([{ action: MITIGATION_ACTION.forceSimulator, since: t0 }]);
    const before = await series(telemetry);
    expect(() =>
      telemetry.setMitigationsInForce([
        { action: MITIGATION_ACTION.reduceShots, since: t0 },
        { action: MITIGATION_ACTION.disableProvider, provider: 'ibm', since: Number.NaN },
      ])
    ).toThrow(InstrumentInputError);
    expect(() => telemetry.setMitigationsInForce([{ action: '', since: t0 }])).toThrow('mitigations[0].action');
    expect(await series(telemetry)).toEqual(before);
    await telemetry.shutdown();
  });
});

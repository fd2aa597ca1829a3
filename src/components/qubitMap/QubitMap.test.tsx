import '../../testing/jsdomPolyfills';
import React from 'react';
import { render } from '@testing-library/react';
import { QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import { QubitMap } from './QubitMap';
import { testIds } from '../../ui/testIds';
import type { CouplerView, QubitView } from '../../pages/providerDetail/snapshot';

const CALIBRATED_AT = 1_764_633_600; // 2025-12-02T00:00:00Z
const COUPLER_MEASURED_AT = 1_764_630_000; // 2025-12-01T23:00:00Z

function qubit(id: string, x: number): QubitView {
  return { id, x, y: 0, values: { t1: 100e-6 }, measuredAt: {}, stderr: {}, drift: {} };
}

function coupler(a: string, b: string, parts: Partial<CouplerView>): CouplerView {
  return { qubits: [a, b], label: `${a}_${b}`, gate: 'cz', uncalibrated: false, ...parts };
}

function drawCouplers(couplers: CouplerView[], calibratedAt?: number) {
  const { getAllByTestId } = render(
    <QubitMap
      qubits={[qubit('0', 0), qubit('1', 1), qubit('2', 2), qubit('3', 3)]}
      couplers={couplers}
      metric={QUBIT_MAP_METRIC.t1}
      asList={false}
      onSelect={() => {}}
      onHover={() => {}}
      highlighted={new Set()}
      flagged={new Set()}
      calibratedAt={calibratedAt}
    />
  );
  return getAllByTestId(testIds.providerDetail.coupler).map((line) => ({
    state: line.getAttribute('data-state'),
    stroke: line.getAttribute('stroke'),
    dash: line.getAttribute('stroke-dasharray'),
    title: line.querySelector('title')?.textContent ?? '',
  }));
}

describe('qubit map couplers', () => {
  const couplers = [
    coupler('0', '1', { error: 0.01, measuredAt: COUPLER_MEASURED_AT }),
    coupler('1', '2', { uncalibrated: true }),
    coupler('2', '3', {}),
  ];

  it('draws an uncalibrated coupler unlike a missing one', () => {
    const [measured, uncalibrated, missing] = drawCouplers(couplers, CALIBRATED_AT);
    expect([measured!.state, uncalibrated!.state, missing!.state]).toEqual(['measured', 'uncalibrated', 'missing']);
    expect(measured!.dash).toBeNull();
    expect(uncalibrated!.stroke).not.toBe(missing!.stroke);
    expect(uncalibrated!.dash).not.toBe(missing!.dash);
  });

  it("tells each coupler's own time, else the device's calibration time, marked as such", () => {
    const [measured, uncalibrated] = drawCouplers(couplers, CALIBRATED_AT);
    expect(measured!.title).toContain('2025-12-01T23:00:00.000Z');
    expect(measured!.title).not.toContain('device calibration');
    expect(uncalibrated!.title).toContain('uncalibrated');
    expect(uncalibrated!.title).toContain('2025-12-02T00:00:00.000Z (device calibration)');
  });

  it('says no time is given when neither the value nor the device has one', () => {
    const [, , missing] = drawCouplers(couplers, undefined);
    expect(missing!.title).toContain('no time given');
  });
});

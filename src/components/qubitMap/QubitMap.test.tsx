import '../../testing/jsdomPolyfills';
import React from 'react';
import { render } from '@testing-library/react';
import { QUBIT_MAP_METRIC } from '@hybridlens/conventions';
import { type QubitCallout, QubitMap } from './QubitMap';
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
      callouts={new Map()}
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

describe('qubit map call-outs', () => {
  function drawQubits(callouts: Map<string, QubitCallout>, highlighted: string[] = []) {
    const { getAllByTestId } = render(
      <QubitMap
        qubits={[qubit('0', 0), qubit('1', 1), qubit('2', 2)]}
        couplers={[]}
        metric={QUBIT_MAP_METRIC.t1}
        asList={false}
        onSelect={() => {}}
        onHover={() => {}}
        highlighted={new Set(highlighted)}
        callouts={callouts}
      />
    );
    return getAllByTestId(testIds.providerDetail.qubit).map((g) => {
      const ring = g.querySelector(`[data-testid="${testIds.providerDetail.qubitCallout}"]`);
      return {
        id: g.getAttribute('data-qubit'),
        callout: g.getAttribute('data-callout'),
        label: g.getAttribute('aria-label') ?? '',
        ring: ring && {
          kind: ring.getAttribute('data-kind'),
          stroke: ring.getAttribute('stroke'),
          dash: ring.getAttribute('stroke-dasharray'),
          r: Number(ring.getAttribute('r')),
        },
        rings: [...g.querySelectorAll('circle')]
          .filter((c) => !c.classList.contains('body'))
          .map((c) => Number(c.getAttribute('r'))),
      };
    });
  }

  const callouts = new Map<string, QubitCallout>([
    ['0', { drifted: true, text: 'T1 drifted to 0.20× its 7-day median' }],
    ['1', { drifted: false, text: 'no T2' }],
  ]);

  it('outlines a drifted qubit unlike one called out for something else, and names why in its label', () => {
    const [drifted, other, plain] = drawQubits(callouts);
    expect([drifted!.callout, other!.callout, plain!.callout]).toEqual(['drifted', 'other', null]);
    expect(drifted!.ring).toMatchObject({ kind: 'drifted', dash: null });
    expect(other!.ring!.kind).toBe('other');
    expect(other!.ring!.dash).not.toBeNull();
    expect(drifted!.ring!.stroke).not.toBe(other!.ring!.stroke);
    expect(plain!.ring).toBeNull();
    expect(drifted!.label).toContain('Qubit 0');
    expect(drifted!.label).toContain('called out: T1 drifted to 0.20× its 7-day median');
    expect(other!.label).toContain('called out: no T2');
    expect(plain!.label).not.toContain('called out');
  });

  it('keeps the best-chain ring and the drift ring apart on a qubit that has both', () => {
    const [drifted] = drawQubits(callouts, ['0']);
    expect(drifted!.rings).toHaveLength(2);
    expect(new Set(drifted!.rings).size).toBe(2);
  });
});

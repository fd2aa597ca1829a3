// In the page (plain .ts, no JSX, so the repository's type check covers it): the app's QubitMap for one device, mounted fresh for each run, then recoloured metric by metric.
import { createElement } from 'react';
import { type QubitCallout, QubitMap } from '../../../src/components/qubitMap/QubitMap';
import { testIds } from '../../../src/ui/testIds';
import { freshRoot, inGrafana, timedRender } from './measure';
import type { MountTimes, QubitMapRequest, QubitMapRun } from './protocol';

const NONE: ReadonlySet<string> = new Set();
const NO_CALLOUTS: ReadonlyMap<string, QubitCallout> = new Map();

export async function qubitMapRun({ device, metrics }: QubitMapRequest): Promise<QubitMapRun> {
  const mounted = freshRoot();
  const map = (metric: (typeof metrics)[number]) =>
    inGrafana(
      createElement(QubitMap, {
        qubits: device.qubits,
        couplers: device.couplers,
        metric,
        asList: false,
        onSelect: () => undefined,
        onHover: () => undefined,
        highlighted: NONE,
        callouts: NO_CALLOUTS,
      })
    );
  try {
    const mount = await timedRender(mounted, map(metrics[0]!));
    const qubitsInDom = mounted.container.querySelectorAll(`[data-testid="${testIds.providerDetail.qubit}"]`).length;
    const couplersInDom = mounted.container.querySelectorAll(
      `[data-testid="${testIds.providerDetail.coupler}"]`
    ).length;
    const fills = () => [...mounted.container.querySelectorAll('circle.body')].map((c) => c.getAttribute('fill'));
    const recolour: MountTimes[] = [];
    let changed = 0;
    for (const metric of [...metrics.slice(1), metrics[0]!]) {
      const before = fills().join();
      recolour.push(await timedRender(mounted, map(metric)));
      changed += fills().join() === before ? 0 : 1;
    }
    if (metrics.length > 1 && changed === 0) {
      throw new Error(`no metric change recoloured the ${device.name} map`);
    }
    return { mount, recolour, qubitsInDom, couplersInDom };
  } finally {
    mounted.unmount();
  }
}

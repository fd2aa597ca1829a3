import '../../testing/jsdomPolyfills';
import { FieldType, toDataFrame } from '@grafana/data';
import { LABEL, MITIGATION_ACTION, MITIGATION_ALL_PROVIDERS } from '@hybridlens/conventions';
import { MITIGATIONS_REF, mitigationsFromFrames } from './mitigationsInForce';

const frame = (labels: Record<string, string>, value: number, refId = MITIGATIONS_REF) =>
  toDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1] },
      { name: 'Value', type: FieldType.number, values: [value], labels },
    ],
  });

describe('mitigationsFromFrames', () => {
  it('reads each mitigation with its provider (none for pipeline-wide) and since when, oldest first', () => {
    const frames = [
      frame({ [LABEL.action]: MITIGATION_ACTION.disableProvider, [LABEL.provider]: 'ibm' }, 1_764_644_400.5),
      frame(
        { [LABEL.action]: MITIGATION_ACTION.forceSimulator, [LABEL.provider]: MITIGATION_ALL_PROVIDERS },
        1_764_640_000
      ),
      frame({ [LABEL.action]: MITIGATION_ACTION.reduceShots, [LABEL.provider]: MITIGATION_ALL_PROVIDERS }, 5, 'other'),
    ];
    expect(mitigationsFromFrames(frames)).toEqual([
      { action: MITIGATION_ACTION.forceSimulator, since: 1_764_640_000_000 },
      { action: MITIGATION_ACTION.disableProvider, provider: 'ibm', since: 1_764_644_400_500 },
    ]);
  });

  it('leaves out samples without an action or a usable time', () => {
    expect(
      mitigationsFromFrames([
        frame({ [LABEL.provider]: 'ibm' }, 1_764_640_000),
        frame({ [LABEL.action]: MITIGATION_ACTION.forceSimulator }, Number.NaN),
        frame({ [LABEL.action]: MITIGATION_ACTION.forceSimulator }, 0),
      ])
    ).toEqual([]);
  });
});

import '../../testing/jsdomPolyfills';
import React from 'react';
import { render } from '@testing-library/react';
import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { DroppedValues } from './DroppedValues';
import { testIds } from '../../ui/testIds';

describe('dropped calibration values', () => {
  it('names each field, why it was dropped and how often', () => {
    const { getByTestId } = render(
      <DroppedValues
        dropped={[
          { field: 't1', reason: CALIBRATION_INGEST_REASON.outOfRange, count: 3 },
          { field: 'qubit', reason: CALIBRATION_INGEST_REASON.duplicate, count: 1 },
          { field: 'readout_error', reason: 'a_reason_from_a_newer_exporter', count: 2.0000001 },
        ]}
      />
    );
    const text = getByTestId(testIds.providerDetail.droppedValues).textContent;
    expect(text).toContain('t1 outside its valid range (3)');
    expect(text).toContain('qubit listed twice (1)');
    expect(text).toContain('readout_error a_reason_from_a_newer_exporter (2)');
  });

  it('says nothing when nothing was dropped', () => {
    const { queryByTestId } = render(<DroppedValues dropped={[]} />);
    expect(queryByTestId(testIds.providerDetail.droppedValues)).toBeNull();
  });
});

import { ALERT, ALERT_PLAYBOOK, PLAYBOOK, SLI_PLAYBOOK, SLI_TYPE, canonicalBackendId } from '../src';

describe('canonical backend ids', () => {
  it.each([
    ['ibm_sherbrooke', 'ibm_sherbrooke'],
    ['arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet', 'Garnet'],
    ['arn:aws:braket:us-west-1::device/qpu/rigetti/Ankaa-3', 'Ankaa-3'],
    ['arn:aws:braket:::device/quantum-simulator/amazon/sv1', 'sv1'],
    ['ionq.qpu.aria-1', 'ionq.qpu.aria-1'],
    ['projects/my-project/processors/rainbow', 'rainbow'],
    ['  Garnet\n', 'Garnet'],
  ])('%s → %s (case kept)', (raw, id) => {
    expect(canonicalBackendId(raw)).toBe(id);
  });
});

describe('one definition of which playbook each SLO and alert leads to', () => {
  it('covers every SLI type and every alert but the burn-rate one (which uses its SLO label)', () => {
    expect(Object.keys(SLI_PLAYBOOK).sort()).toEqual(Object.values(SLI_TYPE).sort());
    const alerts = Object.values(ALERT).filter((a) => a !== ALERT.sloBurnRate);
    expect(Object.keys(ALERT_PLAYBOOK).sort()).toEqual([...alerts].sort());
    for (const playbook of [...Object.values(SLI_PLAYBOOK), ...Object.values(ALERT_PLAYBOOK)]) {
      expect(Object.values(PLAYBOOK)).toContain(playbook);
    }
  });
});

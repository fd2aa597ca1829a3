import React from 'react';
import { css } from '@emotion/css';
import { ORCHESTRATOR_ATTR } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { formatMs } from '../../components/waterfall/formatDuration';
import type { DecisionExample, DecisionInputValue } from './decisionExamples';

const muted = css({ opacity: 0.8, fontSize: '0.85em' });

const yesNo = (v: DecisionInputValue) =>
  v === true ? t('lifecycle.decisions.yes', 'yes') : v === false ? t('lifecycle.decisions.no', 'no') : String(v);
const seconds = (v: DecisionInputValue) => (typeof v === 'number' ? formatMs(v * 1000) : String(v));
const plain = (v: DecisionInputValue) => (Array.isArray(v) ? v.join(', ') || '—' : String(v));
const ratio = (v: DecisionInputValue) => (typeof v === 'number' ? v.toFixed(3) : String(v));

/** How each explainability attribute reads: its name and its value, in the orchestrator's order of concern. */
function describe(): Array<[string, string, (v: DecisionInputValue) => string]> {
  return [
    [ORCHESTRATOR_ATTR.provider.key, t('lifecycle.decisions.input.provider', 'provider'), plain],
    [ORCHESTRATOR_ATTR.backend.key, t('lifecycle.decisions.input.backend', 'backend'), plain],
    [ORCHESTRATOR_ATTR.inputQueueLength.key, t('lifecycle.decisions.input.queue', 'queue'), plain],
    [ORCHESTRATOR_ATTR.inputBacklogSeconds.key, t('lifecycle.decisions.input.backlog', 'backlog'), seconds],
    [
      ORCHESTRATOR_ATTR.inputRateLimitRemaining.key,
      t('lifecycle.decisions.input.rate-limit', 'rate-limit budget'),
      plain,
    ],
    [
      ORCHESTRATOR_ATTR.inputCalibrationAgeSeconds.key,
      t('lifecycle.decisions.input.calibration-age', 'calibration age'),
      seconds,
    ],
    [
      ORCHESTRATOR_ATTR.inputPredictedFidelity.key,
      t('lifecycle.decisions.input.fidelity', 'predicted fidelity'),
      ratio,
    ],
    [
      ORCHESTRATOR_ATTR.inputProviderAvailable.key,
      t('lifecycle.decisions.input.available', 'provider available'),
      yesNo,
    ],
    [ORCHESTRATOR_ATTR.inputFlags.key, t('lifecycle.decisions.input.flags', 'flags'), plain],
    [ORCHESTRATOR_ATTR.fallback.key, t('lifecycle.decisions.input.fallback', 'fallback'), yesNo],
  ];
}

/** The inputs one decision recorded, as "name value" pairs; absent inputs are left out. */
export function DecisionInputs({ inputs }: { inputs: DecisionExample['inputs'] }) {
  const parts = describe().flatMap(([key, name, format]) => {
    const v = inputs[key];
    return v === undefined ? [] : [`${name} ${format(v)}`];
  });
  return <span className={muted}>{parts.join(' · ')}</span>;
}

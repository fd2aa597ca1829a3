import { CALIBRATION_QUANTITY, type CalibrationQuantity } from '@hybridlens/conventions';
import { t } from '../../i18n';

/**
 * Coherence times in µs as superconducting calibration views show them, in ms or s when longer (trapped ions keep
 * coherence for seconds: "188 s", not "188000000 µs"); errors in % (error = 1 − fidelity everywhere).
 */
export function formatQuantity(quantity: CalibrationQuantity, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) {
    return '—';
  }
  if (quantity === CALIBRATION_QUANTITY.t1 || quantity === CALIBRATION_QUANTITY.t2) {
    if (Math.abs(value) >= 1) {
      return `${Number(value.toPrecision(3))} s`;
    }
    if (Math.abs(value) >= 1e-3) {
      return `${Number((value * 1e3).toPrecision(3))} ms`;
    }
    return `${(value * 1e6).toFixed(value * 1e6 >= 100 ? 0 : 1)} µs`;
  }
  const percent = value * 100;
  return `${percent.toPrecision(percent >= 10 ? 3 : 2)} %`;
}

/** The raw number a CSV cell holds: SI units, unrounded; empty when missing (never 0). */
export function csvNumber(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '' : String(value);
}

export function isoTime(unixSeconds: number | undefined): string {
  return unixSeconds === undefined || !Number.isFinite(unixSeconds) ? '' : new Date(unixSeconds * 1000).toISOString();
}

/**
 * When a value was measured, as a reader should see it. Sources that do not date each value (Braket Rigetti and
 * IonQ, Google, Azure) stand behind the backend's calibration time, so that time is shown, marked as the
 * device's: a blank would read as "never measured".
 */
export function measuredTimeText(own: number | undefined, calibratedAt: number | undefined): string {
  const ownText = isoTime(own);
  if (ownText) {
    return ownText;
  }
  const deviceText = isoTime(calibratedAt);
  return deviceText
    ? t('provider-detail.time.device', '{{time}} (device calibration)', { time: deviceText })
    : t('provider-detail.time.none', 'no time given');
}

/** "3.2 d", "5.0 h", "12 min": an age at a glance. */
export function formatAge(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) {
    return '—';
  }
  const abs = Math.abs(seconds);
  if (abs >= 86_400) {
    return `${(seconds / 86_400).toFixed(1)} d`;
  }
  if (abs >= 3600) {
    return `${(seconds / 3600).toFixed(1)} h`;
  }
  return `${Math.round(seconds / 60)} min`;
}

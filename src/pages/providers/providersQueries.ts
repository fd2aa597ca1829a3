import * as q from '../../queries/calibrationProviders';
import { FILTERS } from '../../queries/calibrationProviders';

/** RefIds of the Providers page's table runner (instant queries over the time range). */
export const PROVIDERS = {
  jobs: 'jobs',
  errors: 'errors',
  availability: 'availability',
  targetAvailable: 'targetAvailable',
  targetQueue: 'targetQueue',
  queueLength: 'queueLength',
  queueBacklog: 'queueBacklog',
  enqueueP95: 'enqueueP95',
  rateLimitHeadroom: 'rateLimitHeadroom',
  rateLimited: 'rateLimited',
  shots: 'shots',
  spend: 'spend',
  medians: 'medians',
  uncertainty: 'uncertainty',
  calibratedAt: 'calibratedAt',
  cadence: 'cadence',
  lastGoodAge: 'lastGoodAge',
  devices: 'devices',
  qubitCount: 'qubitCount',
  methods: 'methods',
} as const;

/** RefIds of the correlation runner (range queries). */
export const CORRELATION = {
  failureRatio: 'failureRatio',
  median2qError: 'median2qError',
  enqueueP95: 'enqueueP95Trend',
  queueLength: 'queueLengthTrend',
} as const;

export function providersQueries(): Record<(typeof PROVIDERS)[keyof typeof PROVIDERS], string> {
  return {
    [PROVIDERS.jobs]: q.jobsByOutcome(FILTERS),
    [PROVIDERS.errors]: q.errorsByType(FILTERS),
    [PROVIDERS.availability]: q.availability(FILTERS),
    [PROVIDERS.targetAvailable]: q.targetAvailable(FILTERS),
    [PROVIDERS.targetQueue]: q.targetQueueSeconds(FILTERS),
    [PROVIDERS.queueLength]: q.queueLength(FILTERS),
    [PROVIDERS.queueBacklog]: q.queueBacklog(FILTERS),
    [PROVIDERS.enqueueP95]: q.enqueueP95(FILTERS),
    [PROVIDERS.rateLimitHeadroom]: q.rateLimitHeadroom(FILTERS),
    [PROVIDERS.rateLimited]: q.rateLimited(FILTERS),
    [PROVIDERS.shots]: q.shots(FILTERS),
    [PROVIDERS.spend]: q.spend(FILTERS),
    [PROVIDERS.medians]: q.calibrationMedians(FILTERS),
    [PROVIDERS.uncertainty]: q.calibrationUncertainty(FILTERS),
    [PROVIDERS.calibratedAt]: q.calibrationTimes(FILTERS),
    [PROVIDERS.cadence]: q.calibrationCadence(FILTERS),
    [PROVIDERS.lastGoodAge]: q.calibrationLastGoodAge(FILTERS),
    [PROVIDERS.devices]: q.calibrationDevices(FILTERS),
    [PROVIDERS.qubitCount]: q.calibrationQubitCount(FILTERS),
    [PROVIDERS.methods]: q.calibrationMethods(FILTERS),
  };
}

export function correlationQueries(): Record<(typeof CORRELATION)[keyof typeof CORRELATION], string> {
  return {
    [CORRELATION.failureRatio]: q.jobFailureRatio(FILTERS),
    [CORRELATION.median2qError]: q.median2qErrorTrend(FILTERS),
    [CORRELATION.enqueueP95]: q.enqueueP95Trend(FILTERS),
    [CORRELATION.queueLength]: q.queueLengthTrend(FILTERS),
  };
}

import type { DataFrame } from '@grafana/data';
import { LABEL } from '@hybridlens/conventions';
import { samplesOf } from '../../app/frames';
import { canJudge } from './sloJudge';

export const SLO_LIST = { info: 'info', sli: 'sli', budget: 'budget', burnRate: 'burnRate', events: 'events' } as const;

export type SloRowState = 'ok' | 'noData' | 'lowTraffic';

export interface SloRow {
  slo: string;
  service: string;
  sliType: string;
  objective?: number;
  window: string;
  sli?: number;
  budgetRemaining?: number;
  burnRate?: number;
  events?: number;
  state: SloRowState;
}

function bySlo(frames: readonly DataFrame[], refId: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const { labels, value } of samplesOf(frames, refId)) {
    const slo = labels[LABEL.slo];
    if (slo !== undefined && Number.isFinite(value)) {
      out.set(slo, value);
    }
  }
  return out;
}

function parseObjective(raw: string | undefined): number | undefined {
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * One row per SLO discovered from the metadata series, worst budget first. SLOs without recorded
 * values, or with too few events to tell missed from met (`canJudge`), say so instead of showing a misleading 100 %.
 */
export function buildSloRows(frames: readonly DataFrame[], minEventsToJudge: number): SloRow[] {
  const sli = bySlo(frames, SLO_LIST.sli);
  const budget = bySlo(frames, SLO_LIST.budget);
  const burn = bySlo(frames, SLO_LIST.burnRate);
  const events = bySlo(frames, SLO_LIST.events);
  const seen = new Set<string>();
  const rows: SloRow[] = [];
  for (const { labels } of samplesOf(frames, SLO_LIST.info)) {
    const slo = labels[LABEL.slo];
    if (!slo || seen.has(slo)) {
      continue;
    }
    seen.add(slo);
    const row: SloRow = {
      slo,
      service: labels[LABEL.sloService] ?? '',
      sliType: labels[LABEL.sliType] ?? '',
      objective: parseObjective(labels[LABEL.objective]),
      window: labels[LABEL.window] ?? '',
      sli: sli.get(slo),
      budgetRemaining: budget.get(slo),
      burnRate: burn.get(slo),
      events: events.get(slo),
      state: 'ok',
    };
    if (row.sli === undefined && row.budgetRemaining === undefined) {
      row.state = 'noData';
    } else if (
      !canJudge({
        events: row.events,
        errorRatio: row.sli === undefined ? undefined : 1 - row.sli,
        objective: row.objective,
        minEvents: minEventsToJudge,
      })
    ) {
      row.state = 'lowTraffic';
    }
    rows.push(row);
  }
  const rank = (r: SloRow) => (r.budgetRemaining === undefined ? Infinity : r.budgetRemaining);
  return rows.sort((a, b) => rank(a) - rank(b) || a.slo.localeCompare(b.slo));
}

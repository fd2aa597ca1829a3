import { timeAxis } from '../axis';
import type { TraceLifecycle } from '../derive/lifecycle';
import { TRACE_FORMAT_LABEL } from '../model';
import { problemTotal } from '../problems';
import { formatSpanDuration } from './formatTime';

export interface WaterfallOptions {
  /** Total line width in columns (default 120). */
  width?: number;
  /** Span rows shown at most (default 200); the rest are summarized in one line. */
  maxRows?: number;
}

const BAR = '█';
const BAR_IN_GAP = '≈';
const GAP = '┊';
const MARK_CRITICAL = '*';
const MARK_ERROR = '!';

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text.padEnd(width);
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share >= 0.1 ? 1 : 2)} %`;
}

/**
 * A terminal waterfall of a derived trace: one row per span (indented by depth) with its stage, duration and
 * a bar on a time axis whose idle gaps are compressed (┊ columns). `*` marks the critical path, `!` errors.
 * Then the stages, the quantum jobs and the problems.
 */
export function renderWaterfall(lc: TraceLifecycle, options: WaterfallOptions = {}): string {
  const width = Math.max(60, options.width ?? 120);
  const maxRows = Math.max(1, options.maxRows ?? 200);
  const lines: string[] = [];
  const format = lc.format ? TRACE_FORMAT_LABEL[lc.format] : 'spans';
  const partial =
    lc.completeness.status === 'partial'
      ? `  PARTIAL${lc.completeness.message ? `: ${lc.completeness.message}` : ' (the backend returned part of the trace)'}`
      : '';
  lines.push(
    `trace ${lc.traceId || '(no id)'}  ${formatSpanDuration(lc.durationMs)}  ${lc.spans.length} span${lc.spans.length === 1 ? '' : 's'}  ${format}${partial}`
  );
  if (lc.request) {
    const r = lc.request;
    const parts = [
      r.method,
      r.route,
      r.path && `path ${r.path}`,
      r.degraded && 'degraded',
      r.statusCode && `status ${r.statusCode}`,
    ];
    lines.push(`request ${parts.filter(Boolean).join('  ') || r.name}${r.error ? '  ERROR' : ''}`);
  }
  if (lc.spans.length === 0) {
    lines.push('(no spans)');
    return `${lines.join('\n')}\n`;
  }
  const labelWidth = Math.min(48, Math.floor(width * 0.35));
  const stageWidth = 12;
  const durationWidth = 9;
  const barWidth = width - labelWidth - stageWidth - durationWidth - 6;
  const axis = timeAxis(lc.startMs, lc.endMs, lc.idleGaps);
  const column = (ms: number) => Math.min(barWidth - 1, Math.floor(axis.x(ms) * barWidth));
  const background = Array.from({ length: barWidth }, (_, c) => {
    const t = axis.time((c + 0.5) / barWidth);
    return axis.segments.some((s) => s.compressed && t >= s.startMs && t <= s.endMs) ? GAP : ' ';
  });
  const onPath = new Set(lc.criticalPathSpanIds);
  lines.push('');
  lines.push(
    `${' '.repeat(2)}${fit('span', labelWidth)} ${fit('stage', stageWidth)} ${'duration'.padStart(durationWidth)}  ` +
      fit(
        `0 → ${formatSpanDuration(lc.durationMs)}${lc.idleGaps.length > 0 ? ` (${GAP} = idle gap, compressed)` : ''}`,
        barWidth
      )
  );
  for (const row of lc.spans.slice(0, maxRows)) {
    const span = row.span;
    const marks = `${onPath.has(span.spanId) ? MARK_CRITICAL : ' '}${row.error ? MARK_ERROR : ' '}`;
    const label = `${'  '.repeat(Math.min(row.depth, 12))}${span.name || '(no name)'}`;
    const bar: string[] = [...background];
    const from = column(span.startMs);
    const to = Math.max(from, column(span.endMs));
    for (let c = from; c <= to; c++) {
      bar[c] = background[c] === GAP ? BAR_IN_GAP : BAR;
    }
    lines.push(
      `${marks}${fit(label, labelWidth)} ${fit(row.stage, stageWidth)} ${formatSpanDuration(row.durationMs).padStart(durationWidth)}  ${bar.join('')}`
    );
  }
  if (lc.spans.length > maxRows) {
    lines.push(`  … ${lc.spans.length - maxRows} more spans (--max-rows to show more)`);
  }
  lines.push('');
  lines.push('stages (time on the critical path, share of the trace):');
  for (const s of lc.stages) {
    lines.push(
      `  ${fit(s.stage, stageWidth)} ${formatSpanDuration(s.criticalPathMs).padStart(durationWidth)}  ${percent(s.share).padStart(7)}  ` +
        `${s.spanCount} span${s.spanCount === 1 ? '' : 's'}${s.errorCount > 0 ? `, ${s.errorCount} failed` : ''}`
    );
  }
  if (lc.quantumJobs.length > 0) {
    lines.push('');
    lines.push('quantum jobs:');
    for (const job of lc.quantumJobs) {
      const phases = job.phases.map(
        (p) => `${p.phase} ${formatSpanDuration(p.durationMs)}${p.error ? ' (failed)' : ''}`
      );
      const states = job.states.map((s) => s.state).join(' → ');
      lines.push(
        `  ${job.provider ?? '?'}/${job.backend ?? '?'}  ${job.outcome}${job.errorType ? ` (${job.errorType})` : ''}` +
          `${states ? `  ${states}` : ''}`
      );
      lines.push(`    job ${job.jobId ?? '(none: never reached the provider)'}`);
      const details = [
        phases.join(', '),
        job.shots !== undefined && `${job.shots} shots`,
        job.queuePosition !== undefined && `queue position ${job.queuePosition}`,
        job.spendUsd !== undefined && `$${job.spendUsd.toFixed(2)}`,
      ];
      lines.push(`    ${details.filter(Boolean).join('  ')}`);
    }
  }
  const total = problemTotal(lc.problems);
  lines.push('');
  lines.push(
    total === 0
      ? 'problems: none'
      : `problems: ${Object.entries(lc.problems.counts)
          .map(([kind, n]) => `${kind} ${n}`)
          .join(', ')}`
  );
  return `${lines.join('\n')}\n`;
}

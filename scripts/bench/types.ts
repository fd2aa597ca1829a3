/** One row of `npm run bench`. Figures are measured, never typed in. */
export interface BenchRow {
  /** What is measured, e.g. "plugin bundle", "simulator backfill". */
  area: string;
  /** The figure, e.g. "entry module.js (minified)". */
  metric: string;
  value: number;
  unit: string;
  /** The target the issue sets, if any, e.g. "< 10240". */
  target?: string;
  /** Whether the value meets the target (undefined without a target). */
  ok?: boolean;
  note?: string;
}

export type Bench = () => Promise<BenchRow[]>;

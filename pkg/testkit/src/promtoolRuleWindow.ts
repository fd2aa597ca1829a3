/** promtool writes TSDB blocks aligned to 2-hour boundaries (its default block duration). */
const BLOCK_SECONDS = 2 * 3600;

/**
 * The start to give `promtool tsdb create-blocks-from rules` so that it records anything at all.
 *
 * Measured with promtool 2.42 (Debian 12's package): when `--start` falls less than one evaluation interval
 * before a 2-hour block boundary (03:58 with `--eval-interval=4m`), it may exit 0 having written no block for the
 * whole window, silently. Its evaluations are offset from the start by part of an interval (depending on the rule
 * file), so the short first block can get no evaluation at all, and an empty block ends the import. Starting
 * exactly on the boundary, or at least one interval before it, always gives the first block an evaluation. This moves
 * the start back by the few seconds needed (never forward, so the window only grows, by less than one interval).
 * The page harness' SLO series vanished whenever its setup began at HH:13 of an even hour, for this reason.
 */
export function promtoolRuleStart(start: number, evalIntervalSeconds: number): number {
  const whole = Math.floor(start);
  const toBoundary = (BLOCK_SECONDS - (whole % BLOCK_SECONDS)) % BLOCK_SECONDS;
  if (toBoundary === 0 || toBoundary >= evalIntervalSeconds) {
    return whole;
  }
  return whole - (evalIntervalSeconds - toBoundary);
}

/**
 * The phrase that marks a panel whose queries return nothing while all is well (no alert firing, no fallback
 * used). The query test lets such a panel come back empty and requires data from every other panel.
 */
export const EMPTY_WHEN_HEALTHY = 'Empty when healthy';

/** A panel description with the "empty when healthy" note. */
export function emptyWhenHealthy(description: string, whatEmptyMeans: string): string {
  return `${description} ${EMPTY_WHEN_HEALTHY}: ${whatEmptyMeans}`;
}

export function isEmptyWhenHealthy(description: string | undefined): boolean {
  return (description ?? '').includes(`${EMPTY_WHEN_HEALTHY}:`);
}

import type { Locator } from '@playwright/test';

/**
 * Texts of a table's cells that are cut off (drawn wider than their cell, so an ellipsis or the edge hides the
 * rest): TableNG gives each column its `custom.width`, or a share of what is left, never less than `minWidth`.
 */
export async function truncatedCellTexts(table: Locator): Promise<string[]> {
  return table
    .getByRole('gridcell')
    .evaluateAll((cells) =>
      cells
        .filter((cell) =>
          [cell, ...Array.from(cell.querySelectorAll<HTMLElement>('*'))].some(
            (el) => el.scrollWidth > el.clientWidth + 1
          )
        )
        .map((cell) => cell.textContent ?? '')
    );
}

/**
 * Pixel sizes of Grafana's dashboard grid and table panel (12.x defaults: a grid unit of 30 px with 8 px between
 * units; a panel header of 32 px and 8 px of padding; table header and rows of the default "sm" cell height, 36 px).
 */
const GRID_UNIT_PX = 30;
const GRID_MARGIN_PX = 8;
const PANEL_HEADER_PX = 32;
const PANEL_PADDING_PX = 8;
const TABLE_ROW_PX = 36;

/** Grid height of a table panel that shows `rows` rows and its header without scrolling. */
export function tableHeightFor(rows: number): number {
  if (!Number.isInteger(rows) || rows < 1) {
    throw new Error(`tableHeightFor: rows must be a whole number of at least 1, got ${rows}`);
  }
  const px = PANEL_HEADER_PX + 2 * PANEL_PADDING_PX + (rows + 1) * TABLE_ROW_PX;
  // h units span h * GRID_UNIT_PX + (h - 1) * GRID_MARGIN_PX pixels.
  return Math.ceil((px + GRID_MARGIN_PX) / (GRID_UNIT_PX + GRID_MARGIN_PX));
}

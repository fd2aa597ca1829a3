import { SceneFlexItem, SceneFlexLayout, type SceneObject } from '@grafana/scenes';

export interface TileRowOptions {
  /** Height of each tile. */
  height: number;
  /** Narrowest a tile may get before it wraps to the next line (its title must stay readable). */
  minWidth: number;
}

/** A row of tiles that share the width and wrap onto more lines on narrow screens, so no title is cut. */
export function tileRow(tiles: SceneObject[], { height, minWidth }: TileRowOptions): SceneFlexItem {
  return new SceneFlexItem({
    height: 'auto',
    body: new SceneFlexLayout({
      direction: 'row',
      wrap: 'wrap',
      children: tiles.map((body) => new SceneFlexItem({ body, height, minWidth })),
    }),
  });
}

import { EmbeddedScene, SceneAppPage, SceneFlexItem, SceneFlexLayout, SceneReactObject } from '@grafana/scenes';
import { PAGE, type PageId, appPath } from '@hybridlens/conventions';
import { PendingNotice } from './PendingNotice';

/** A navigation slot whose page has not been built yet: says so instead of a blank or a 404. */
export function buildPendingPage(page: PageId): SceneAppPage {
  return new SceneAppPage({
    title: PAGE[page].title,
    url: appPath(page),
    routePath: `${PAGE[page].path}/*`,
    getScene: () =>
      new EmbeddedScene({
        body: new SceneFlexLayout({
          children: [new SceneFlexItem({ body: new SceneReactObject({ component: PendingNotice, props: { title: PAGE[page].title } }) })],
        }),
      }),
  });
}

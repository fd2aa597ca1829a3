import { SceneObjectBase, type SceneApp, type SceneObjectState } from '@grafana/scenes';
import { type PageId, appPath } from '@hybridlens/conventions';

interface ThrowOnRenderState extends SceneObjectState {
  message: string;
}

/** A scene object whose rendering throws, as a page's code would on data it does not expect. */
class ThrowOnRender extends SceneObjectBase<ThrowOnRenderState> {
  static Component = ({ model }: { model: ThrowOnRender }): never => {
    throw new TypeError(model.state.message);
  };
}

/** The app's own pages, with one of them replaced by a body that throws while rendering. */
export function withBrokenPage(app: SceneApp, page: PageId, message: string): SceneApp {
  const target = app.state.pages.find((p) => p.state.url === appPath(page));
  if (!target) {
    throw new Error(`the app has no page at ${appPath(page)} to break`);
  }
  const { getScene } = target.state;
  if (!getScene) {
    throw new Error(`the page at ${appPath(page)} builds no scene`);
  }
  target.setState({
    getScene: (match) => {
      const scene = getScene(match);
      scene.setState({ body: new ThrowOnRender({ message }) });
      return scene;
    },
  });
  return app;
}

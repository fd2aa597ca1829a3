// Levitate follows static imports only: this entry pulls in the lazily loaded parts too, so every
// @grafana/* API the plugin touches is checked, not just what module.tsx imports.
export { plugin } from '../src/module';
export { default as App } from '../src/app/App';
export { default as AppConfig } from '../src/config/AppConfig';

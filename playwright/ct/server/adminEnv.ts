/** Environment variables the global setup sets for the playbook specs: the live simulator and the proxy stand-in. */
export const LIVE_SIMULATOR_URL_ENV = 'HL_CT_LIVE_SIMULATOR_URL';
export const PLUGIN_PROXY_URL_ENV = 'HL_CT_PLUGIN_PROXY_URL';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: run through playwright-ct.config.ts (its globalSetup starts it)`);
  }
  return value;
}

/** The live simulator (its /metrics and admin API); admin calls need the token, which only the proxy holds. */
export const liveSimulatorUrl = () => required(LIVE_SIMULATOR_URL_ENV);
/** The stand-in of Grafana's plugin proxy for the app's `admin` route. */
export const pluginProxyUrl = () => required(PLUGIN_PROXY_URL_ENV);

import { randomBytes } from 'node:crypto';
import { startLive } from '@hybridlens/simulator/src/live';
import { startPluginProxy } from '../standins/pluginProxy';
import { LIVE_SIMULATOR_URL_ENV, PLUGIN_PROXY_URL_ENV } from './adminEnv';

/**
 * A live simulator with its admin API behind a token, and the plugin-proxy stand-in that holds the token, for
 * the playbook specs' mitigation actions. Returns the function that stops both.
 */
export async function startLiveAdmin(log: (message: string) => void): Promise<() => Promise<void>> {
  const token = randomBytes(24).toString('hex');
  // Log lines are the simulator's business here; the specs read its flags and audit through the admin API.
  const live = await startLive({ port: 0, adminToken: token, logSink: () => true });
  const proxy = await startPluginProxy(token).catch(async (error: unknown) => {
    await live.stop();
    throw error;
  });
  process.env[LIVE_SIMULATOR_URL_ENV] = live.url;
  process.env[PLUGIN_PROXY_URL_ENV] = proxy.url;
  log(`live simulator ${live.url} (admin API behind a token), plugin proxy stand-in ${proxy.url}`);
  return async () => {
    await Promise.all([proxy.stop(), live.stop()]);
  };
}

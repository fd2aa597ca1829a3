import type { Compiler, Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

/** The entry Grafana loads first; everything else must be a lazy chunk. */
export const ENTRY_ASSET = 'module.js';
export const ENTRY_BUDGET_BYTES = 10 * 1024;

/** Fails a production build whose entry grows past the budget (it would slow every Grafana page load). */
class EntryBudgetPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.afterEmit.tap('EntryBudgetPlugin', (compilation) => {
      const asset = compilation.getAsset(ENTRY_ASSET);
      if (!asset) {
        compilation.errors.push(new compiler.webpack.WebpackError(`entry budget: ${ENTRY_ASSET} was not emitted`));
        return;
      }
      const size = asset.source.size();
      if (size > ENTRY_BUDGET_BYTES) {
        compilation.errors.push(
          new compiler.webpack.WebpackError(
            `entry budget: ${ENTRY_ASSET} is ${size} bytes, over the ${ENTRY_BUDGET_BYTES}-byte budget. Keep src/module.tsx tiny and import pages lazily.`
          )
        );
      }
    });
  }
}

const config = async (env: Env): Promise<Configuration> => {
  const base = await grafanaConfig(env);
  return merge(base, {
    plugins: env.production ? [new EntryBudgetPlugin()] : [],
    // Lazy chunks (Scenes ~450 KB) are expected to be large; the entry budget above is what matters.
    performance: { hints: false },
  });
};

export default config;

import { resolve } from 'node:path';
import { build } from 'esbuild';

const ENTRIES = {
  library: resolve(__dirname, '../src/index.ts'),
  testing: resolve(__dirname, '../src/testing/index.ts'),
};

describe('browser-safe entries', () => {
  it.each(Object.entries(ENTRIES))(
    'the %s entry bundles for the browser: no Node module, not the CLI',
    async (_, entry) => {
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        metafile: true,
        logLevel: 'silent',
      });
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((path) => /^node:|(^|\/)(fs|path|os|child_process|stream|util)$/.test(path))).toEqual([]);
      expect(inputs.filter((path) => path.includes('pkg/traces/src/cli/'))).toEqual([]);
      expect(inputs.some((path) => path.includes('pkg/conventions/src/'))).toBe(true);
    }
  );

  it('fails to bundle the CLI for the browser (so the check above can fail)', async () => {
    await expect(
      build({
        entryPoints: [resolve(__dirname, '../src/cli/main.ts')],
        bundle: true,
        platform: 'browser',
        write: false,
        logLevel: 'silent',
      })
    ).rejects.toThrow(/Could not resolve "node:fs"/);
  });

  it('keeps the test data generators out of the library entry', async () => {
    const result = await build({
      entryPoints: [ENTRIES.library],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs).filter((path) => path.includes('/testing/'))).toEqual([]);
  });
});

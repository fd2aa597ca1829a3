import { runCli } from '@hybridlens/cli';
import { PREVIEW_CLI } from './cliSpec';
import { runPreview } from './runPreview';

void runCli(PREVIEW_CLI, process.argv.slice(2), {
  serve: ({ values }) => runPreview({ port: values.port, hours: values.hours }),
}).then((code) => {
  process.exitCode = code;
});

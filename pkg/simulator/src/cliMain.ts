import { runSimulatorCli } from './cli';

void runSimulatorCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

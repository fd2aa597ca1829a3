import { main } from './cli';

// exitCode, not exit(): a large JSON written to a pipe must be flushed before the process ends.
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

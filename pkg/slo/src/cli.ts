import { main } from './cliMain';

process.exitCode = main(process.argv.slice(2));

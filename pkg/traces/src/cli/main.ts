import { readFileSync, statSync } from 'node:fs';
import { CliUsageError, CliUserError, PROCESS_IO, runCli, type CliIo, type CliSpec } from '@hybridlens/cli';
import { deriveFromDocument, pickTrace, TraceNotFoundError } from '../loadTrace';
import { readTrace, TraceFormatError, type TraceDocument } from '../read/readTrace';
import { lifecycleReport } from '../report';
import { renderWaterfall } from '../text/waterfall';

/** Larger inputs are refused before reading (V8 strings stop a little above this anyway). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export const TRACE_CLI = {
  name: 'hybridlens-trace',
  summary:
    'Reads traces as Tempo (v1, v2), OTLP JSON, OTLP JSON lines or Jaeger JSON return them, and derives the request lifecycle.',
  commands: {
    lifecycle: {
      summary: 'stages with their time and share, critical path, quantum jobs and problems of a trace',
      positionals: { name: 'FILE', description: 'a trace file, or - for standard input', min: 1, max: 1 },
      flags: {
        text: { type: 'boolean', description: 'print a terminal waterfall instead of JSON' },
        'trace-id': {
          type: 'string',
          description: 'the trace to show when the input holds several (hex or base64)',
          placeholder: 'ID',
        },
        all: { type: 'boolean', description: 'every trace of the input: one JSON object per line, or waterfalls' },
        width: { type: 'integer', description: 'waterfall width in columns', min: 60, max: 400, default: 120 },
        'max-rows': { type: 'integer', description: 'waterfall rows shown', min: 1, max: 1_000_000, default: 200 },
      },
      details: `Exit codes: 0 done; 1 the file cannot be read or the trace id is not in it; 2 a bad command line,
or the input is not a trace in any of the formats (one line says where each format failed).

Examples:
  hybridlens-trace lifecycle trace.json
  curl -s http://tempo:3200/api/v2/traces/<id> | hybridlens-trace lifecycle --text -
  hybridlens-trace lifecycle --all traces.otlp.jsonl`,
    },
  },
} as const satisfies CliSpec;

/** Reads FILE or standard input (`-`), refusing inputs over MAX_INPUT_BYTES before they fill memory. */
export async function readInput(file: string, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  if (file !== '-') {
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES) {
      throw new CliUserError(
        `${file}: ${Math.round(size / 1e6)} MB is more than the ${MAX_INPUT_BYTES / 2 ** 20} MiB this tool reads`
      );
    }
    return readFileSync(file, 'utf8');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > MAX_INPUT_BYTES) {
      throw new CliUserError(`standard input: more than the ${MAX_INPUT_BYTES / 2 ** 20} MiB this tool reads`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface LifecycleValues {
  text: boolean;
  all: boolean;
  'trace-id'?: string;
  width: number;
  'max-rows': number;
}

function output(document: TraceDocument, values: LifecycleValues, io: CliIo): void {
  const waterfall = { width: values.width, maxRows: values['max-rows'] };
  if (values.all) {
    document.traces.forEach((trace, i) => {
      const lc = deriveFromDocument(document, trace);
      io.stdout(
        values.text
          ? `${i > 0 ? '\n' : ''}${renderWaterfall(lc, waterfall)}`
          : `${JSON.stringify(lifecycleReport(lc))}\n`
      );
    });
    return;
  }
  const lc = deriveFromDocument(document, pickTrace(document, values['trace-id']));
  io.stdout(values.text ? renderWaterfall(lc, waterfall) : `${JSON.stringify(lifecycleReport(lc), null, 2)}\n`);
}

export interface MainOptions {
  io?: CliIo;
  stdin?: AsyncIterable<Buffer | string>;
}

export function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const io = options.io ?? PROCESS_IO;
  return runCli(
    TRACE_CLI,
    argv,
    {
      lifecycle: async ({ values, positionals }, cliIo) => {
        const file = positionals[0]!;
        const name = file === '-' ? 'standard input' : file;
        const text = await readInput(file, options.stdin);
        let document: TraceDocument;
        try {
          document = readTrace(text);
        } catch (error) {
          if (error instanceof TraceFormatError) {
            cliIo.stderr(`${TRACE_CLI.name} lifecycle: ${name}: ${error.message}\n`);
            return 2;
          }
          throw error;
        }
        if (document.traces.length > 1 && !values.all && values['trace-id'] === undefined) {
          throw new CliUsageError(
            `${name} holds ${document.traces.length} traces: choose one with --trace-id (e.g. ${document.traces[0]!.traceId}) or show every one with --all`,
            'lifecycle'
          );
        }
        output(document, values, cliIo);
        return 0;
      },
    },
    { io, isUserError: (error) => error instanceof TraceNotFoundError }
  );
}

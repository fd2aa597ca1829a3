import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CALIBRATION_INGEST_REASON } from '@hybridlens/conventions';
import { CalibrationInputError } from './errors';

/**
 * Largest snapshot file read, by default. Real snapshots are far smaller (IBM 127 qubits: 0.4 MB; a 1,000-qubit
 * device in the same formats would be about 4 MB): anything bigger is refused without being read, so a stray dump
 * or garbage file cannot stall the exporter.
 */
export const DEFAULT_MAX_FILE_BYTES = 32 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Bytes read before deciding whether a file can be JSON at all. */
const SNIFF_BYTES = 64 * 1024;

function isJsonWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** Index of the first byte after a UTF-8 byte-order mark and leading whitespace. */
function firstSignificantByte(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && isJsonWhitespace(bytes[i]!)) {
    i++;
  }
  return i;
}

/**
 * Read a snapshot file as text. Refused with a reason, without decoding it whole: a file over `maxBytes`
 * (too_large), one that does not start like a JSON object (invalid_json: binary noise, a log, HTML), one that is not
 * UTF-8. Every calibration format is a JSON object, so the first significant byte must be `{`.
 */
export function readSnapshotFile(path: string, source: string, maxBytes = DEFAULT_MAX_FILE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw unreadable(source, e);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      throw new CalibrationInputError(source, '(file)', 'not a regular file', CALIBRATION_INGEST_REASON.unreadable);
    }
    if (stat.size > maxBytes) {
      throw new CalibrationInputError(
        source,
        '(file)',
        `${stat.size} bytes is over the limit of ${maxBytes} bytes; not read`,
        CALIBRATION_INGEST_REASON.tooLarge
      );
    }
    const bytes = new Uint8Array(stat.size);
    let read = 0;
    const readUpTo = (end: number) => {
      while (read < end) {
        const n = readSync(fd, bytes, read, end - read, read);
        if (n === 0) {
          return false; // truncated while reading: parse what is there and let JSON say it is incomplete
        }
        read += n;
      }
      return true;
    };
    // Look at the head first: noise is refused after a few kilobytes, whatever its size.
    readUpTo(Math.min(stat.size, SNIFF_BYTES));
    const head = bytes.subarray(0, read);
    const first = firstSignificantByte(head);
    if (first >= head.length && read === stat.size) {
      throw new CalibrationInputError(source, '(document)', 'empty file', CALIBRATION_INGEST_REASON.invalidJson);
    }
    if (first < head.length && head[first] !== 0x7b) {
      throw new CalibrationInputError(
        source,
        '(document)',
        `not a JSON object: starts with byte 0x${head[first]!.toString(16).padStart(2, '0')} at offset ${first}`,
        CALIBRATION_INGEST_REASON.invalidJson
      );
    }
    readUpTo(stat.size);
    const content = bytes.subarray(0, read);
    try {
      return utf8.decode(content);
    } catch {
      throw new CalibrationInputError(source, '(document)', 'not UTF-8 text', CALIBRATION_INGEST_REASON.invalidJson);
    }
  } catch (e) {
    throw e instanceof CalibrationInputError ? e : unreadable(source, e);
  } finally {
    closeSync(fd);
  }
}

function unreadable(source: string, e: unknown): CalibrationInputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new CalibrationInputError(
    source,
    '(file)',
    code ?? (e as Error).message,
    CALIBRATION_INGEST_REASON.unreadable
  );
}

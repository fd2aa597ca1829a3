import type { IncomingMessage, ServerResponse } from 'node:http';

/** A request body over the limit: answered 413, never with a reset connection. */
export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
    this.name = 'PayloadTooLargeError';
  }
}

/** A body that is not JSON. */
export class BadJsonError extends Error {
  constructor(reason: string) {
    super(`not valid JSON (${reason})`);
    this.name = 'BadJsonError';
  }
}

/**
 * Beyond this much an oversized body is not read to its end: the connection is closed. Below it the rest is
 * read and dropped, so that the client, still sending, gets the 413 instead of a reset connection.
 */
const DRAIN_LIMIT = 64 << 20;

/** The JSON body of a request (undefined when empty), at most `limit` bytes. */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT) {
      reject(new PayloadTooLargeError(limit));
      return;
    }
    let size = 0;
    let tooLarge = false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        if (size > DRAIN_LIMIT) {
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        reject(new PayloadTooLargeError(limit));
        return;
      }
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') {
        resolve(undefined);
        return;
      }
      try {
        resolve(JSON.parse(text));
      } catch (error) {
        reject(new BadJsonError((error as Error).message));
      }
    });
    req.on('error', reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {}
): void {
  if (res.headersSent) {
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function sendText(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

// A stdin filter that keeps JSON-RPC framing in step: vscode-jsonrpc's reader loses its place for
// good after a header block without a usable Content-Length (every later body is read as a header),
// so this passes on only well-formed frames and, after a bad header, skips to the next one.
import { Transform, type TransformCallback } from 'node:stream';

/** Larger bodies are treated as a bad header (their bytes would otherwise swallow every later message). */
const MAX_BODY = 64 * 1024 * 1024;
const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const LENGTH_FIELD = /^content-length$/i;
const FIELD_PREFIX = 'content-length:';

/** A Transform from raw client bytes to well-formed `Content-Length` frames only. */
export function framingFilter(onSkip?: (reason: string) => void): Transform {
  let buf: Buffer = Buffer.alloc(0);
  let need = -1;
  let header: Buffer = Buffer.alloc(0);
  // Chunks of a body still arriving: joined once it is complete (joining on every 64 KB chunk
  // copied a 30 MB body ~500 times: 31 s).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
      if (need >= 0 && buf.length + pendingBytes + chunk.length < need) {
        pending.push(chunk);
        pendingBytes += chunk.length;
        done();
        return;
      }
      buf = buf.length || pending.length ? Buffer.concat([buf, ...pending, chunk]) : chunk;
      pending = [];
      pendingBytes = 0;
      for (;;) {
        if (need < 0) {
          const end = buf.indexOf(HEADER_END);
          if (end < 0) {
            // Keep a partial header; drop a runaway one.
            if (buf.length > 64 * 1024) buf = resync(buf, onSkip, 'header too long');
            break;
          }
          const length = contentLength(buf.subarray(0, end).toString('ascii'));
          if (length === undefined) {
            buf = resync(buf, onSkip, 'header without a usable Content-Length');
            continue;
          }
          // Forward a canonical header: the reader downstream is stricter than this parser.
          header = Buffer.from(`Content-Length: ${length}\r\n\r\n`, 'ascii');
          buf = buf.subarray(end + HEADER_END.length);
          need = length;
        }
        if (buf.length < need) break;
        this.push(Buffer.concat([header, buf.subarray(0, need)]));
        buf = buf.subarray(need);
        need = -1;
      }
      done();
    },
  });
}

/** The Content-Length of a header block, or undefined when missing, malformed or too large. */
function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) return undefined;
    if (LENGTH_FIELD.test(line.slice(0, colon).trim())) {
      const value = line.slice(colon + 1).trim();
      if (!/^\d+$/.test(value) || Number(value) > MAX_BODY) return undefined;
      length = Number(value);
    }
  }
  return length;
}

/** Drops bytes up to the next `Content-Length` after the first byte (keeping a possible partial one). */
function resync(buf: Buffer, onSkip: ((reason: string) => void) | undefined, reason: string): Buffer {
  onSkip?.(reason);
  const next = buf.toString('latin1').slice(1).search(/content-length\s*:/i);
  if (next >= 0) return buf.subarray(1 + next);
  // Keep only a tail that may be the start of a `Content-Length` split across chunks.
  for (let keep = Math.min(buf.length - 1, FIELD_PREFIX.length - 1); keep > 0; keep--) {
    if (FIELD_PREFIX.startsWith(buf.subarray(buf.length - keep).toString('latin1').toLowerCase())) return buf.subarray(buf.length - keep);
  }
  return Buffer.alloc(0);
}

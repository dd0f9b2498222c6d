// The one wrapper every handler runs in: params validation, cancellation, error capture, timing and
// a fallback result. A failing provider logs and answers its fallback; the server keeps serving.
import { CancellationToken, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { Logger } from './logger';

/** Requests slower than this are logged at info level (with their method). */
const SLOW_MS = 500;

/**
 * Runs `fn` for `method` safely. Returns `fallback` when it throws (logging the stack), a
 * RequestCancelled error when the client cancelled, InvalidParams when `invalid` is set; an
 * explicit ResponseError from `fn` is passed through.
 */
export async function runSafe<R>(
  log: Logger,
  method: string,
  token: CancellationToken | undefined,
  fallback: R,
  invalid: string | undefined,
  fn: () => R | Promise<R>,
): Promise<R | ResponseError<void>> {
  if (invalid !== undefined) {
    log.warn(`${method}: invalid params: ${invalid}`);
    return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${invalid}`);
  }
  if (token?.isCancellationRequested) return cancelled(method);
  const started = performance.now();
  try {
    const result = await fn();
    if (token?.isCancellationRequested) return cancelled(method);
    const ms = performance.now() - started;
    if (ms > SLOW_MS) log.info(`${method} took ${ms.toFixed(0)} ms`);
    else log.debug(`${method} ${ms.toFixed(1)} ms`);
    return result ?? fallback;
  } catch (err) {
    if (err instanceof ResponseError) return err;
    log.error(`${method} failed; answering with its fallback`, err);
    return fallback;
  }
}

/** Runs a notification handler; errors are logged and swallowed. */
export function runSafeNotification(log: Logger, method: string, fn: () => void | Promise<void>): void {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((err: unknown) => log.error(`${method} failed`, err));
  } catch (err) {
    log.error(`${method} failed`, err);
  }
}

function cancelled(method: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `${method} cancelled`);
}

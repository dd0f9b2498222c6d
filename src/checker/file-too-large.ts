// The `file-too-large` diagnostic: a file over `maxFileSize` is neither read (CLI) nor parsed
// (server), only reported, at its first character. Parsing costs ~35-70 bytes of memory per source
// byte (docs/robustness.md), so a limit on what is parsed is what keeps memory bounded.
import type { CheckDiagnostic, CheckerSettings } from './analyze';
import { DIAGNOSTICS } from './diagnostic-codes';
import { formatMessage } from './messages';

/** The diagnostic for a file of `size` bytes over `limit`; undefined when the code is turned off. */
export function fileTooLargeDiagnostic(size: number, limit: number, settings: CheckerSettings = {}): CheckDiagnostic | undefined {
  const level = settings.diagnostics?.['file-too-large'] ?? DIAGNOSTICS['file-too-large'].severity;
  if (level === 'off') return undefined;
  const args = { size, limit };
  const at = { line: 0, character: 0 };
  return { code: 'file-too-large', severity: level, range: { start: at, end: at }, start: 0, end: 0, message: formatMessage('file-too-large', args), args };
}

/** The size of `text` in UTF-8 bytes (what the limit counts), without encoding it. */
export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

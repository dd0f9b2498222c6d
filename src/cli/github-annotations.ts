// `luamod check --format github`: one GitHub Actions workflow command per diagnostic
// (`::error file=a.lua,line=2,col=5,endLine=2,endColumn=9,title=luamod(param-type-mismatch)::message`),
// which GitHub shows as annotations on the pull request's diff; then the usual summary line.
// Escaping follows the runner's rules: `%`, CR and LF everywhere, also `:` and `,` in properties.
import type { CheckDiagnostic } from '../checker/analyze';

/** What the formatter needs of one checked file. */
export interface AnnotatedFile {
  readonly path: string;
  readonly diagnostics: readonly CheckDiagnostic[];
}

const COMMAND: Readonly<Record<CheckDiagnostic['severity'], string>> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotations of every diagnostic (1-based lines and columns), then `summary`. */
export function formatGithub(files: readonly AnnotatedFile[], summary: string): string {
  const parts: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      const { start, end } = d.range;
      const props = [
        `file=${escapeProperty(f.path)}`, `line=${start.line + 1}`, `col=${start.character + 1}`,
        `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${escapeProperty(`luamod(${d.code})`)}`,
      ];
      parts.push(`::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}\n`);
    }
  }
  parts.push(summary);
  return parts.join('');
}

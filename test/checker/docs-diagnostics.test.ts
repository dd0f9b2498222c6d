// docs/diagnostics.md is a test: for every code, its Invalid example produces exactly that code and
// its Valid example nothing at all; every code of the table has a section.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze } from '../../src/checker/analyze';
import { DIAGNOSTIC_CODES, LIMIT_CODES } from '../../src/checker/diagnostic-codes';
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { builtinModules } from '../../src/modules';

const doc = readFileSync(join(__dirname, '../../docs/diagnostics.md'), 'utf8');
const env = environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules }));

function section(code: string): string {
  const start = doc.indexOf(`\n## ${code}\n`);
  if (start < 0) return '';
  const next = doc.indexOf('\n## ', start + 4);
  return doc.slice(start, next < 0 ? undefined : next);
}

function example(text: string, label: string): string {
  const m = new RegExp(`\\*\\*${label}\\*\\*\\n\`\`\`lua\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (!m) throw new Error(`no ${label} example`);
  return m[1]!;
}

describe('docs/diagnostics.md', () => {
  test.each([...DIAGNOSTIC_CODES])('%s', (code) => {
    const s = section(code);
    expect(s, `section for ${code}`).not.toBe('');
    expect(s).toContain('**Fix:**');
    // A limit needs an input too large for an example: test/security checks those codes.
    if (LIMIT_CODES.has(code)) return;
    const invalid = analyze(example(s, 'Invalid'), { env }).diagnostics;
    expect(invalid.length).toBeGreaterThan(0);
    expect(invalid.map((d) => `${d.code}: ${d.message}`)).toEqual(invalid.map((d) => `${code}: ${d.message}`));
    expect(analyze(example(s, 'Valid'), { env }).diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
  });
});

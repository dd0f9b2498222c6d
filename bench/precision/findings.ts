// Precision on real Lua: the checker's findings on the Debian corpus (bench/corpus.ts), each file
// checked with the config of the package that ships it (bench/precision/configs/<package>.json, what
// a user of that library would write: Lua version, library, the host's globals), counted per code,
// and a seeded random sample of the error and warning findings matched against the judgements in
// bench/precision/sample.json (see docs/checker.md#precision).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type CheckerSettings } from '../../src/checker/analyze';
import type { CheckerEnvironment } from '../../src/checker/environment';
import { checkerSettings, parseConfig } from '../../src/config/config';
import type { CorpusFile } from '../corpus';

/** One finding, keyed so a judgement survives unrelated changes elsewhere in the corpus. */
export interface Finding {
  readonly package: string;
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  /** The source line, trimmed. */
  readonly source: string;
}

export interface Judgement {
  readonly key: string;
  readonly verdict: 'true' | 'defensible' | 'false';
  readonly reason: string;
}

/** `package:file:line:code:message`: what a judgement is attached to. */
export function findingKey(f: Finding): string {
  return `${f.file}:${f.line}:${f.code}:${f.message}`;
}

/** The Debian package of each file (dpkg -S), 'unknown' where dpkg does not say. */
export function packagesOf(paths: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < paths.length; i += 200) {
    const batch = paths.slice(i, i + 200);
    let text = '';
    try {
      text = execFileSync('dpkg', ['-S', ...batch], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 });
    } catch (e) {
      text = String((e as { stdout?: string }).stdout ?? '');
    }
    for (const line of text.split('\n')) {
      const m = /^([^:,]+)(?::[\w-]+)?(?:, [^:]+)*: (.+)$/.exec(line);
      if (m) out.set(m[2]!, m[1]!);
    }
  }
  for (const p of paths) {
    if (!out.has(p)) out.set(p, /\/usr\/share\/doc\/([^/]+)\//.exec(p)?.[1] ?? 'unknown');
  }
  return out;
}

/**
 * The settings of a file's config: configs/<package>@<5.x>.json for a file under /usr/share/lua/5.x/
 * (Debian's folder per Lua version, where a user would put a config of its own), else
 * configs/<package>.json, else configs/default.json.
 */
export function settingsFor(dir: string, pkg: string, cache: Map<string, CheckerSettings>, path = ''): CheckerSettings {
  const folder = /^\/usr\/share\/lua\/(5\.\d)\//.exec(path)?.[1];
  const candidates = [...(folder ? [`${pkg}@${folder}.json`] : []), `${pkg}.json`, 'default.json'].map((f) => join(dir, f));
  const file = candidates.find((f) => existsSync(f))!;
  const hit = cache.get(file);
  if (hit) return hit;
  const r = parseConfig(readFileSync(file, 'utf8'), file);
  if (r.error) throw new Error(r.error.message);
  const settings = checkerSettings(r.config);
  cache.set(file, settings);
  return settings;
}

/** Every finding on the corpus, each file under its package's config. */
export function corpusFindings(files: readonly CorpusFile[], env: CheckerEnvironment, configDir: string): Finding[] {
  const packages = packagesOf(files.map((f) => f.path));
  const cache = new Map<string, CheckerSettings>();
  const out: Finding[] = [];
  for (const f of files) {
    const pkg = packages.get(f.path) ?? 'unknown';
    const a = analyze(f.text, { env, settings: settingsFor(configDir, pkg, cache, f.path), fileName: f.path });
    const lines = f.text.split('\n');
    for (const d of a.diagnostics) {
      out.push({
        package: pkg, file: f.path, line: d.range.start.line + 1, code: d.code, severity: d.severity,
        message: d.message, source: (lines[d.range.start.line] ?? '').trim().slice(0, 160),
      });
    }
  }
  return out;
}

/** Findings per code and severity, most frequent first. */
export function countByCode(findings: readonly Finding[]): Array<{ code: string; severity: string; count: number }> {
  const counts = new Map<string, { code: string; severity: string; count: number }>();
  for (const f of findings) {
    const k = `${f.code}/${f.severity}`;
    const c = counts.get(k) ?? { code: f.code, severity: f.severity, count: 0 };
    c.count++;
    counts.set(k, c);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** mulberry32: a small seeded generator, so the sample is the same on every run of the same findings. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` error and warning findings drawn without replacement (seeded), `excluded` codes left out. */
export function sampleFindings(findings: readonly Finding[], n: number, seed: number, excluded: readonly string[] = []): Finding[] {
  const pool = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !excluded.includes(f.code))
    .sort((a, b) => findingKey(a).localeCompare(findingKey(b)));
  const next = random(seed);
  const out: Finding[] = [];
  while (out.length < n && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  return out;
}

/** Precision of the judged sample: overall and per code (true + defensible over judged). */
export function precision(sample: readonly Finding[], judgements: ReadonlyMap<string, Judgement>): {
  judged: number; unjudged: number; good: number; perCode: Array<{ code: string; judged: number; good: number }>;
} {
  const perCode = new Map<string, { code: string; judged: number; good: number }>();
  let judged = 0; let good = 0; let unjudged = 0;
  for (const f of sample) {
    const j = judgements.get(findingKey(f));
    if (!j) { unjudged++; continue; }
    judged++;
    const ok = j.verdict !== 'false';
    if (ok) good++;
    const c = perCode.get(f.code) ?? { code: f.code, judged: 0, good: 0 };
    c.judged++;
    if (ok) c.good++;
    perCode.set(f.code, c);
  }
  return { judged, unjudged, good, perCode: [...perCode.values()].sort((a, b) => b.judged - a.judged) };
}

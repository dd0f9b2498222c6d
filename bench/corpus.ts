// The real-Lua corpus for the checker benchmark: the .lua files Debian's Lua packages ship
// (/usr/share/lua/**, plus their examples under /usr/share/doc/lua-*). Installs the packages with
// apt when run as root and they are missing; otherwise returns what is there (maybe nothing).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { globSync } from 'tinyglobby';

/** Pure-Lua Debian packages whose files make the corpus (~1,300 files, ~280k lines). */
export const CORPUS_PACKAGES = [
  'lua5.3', 'lua-check', 'lua-penlight', 'lua-busted', 'lua-ldoc', 'lua-http', 'lua-argparse', 'lua-basexx',
  'lua-binaryheap', 'lua-cliargs', 'lua-compat53', 'lua-copas', 'lua-cosmo', 'lua-coxpcall', 'lua-dkjson',
  'lua-fifo', 'lua-inspect', 'lua-json', 'lua-leg', 'lua-lemock', 'lua-logging', 'lua-lpeg-patterns',
  'lua-ljsyscall', 'lua-luassert', 'lua-markdown', 'lua-mediator', 'lua-messagepack', 'lua-moses', 'lua-orbit',
  'lua-say', 'lua-socket', 'lua-term', 'lua-unit', 'lua-uri', 'lua-wsapi', 'lua-xmlrpc', 'lua-soap',
  'lua-inifile', 'lua-ansicolors', 'lua-system', 'lua-redis', 'lua-cgi', 'lua-rings',
];

export interface CorpusFile { readonly path: string; readonly text: string }

export interface Corpus {
  readonly files: readonly CorpusFile[];
  readonly lines: number;
  readonly bytes: number;
  /** Why the corpus is empty or partial, when it is. */
  readonly note?: string;
}

function listFiles(): string[] {
  const found = [
    ...(existsSync('/usr/share/lua') ? globSync(['**/*.lua'], { cwd: '/usr/share/lua', absolute: true, followSymbolicLinks: true }) : []),
    ...(existsSync('/usr/share/doc') ? globSync(['lua-*/**/*.lua'], { cwd: '/usr/share/doc', absolute: true }) : []),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of found.sort()) {
    let real: string;
    try { real = realpathSync(f); } catch { continue; }
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(f);
  }
  return out;
}

/** Makes sure the packages are installed (as root, with apt-get), then reads every file once. */
export function loadCorpus(options: { install?: boolean } = {}): Corpus {
  let note: string | undefined;
  if (options.install !== false && !existsSync('/usr/bin/luacheck')) {
    if (process.getuid?.() === 0) {
      try {
        execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...CORPUS_PACKAGES], {
          stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000,
        });
      } catch (e) {
        note = `apt-get install failed (${(e as Error).message.split('\n')[0]}); using the files present`;
      }
    } else {
      note = `not root: cannot apt-get install ${CORPUS_PACKAGES.join(' ')}; using the files present`;
    }
  }
  const files = listFiles().map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  let lines = 0;
  let bytes = 0;
  for (const f of files) {
    bytes += f.text.length;
    for (let i = 0; i < f.text.length; i++) if (f.text.charCodeAt(i) === 10) lines++;
  }
  if (files.length === 0) note ??= 'no Lua files under /usr/share/lua';
  return { files, lines, bytes, note };
}

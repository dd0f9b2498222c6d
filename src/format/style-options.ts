// How a file is to be formatted: StyLua's options, found as the StyLua CLI finds them. The nearest
// `stylua.toml` / `.stylua.toml` above the file wins; with none, `.editorconfig` indentation, line
// length, line endings and quote type apply; with neither, StyLua's defaults. Plain data, so the CLI
// and the language server can cache and compare it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type * as EditorConfig from 'editorconfig';
import { parse as parseToml } from 'smol-toml';

/** StyLua's options, by their `stylua.toml` names (values as StyLua spells them). */
export interface StyleOptions {
  readonly column_width?: number;
  readonly line_endings?: 'Unix' | 'Windows';
  readonly indent_type?: 'Tabs' | 'Spaces';
  readonly indent_width?: number;
  readonly quote_style?: 'AutoPreferDouble' | 'AutoPreferSingle' | 'ForceDouble' | 'ForceSingle';
  readonly call_parentheses?: 'Always' | 'NoSingleString' | 'NoSingleTable' | 'None' | 'Input';
  readonly collapse_simple_statement?: 'Never' | 'FunctionOnly' | 'ConditionalOnly' | 'Always';
  readonly space_after_function_names?: 'Never' | 'Definitions' | 'Calls' | 'Always';
  readonly block_newline_gaps?: 'Never' | 'Preserve';
  readonly syntax?: 'All' | 'Lua51' | 'Lua52' | 'Lua53' | 'Lua54' | 'LuaJIT' | 'Luau' | 'CfxLua';
  readonly sort_requires?: boolean;
}

/** Where the options came from, for messages and tests. */
export interface StyleSource {
  readonly options: StyleOptions;
  /** The `stylua.toml` or `.editorconfig` read; undefined for StyLua's defaults. */
  readonly file?: string;
  readonly kind: 'stylua' | 'editorconfig' | 'default';
}

/** A broken style configuration: names the file and the key. */
export class StyleConfigError extends Error {
  constructor(readonly file: string, readonly key: string, problem: string) {
    super(`${file}${key ? `: ${key}` : ''}: ${problem}`);
    this.name = 'StyleConfigError';
  }
}

const STYLUA_FILES = ['stylua.toml', '.stylua.toml'];
const MAX_CONFIG_BYTES = 1 << 20;

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  line_endings: ['Unix', 'Windows'],
  indent_type: ['Tabs', 'Spaces'],
  quote_style: ['AutoPreferDouble', 'AutoPreferSingle', 'ForceDouble', 'ForceSingle'],
  call_parentheses: ['Always', 'NoSingleString', 'NoSingleTable', 'None', 'Input'],
  collapse_simple_statement: ['Never', 'FunctionOnly', 'ConditionalOnly', 'Always'],
  space_after_function_names: ['Never', 'Definitions', 'Calls', 'Always'],
  block_newline_gaps: ['Never', 'Preserve'],
  syntax: ['All', 'Lua51', 'Lua52', 'Lua53', 'Lua54', 'LuaJIT', 'Luau', 'CfxLua'],
};
const NUMBERS = new Set(['column_width', 'indent_width']);

/** The nearest `stylua.toml` / `.stylua.toml` in the file's folder or above, up to `stopAt` (inclusive). */
export function findStyluaConfig(file: string, stopAt?: string): string | undefined {
  let dir = dirname(resolve(file));
  const stop = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    for (const name of STYLUA_FILES) {
      const candidate = join(dir, name);
      if (isRegularFile(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir || dir === stop) return undefined;
    dir = parent;
  }
}

function isRegularFile(path: string): boolean {
  try { return statSync(path).isFile(); } catch { return false; }
}

/** Parses `stylua.toml` text; unknown keys are ignored (as StyLua does), wrong values are errors. */
export function parseStyluaToml(text: string, file: string): StyleOptions {
  let raw: Record<string, unknown>;
  try { raw = parseToml(text) as Record<string, unknown>; } catch (e) {
    throw new StyleConfigError(file, '', `invalid TOML: ${(e as Error).message.split('\n')[0]}`);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (NUMBERS.has(key)) {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000) {
        throw new StyleConfigError(file, key, 'expected a positive integer');
      }
      out[key] = value;
    } else if (key in ENUMS) {
      if (typeof value !== 'string' || !ENUMS[key]!.includes(value)) {
        throw new StyleConfigError(file, key, `expected one of ${ENUMS[key]!.join(', ')}`);
      }
      out[key] = value;
    } else if (key === 'no_call_parentheses') {
      if (value === true) out.call_parentheses = 'None';
    } else if (key === 'sort_requires') {
      const enabled = (value as { enabled?: unknown } | null)?.enabled;
      if (typeof value !== 'object' || value === null || (enabled !== undefined && typeof enabled !== 'boolean')) {
        throw new StyleConfigError(file, 'sort_requires.enabled', 'expected a boolean');
      }
      out.sort_requires = enabled === true;
    }
  }
  return out as StyleOptions;
}

/** The `.editorconfig` properties StyLua reads, mapped to its options (no `.editorconfig`: {}). */
export function editorconfigOptions(file: string): StyleOptions {
  let props: Record<string, unknown>;
  // The editorconfig package reads every `.editorconfig` above the file with a blocking read: a
  // FIFO (or a link to /dev/zero) there would hang the formatter, so such a tree has no editorconfig.
  if (!editorconfigFilesAreRegular(file)) return {};
  // Loaded on first use, like StyLua: its parser is WebAssembly too.
  const editorconfig = require('editorconfig') as typeof EditorConfig;
  try { props = editorconfig.parseSync(resolve(file)) as Record<string, unknown>; } catch { return {}; }
  const out: Record<string, unknown> = {};
  if (props.indent_style === 'tab') out.indent_type = 'Tabs';
  else if (props.indent_style === 'space') out.indent_type = 'Spaces';
  const size = typeof props.indent_size === 'number' ? props.indent_size : typeof props.tab_width === 'number' ? props.tab_width : undefined;
  if (size !== undefined && Number.isInteger(size) && size > 0) out.indent_width = size;
  if (typeof props.max_line_length === 'number' && props.max_line_length > 0) out.column_width = props.max_line_length;
  if (props.end_of_line === 'crlf') out.line_endings = 'Windows';
  else if (props.end_of_line === 'lf') out.line_endings = 'Unix';
  if (props.quote_type === 'single') out.quote_style = 'AutoPreferSingle';
  else if (props.quote_type === 'double') out.quote_style = 'AutoPreferDouble';
  return out as StyleOptions;
}

/** Whether every `.editorconfig` in the folders above `file` is a regular file of a sane size. */
function editorconfigFilesAreRegular(file: string): boolean {
  for (let dir = dirname(resolve(file)); ; dir = dirname(dir)) {
    try {
      const st = statSync(join(dir, '.editorconfig'));
      if (!st.isFile() || st.size > MAX_CONFIG_BYTES) return false;
    } catch { /* none here */ }
    if (dirname(dir) === dir) return true;
  }
}

/**
 * The style for `file`: its nearest StyLua config, else its `.editorconfig`, else StyLua's defaults.
 * Throws StyleConfigError for a StyLua config that cannot be read or is wrong.
 */
export function styleFor(file: string, stopAt?: string): StyleSource {
  const stylua = findStyluaConfig(file, stopAt);
  if (stylua) {
    let text: string;
    try {
      if (statSync(stylua).size > MAX_CONFIG_BYTES) throw new Error(`larger than ${MAX_CONFIG_BYTES} bytes`);
      text = readFileSync(stylua, 'utf8');
    } catch (e) {
      throw new StyleConfigError(stylua, '', `cannot read: ${(e as Error).message}`);
    }
    return { options: parseStyluaToml(text, stylua), file: stylua, kind: 'stylua' };
  }
  const fromEditorconfig = editorconfigOptions(file);
  if (Object.keys(fromEditorconfig).length > 0) {
    return { options: fromEditorconfig, file: nearestEditorconfig(file), kind: 'editorconfig' };
  }
  return { options: {}, kind: 'default' };
}

function nearestEditorconfig(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, '.editorconfig');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

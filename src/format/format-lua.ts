// Formatting Lua text in StyLua's style, by running StyLua's WebAssembly build
// (@johnnymorganz/stylua, MPL-2.0): luamod does not have a formatter of its own.
import type * as Stylua from '@johnnymorganz/stylua';
import type { StyleOptions } from './style-options';

/** The outcome of formatting: the new text, or StyLua's parse error with its position (1-based). */
export type FormatResult =
  | { readonly ok: true; readonly text: string; readonly changed: boolean }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number };

/** Extra passes allowed to reach a text that formats to itself. */
const MAX_EXTRA_PASSES = 3;

/** A byte range `[start, end)` of the UTF-8 text to format (StyLua's own unit). */
export interface ByteRange { readonly start: number; readonly end: number }

/**
 * StyLua, loaded on first use: compiling its WebAssembly takes ~15 ms, which the language server
 * and the CLI should not pay at start-up unless something is formatted.
 */
let loadedStylua: typeof Stylua | undefined;
function stylua(): typeof Stylua {
  return (loadedStylua ??= require('@johnnymorganz/stylua') as typeof Stylua);
}

/** A StyLua Config for these options (a Config is consumed by each formatCode call: make one per call). */
function configOf(options: StyleOptions): Stylua.Config {
  const lib = stylua();
  const c = lib.Config.new();
  if (options.column_width !== undefined) c.column_width = options.column_width;
  if (options.indent_width !== undefined) c.indent_width = options.indent_width;
  if (options.line_endings) c.line_endings = lib.LineEndings[options.line_endings];
  if (options.indent_type) c.indent_type = lib.IndentType[options.indent_type];
  if (options.quote_style) c.quote_style = lib.QuoteStyle[options.quote_style];
  if (options.call_parentheses) c.call_parentheses = lib.CallParenType[options.call_parentheses];
  if (options.collapse_simple_statement) c.collapse_simple_statement = lib.CollapseSimpleStatement[options.collapse_simple_statement];
  if (options.space_after_function_names) c.space_after_function_names = lib.SpaceAfterFunctionNames[options.space_after_function_names];
  if (options.block_newline_gaps) c.block_newline_gaps = lib.BlockNewlineGaps[options.block_newline_gaps];
  if (options.syntax) c.syntax = lib.LuaVersion[options.syntax];
  if (options.sort_requires) c.sort_requires = lib.SortRequiresConfig.new().set_enabled(true);
  return c;
}

/**
 * Formats `text` with StyLua; with `range`, only the statements that the byte range touches.
 * Never throws: a syntax error is `{ok: false}` with StyLua's first message and its position.
 *
 * @example formatLua('local x  =  1', {}) // → { ok: true, text: 'local x = 1\n', changed: true }
 */
export function formatLua(text: string, options: StyleOptions, range?: ByteRange): FormatResult {
  const lib = stylua();
  let out: string;
  try {
    const r = range ? lib.Range.from_values(range.start, range.end) : undefined;
    out = lib.formatCode(text, configOf(options), r, lib.OutputVerification.None);
    // StyLua is not always idempotent (measured: 2 in 70 Debian-corpus files change again on a second
    // pass). Formatting again until nothing changes makes `luamod fmt --check` agree with itself;
    // an already-formatted text costs one pass. (A range format is one pass: offsets move.)
    for (let pass = 0; !range && pass < MAX_EXTRA_PASSES && out !== text; pass++) {
      const again = lib.formatCode(out, configOf(options), undefined, lib.OutputVerification.None);
      if (again === out) break;
      out = again;
    }
  } catch (e) {
    return parseFailure(e);
  }
  return { ok: true, text: out, changed: out !== text };
}

/** StyLua reports `error parsing: \n - unexpected token `=` (1:9 to 1:10), expected …`. */
function parseFailure(e: unknown): FormatResult {
  const raw = (e instanceof Error ? e.message : String(e)).trim();
  const first = raw.split('\n').map((l) => l.replace(/^\s*-\s*/, '').trim()).find((l) => l && !/^error parsing:?$/.test(l)) ?? raw;
  const pos = /\((\d+):(\d+) to \d+:\d+\)/.exec(first);
  const message = first.replace(/\s*\(\d+:\d+ to \d+:\d+\)/, '');
  return pos ? { ok: false, message, line: Number(pos[1]), column: Number(pos[2]) } : { ok: false, message };
}

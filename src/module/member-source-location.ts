// Where a member of a TypeScript ModuleDef is declared, for go-to-definition and workspace symbols:
// the line of its key (`encode: fn({`) in the module's manifest.ts (next to its `source`), else in
// the source file itself. Text search, not a TypeScript parse: declarations are object keys.

/** A 0-based position in a source file. */
export interface SourcePosition { readonly line: number; readonly character: number }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The position of `name` used as an object key (`name:`, `'name':`, `"name":`) at or after `from`. */
function keyAt(text: string, name: string, from: number): number | undefined {
  const re = new RegExp(`(^|[\\s{,(])(['"]?)${escape(name)}\\2\\s*:(?!:)`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[1]!.length : undefined;
}

/** The position of a type's declaration (`defineType('Time'`, `'time.Time'`, `Time:`) at or after `from`. */
function typeAt(text: string, name: string, from: number): number | undefined {
  const re = new RegExp(`(['"])(?:[\\w.]*\\.)?${escape(name)}\\1|(^|[\\s{,])${escape(name)}\\s*:`, 'gm');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + (m[2]?.length ?? 0) : undefined;
}

/**
 * Locates `memberPath` of a module in the text of its TypeScript source: `''` is the module itself
 * (line 0), `encode` a member of the module table, `Time` a type, `Time.unix` a member of a type
 * (searched after the type's declaration). Undefined when the text does not mention it.
 */
export function locateInSource(text: string, memberPath: string): SourcePosition | undefined {
  if (memberPath === '') return { line: 0, character: 0 };
  const dot = memberPath.indexOf('.');
  let offset: number | undefined;
  let best = 0;
  if (dot < 0) offset = keyAt(text, memberPath, 0) ?? typeAt(text, memberPath, 0);
  else {
    // The type may be named several times (`defineType('Time', timeInterface())`, then the
    // interface itself): take the mention whose member key follows it most closely.
    const [type, member] = [memberPath.slice(0, dot), memberPath.slice(dot + 1)];
    for (let at = typeAt(text, type, 0); at !== undefined; at = typeAt(text, type, at + 1)) {
      const key = keyAt(text, member, at);
      if (key !== undefined && (offset === undefined || key - at < offset - best)) { offset = key; best = at; }
    }
  }
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

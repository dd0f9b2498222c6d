// The format of the conformance files, shared by scripts/gen-conformance.mjs and the test.
// A `.lua` file holds snippets, each starting at a line `-- @@ name` (optionally followed by tags;
// none are in use since `!int64` was retired with 64-bit integers). A
// `.expected` file holds, for each snippet, the line `-- @@ name` and then its output bytes.

const MARK = Buffer.from('-- @@ ', 'latin1');

/** Lines of `bytes` that start with the marker: [{ name, tags, start (of the line), body (after it) }]. */
function marks(bytes) {
  const out = [];
  let at = 0;
  while (at <= bytes.length) {
    const nl = bytes.indexOf(0x0a, at);
    const end = nl < 0 ? bytes.length : nl;
    if (bytes.subarray(at, at + MARK.length).equals(MARK)) {
      const [name, ...tags] = bytes.subarray(at + MARK.length, end).toString('latin1').trim().split(/\s+/);
      out.push({ name, tags, start: at, body: nl < 0 ? bytes.length : nl + 1 });
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return out;
}

/** Splits a snippets file (a Buffer) into [{ name, tags, source (Buffer), line }]. Throws on a duplicate name. */
export function splitSnippets(bytes, file) {
  const ms = marks(bytes);
  const seen = new Set();
  return ms.map((m, i) => {
    if (seen.has(m.name)) throw new Error(`${file}: duplicate snippet name '${m.name}'`);
    seen.add(m.name);
    const line = bytes.subarray(0, m.start).toString('latin1').split('\n').length;
    // The snippet keeps its own line numbers (it starts at line 1).
    return { name: m.name, tags: m.tags, source: bytes.subarray(m.body, i + 1 < ms.length ? ms[i + 1].start : bytes.length), line };
  });
}

/** Reads an `.expected` file (a Buffer) into a Map name -> output Buffer. */
export function splitExpected(bytes) {
  const ms = marks(bytes);
  return new Map(ms.map((m, i) => [m.name, bytes.subarray(m.body, i + 1 < ms.length ? ms[i + 1].start : bytes.length)]));
}

/** An output as stored: ending in a newline (so the next marker starts a line). */
export function normalizeOutput(output) {
  return output.length > 0 && output[output.length - 1] !== 0x0a ? Buffer.concat([output, Buffer.from('\n')]) : output;
}

/** Writes [{ name, output }] as an `.expected` file's bytes. */
export function joinExpected(outputs) {
  return Buffer.concat(outputs.flatMap((o) => [Buffer.from(`-- @@ ${o.name}\n`, 'latin1'), normalizeOutput(o.output)]));
}

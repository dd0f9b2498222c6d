// The `fs` module's host functions: check the path and the permission, then yield the command to
// the fs dispatcher (dispatcher.ts), which does the I/O under the host's fs root.
import type { ErrorKind, HostFunction, LState, LuaErrorInit, LuaValue, Yield } from '../../module/host-api';
import { fail, failWith } from '../host-kit';
import { permissionDenied } from '../../runtime/security';
import type { FsCommand } from './operations';
import { normalizeScriptPath } from './paths';

/** Command ids, one per operation (declared in the module's `yields`). */
export const FS_COMMANDS = {
  read: 'fs.read', write: 'fs.write', exists: 'fs.exists', list: 'fs.list', remove: 'fs.remove',
} as const;

/** Turns the dispatcher's answer into Lua values: the data, or `nil, err`. */
function handleResult(l: LState, data: unknown, err: LuaErrorInit | Error | undefined): number {
  if (err !== undefined) {
    const kind = ((err as { kind?: ErrorKind }).kind ?? 'INTERNAL') as ErrorKind;
    return fail(l, kind, err.message);
  }
  l.push(data as LuaValue);
  return 1;
}

function fsYield(cmd: FsCommand): Yield {
  return { cmdId: FS_COMMANDS[cmd.op], toCommand: () => cmd, handleResult };
}

/** Normalises argument 1 and checks `action` on it; returns the relative path or the count pushed. */
function checkedPath(l: LState, action: 'fs.read' | 'fs.write'): string | number {
  const r = normalizeScriptPath(l.checkString(1));
  if ('error' in r) return fail(l, r.error.kind, r.error.message);
  if (!l.context().isAllowed(action, r.rel)) return failWith(l, permissionDenied(action, r.rel));
  return r.rel;
}

export const fsFunctions: Readonly<Record<string, HostFunction>> = {
  read: (l) => {
    const path = checkedPath(l, 'fs.read');
    return typeof path === 'number' ? path : l.yield(fsYield({ op: 'read', path }));
  },
  write: (l) => {
    const data = l.checkBytes(2);
    const path = checkedPath(l, 'fs.write');
    return typeof path === 'number' ? path : l.yield(fsYield({ op: 'write', path, data }));
  },
  exists: (l) => {
    const r = normalizeScriptPath(l.checkString(1));
    if ('error' in r || !l.context().isAllowed('fs.read', r.rel)) {
      l.push(false);
      return 1;
    }
    return l.yield(fsYield({ op: 'exists', path: r.rel }));
  },
  list: (l) => {
    const path = checkedPath(l, 'fs.read');
    return typeof path === 'number' ? path : l.yield(fsYield({ op: 'list', path }));
  },
  remove: (l) => {
    const path = checkedPath(l, 'fs.write');
    return typeof path === 'number' ? path : l.yield(fsYield({ op: 'remove', path }));
  },
};

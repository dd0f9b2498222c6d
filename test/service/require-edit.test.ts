// requireEdit: where auto-require and the "add require" fix put the new line.
import { describe, expect, it } from 'vitest';
import { requireEdit } from '../../src/service/require-edit';
import { applyEdits } from './fixture';
import { snap } from './helpers';

const added = (source: string, name: string): string => {
  const f = snap(source);
  return applyEdits(f.text, [requireEdit(f.snap, name)!]);
};

describe('requireEdit', () => {
  it('goes after the shebang, a --!workflow line and leading comments', () => {
    expect(added('#!/usr/bin/env luamod\n--!workflow\n-- job\nprint(1)\n', 'time')).toBe(
      '#!/usr/bin/env luamod\n--!workflow\n-- job\nlocal time = require("time")\nprint(1)\n',
    );
  });

  it('goes after the last top-level require', () => {
    expect(added('local json = require("json")\nlocal base64 = require("base64")\n\nprint(1)\n', 'time')).toBe(
      'local json = require("json")\nlocal base64 = require("base64")\nlocal time = require("time")\n\nprint(1)\n',
    );
  });

  it('goes at the very top of a file without header, and not inside a long comment', () => {
    expect(added('print(1)\n', 'uuid')).toBe('local uuid = require("uuid")\nprint(1)\n');
    expect(added('--[[ header\n]]\nprint(1)\n', 'uuid')).toBe('local uuid = require("uuid")\n--[[ header\n]]\nprint(1)\n');
  });

  it('refuses names that cannot be locals', () => {
    const f = snap('print(1)\n');
    expect(requireEdit(f.snap, 'my.module')).toBeUndefined();
  });
});

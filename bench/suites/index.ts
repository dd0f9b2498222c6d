// Every benchmark suite, by name (`npm run bench <name>`). Each issue adds its own line.
import types from './types';
import modules from './modules';
import lsp from './lsp';
import check from './check';
import runtime from './runtime';
import format from './format';
import testRunner from './test-runner';
import projects from './projects';
import precision from './precision';
import debug from './debug';
import embed from './embed';
import int64 from './int64';

export const suites = {
  types,
  modules,
  lsp,
  check,
  runtime,
  format,
  'test-runner': testRunner,
  projects,
  precision,
  debug,
  embed,
  int64,
};

// Every benchmark suite, by name (`npm run bench <name>`). Each issue adds its own line.
import types from './types';

export const suites = {
  types,
};

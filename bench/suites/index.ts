// Every benchmark suite, by name (`npm run bench <name>`). Each issue adds its own line.
export const suites = {};

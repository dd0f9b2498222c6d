#!/usr/bin/env node
// Thin launcher: the CLI is bundled into dist/ by `npm run build` (run automatically by npm install/ci).
require('../dist/cli.js');

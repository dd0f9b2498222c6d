// Findings per code on the Debian corpus with the per-package configs of bench/precision/configs, and
// the precision of the judged sample (bench/precision/report.ts). The `check` suite prints the same.
import { environmentFromRegistry } from '../../src/checker/environment';
import { ModuleRegistry } from '../../src/module/registry';
import { findPackageRoot } from '../../src/module/package-root';
import { builtinModules } from '../../src/modules';
import { loadCorpus } from '../corpus';
import { defineSuite } from '../harness';
import { reportPrecision } from '../precision/report';

export default defineSuite({
  name: 'precision',
  description: 'findings per code on the Debian corpus with per-package configs, and the judged sample',
  run() {
    const corpus = loadCorpus();
    if (corpus.note) process.stdout.write(`precision: ${corpus.note}\n`);
    if (corpus.files.length === 0) { process.stdout.write('precision: no corpus, nothing to measure\n'); return; }
    reportPrecision(corpus.files, environmentFromRegistry(ModuleRegistry.load({ modules: builtinModules })), findPackageRoot() ?? process.cwd());
  },
});

// `luamod manifest` (placeholder until its issue lands).
import type { Command } from 'commander';

export function registerManifest(program: Command): void {
  program.command('manifest').description('(not yet available)').action(() => {
    process.stderr.write('luamod manifest: not implemented yet\n');
    process.exit(2);
  });
}

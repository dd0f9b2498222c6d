// `luamod run` (placeholder until its issue lands).
import type { Command } from 'commander';

export function registerRun(program: Command): void {
  program.command('run').description('(not yet available)').action(() => {
    process.stderr.write('luamod run: not implemented yet\n');
    process.exit(2);
  });
}

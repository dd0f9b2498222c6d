// `luamod check` (placeholder until its issue lands).
import type { Command } from 'commander';

export function registerCheck(program: Command): void {
  program.command('check').description('(not yet available)').action(() => {
    process.stderr.write('luamod check: not implemented yet\n');
    process.exit(2);
  });
}

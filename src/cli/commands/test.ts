// `luamod test` (placeholder until its issue lands).
import type { Command } from 'commander';

export function registerTest(program: Command): void {
  program.command('test').description('(not yet available)').action(() => {
    process.stderr.write('luamod test: not implemented yet\n');
    process.exit(2);
  });
}

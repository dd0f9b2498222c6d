// `luamod lsp` (placeholder until its issue lands).
import type { Command } from 'commander';

export function registerLsp(program: Command): void {
  program.command('lsp').description('(not yet available)').action(() => {
    process.stderr.write('luamod lsp: not implemented yet\n');
    process.exit(2);
  });
}

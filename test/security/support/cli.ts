// Test helper: runs the real CLI (`node bin/luamod.js ARGS`) in a folder and collects its output.
// A hang detector kills it far above any limit the attacks use: `killed` then says the CLI hung.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const CLI = join(__dirname, '../../../bin/luamod.js');

export interface CliRun { code: number | null; killed: boolean; stdout: string; stderr: string }

/** `luamod ARGS` in `cwd`; killed after `hangMs` (a hang, reported as `killed`). */
export function luamod(args: readonly string[], cwd: string, hangMs = 60_000, stdin?: string): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => { stdout += String(d); });
    child.stderr.on('data', (d) => { stderr += String(d); });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? '');
    const timer = setTimeout(() => { killed = true; child.kill('SIGKILL'); }, hangMs);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, killed, stdout, stderr }); });
  });
}

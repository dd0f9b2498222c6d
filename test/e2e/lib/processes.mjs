// Process helpers: a free port, and stopping a process together with all its descendants by pid
// (extension hosts and language servers outlive the browser otherwise).
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** `pid` and every descendant, children first. */
export function processTree(pid) {
  let children = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
  } catch {
    // ps exits 1 when there are no children.
  }
  return [...children.flatMap(processTree), pid];
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the tree of `pid`, then SIGKILL whatever is left after `graceMs`. Returns the pids. */
export async function stopTree(pid, graceMs = 3000) {
  const pids = processTree(pid);
  for (const p of pids) {
    try { process.kill(p, 'SIGTERM'); } catch { /* already gone */ }
  }
  const deadline = Date.now() + graceMs;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  for (const p of pids.filter(alive)) {
    try { process.kill(p, 'SIGKILL'); } catch { /* already gone */ }
  }
  return pids;
}

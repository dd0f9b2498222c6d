// `node dist/main.js SCRIPT`: runs one script as the customer "acme", who may mail ops@example.com.
import { createApp } from './app';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node dist/main.js SCRIPT.lua\n');
    process.exitCode = 2;
    return;
  }
  const app = createApp();
  const result = await app.runFile(file, 'acme', ['ops@example.com']);
  process.stdout.write(result.output);
  if (!result.ok) process.stderr.write(`${result.error?.file}:${result.error?.line}: ${result.error?.message} [${result.error?.kind}]\n`);
  else process.stdout.write(`returned ${JSON.stringify(result.values)}; outbox: ${JSON.stringify(app.outbox)}\n`);
  await app.close();
  process.exitCode = result.ok ? 0 : 1;
}

void main();

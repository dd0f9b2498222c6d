// The host app's own tests (node:test, on the compiled dist/): the embedded runtime, the modules'
// manifests against their builds, and the checker over the scripts.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { join } = require('node:path');
const { createApp } = require('../dist/app.js');
const { inventoryModule } = require('../dist/inventory.js');
const { mailerModule } = require('../dist/mailer.js');
const { checkModuleDrift } = require('luamod/testing');
const { createChecker } = require('luamod/checker');

const order = join(__dirname, '../scripts/order.lua');

test('an order takes from stock and mails the warehouse when stock runs low', async () => {
  const app = createApp();
  const r = await app.runFile(order, 'acme', ['ops@example.com']);
  assert.equal(r.ok, true, JSON.stringify(r.error));
  assert.deepEqual(r.values, [7, 'msg-1']);
  assert.equal(r.output, 'Item(apple x7)\n');
  assert.deepEqual(app.outbox, [{ to: 'ops@example.com', body: 'restock apple (7 left)', from: 'acme' }]);
  await app.close();
});

test('without the permission the mail is refused (PERMISSION_DENIED), the stock still changes', async () => {
  const app = createApp();
  const r = await app.runFile(order, 'mallory');
  assert.deepEqual(r.values, [null, 'PERMISSION_DENIED']);
  assert.equal(app.stock.get('apple').quantity, 7);
  assert.deepEqual(app.outbox, []);
  await app.close();
});

test('each module\'s manifest agrees with its build', () => {
  assert.deepEqual(checkModuleDrift(inventoryModule()), []);
  assert.deepEqual(checkModuleDrift(mailerModule), []);
});

test('the checker knows the modules: the scripts pass, a wrong call is reported', async () => {
  const checker = createChecker({ modules: [inventoryModule(), mailerModule] });
  const errors = (await checker.checkFile(order)).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, []);
  const codes = checker.check('local item = inventory.get(42)\nitem:takes(1)').map((d) => d.code);
  assert.ok(codes.includes('param-type-mismatch'), codes.join());
  assert.ok(codes.includes('undefined-field'), codes.join());
});

// The `inventory` module: stock levels, with a userdata type (`inventory.Item`) whose methods read
// and change one item. Deterministic: no I/O, no time.
import { ModuleClass, fail, fn, newManifest, registerTypeMethods, userdataInterface, type LState, type ModuleDef } from 'luamod';

/** The JS value behind an `inventory.Item` userdata. */
export interface Item { readonly sku: string; quantity: number }

const ITEM = 'inventory.Item';

/** The host's data: one stock table per engine (the build runs once per engine). */
export function createStock(initial: Record<string, number> = { apple: 10, pear: 4 }): Map<string, Item> {
  return new Map(Object.entries(initial).map(([sku, quantity]) => [sku, { sku, quantity }]));
}

const item = (l: LState): Item => l.checkUserdata<Item>(1, ITEM);

export function inventoryModule(stock: Map<string, Item> = createStock()): ModuleDef {
  return {
    name: 'inventory',
    description: 'Stock levels of the shop: look items up and take them from stock.',
    class: [ModuleClass.Deterministic],
    types: () => newManifest('inventory', 'Stock levels of the shop.')
      .defineType('Item', userdataInterface('inventory.Item', {
        sku: fn({ sig: 'fun(self) -> string', description: 'The item\'s SKU.', example: 'print(item:sku())' }),
        quantity: fn({ sig: 'fun(self) -> integer', description: 'How many are in stock.', example: 'print(item:quantity())' }),
        take: fn({
          sig: 'fun(self, n: integer) -> (integer?, Error?)', description: 'Takes `n` from stock; returns what is left.',
          errors: ['INVALID', 'CONFLICT'], example: 'local left, err = item:take(2)',
        }),
      }), { description: 'One item in stock.' })
      .setExport({
        kind: 'record', name: 'inventory', fields: {
          get: fn({
            sig: 'fun(sku: string) -> (inventory.Item?, Error?)', description: 'The item with this SKU.',
            errors: ['NOT_FOUND'], example: 'local apple, err = inventory.get("apple")',
          }),
        },
      }),
    build: () => ({
      table: {
        get: (l) => {
          const found = stock.get(l.checkString(1));
          if (!found) return fail(l, 'NOT_FOUND', `no item '${l.checkString(1)}'`);
          l.pushUserdata(found, ITEM);
          return 1;
        },
      },
      userdata: [registerTypeMethods(ITEM, {
        __tostring: (l) => (l.push(`Item(${item(l).sku} x${item(l).quantity})`), 1),
      }, {
        sku: (l) => (l.push(item(l).sku), 1),
        quantity: (l) => (l.push(item(l).quantity), 1),
        take: (l) => {
          const it = item(l);
          const n = l.checkInt(2);
          if (n <= 0) return fail(l, 'INVALID', 'take: n must be positive');
          if (n > it.quantity) return fail(l, 'CONFLICT', `only ${it.quantity} ${it.sku} in stock`);
          it.quantity -= n;
          l.push(it.quantity);
          return 1;
        },
      })],
    }),
  };
}

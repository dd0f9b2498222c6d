// Type notation throughput on the real signatures of the built-in modules: parsing, printing,
// assignability and manifest loading, each against a JSON baseline over the same data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifestJson } from '../../src/manifests';
import { findPackageRoot } from '../../src/module/package-root';
import { builtinModules } from '../../src/modules';
import { fieldsOf, isAssignable, parseType, typeToString, type Type, type TypeResolver } from '../../src/types';
import { defineSuite } from '../harness';

/** Every member type of every built-in module, printed in the notation. */
function corpus(): string[] {
  const texts: string[] = [];
  for (const def of builtinModules) {
    const m = def.types();
    const types = [m.exportType, ...[...m.types.values()].map((e) => e.type)];
    for (const t of types) for (const f of Object.values(fieldsOf(t) ?? {})) texts.push(typeToString(f.type));
  }
  return texts;
}

export default defineSuite({
  name: 'types',
  description: 'type notation over the built-in modules\' signatures',
  run(b) {
    const texts = corpus();
    const types = texts.map(parseType);
    const asJson = types.map((t) => JSON.stringify(t));
    const resolver: TypeResolver = { resolve: () => undefined };
    const pairs: [Type, Type][] = types.map((t, i) => [t, types[(i * 7 + 3) % types.length]!]);
    const root = findPackageRoot() ?? process.cwd();
    const shopText = readFileSync(join(root, 'examples/shop/manifests/shop.json'), 'utf8');

    b.reference(`JSON.parse of the ${types.length} types as JSON data`, () => { for (const j of asJson) JSON.parse(j); });
    b.bench(`parseType of the ${texts.length} notation texts`, () => { for (const t of texts) parseType(t); });

    b.reference('JSON.stringify of the types', () => { for (const t of types) JSON.stringify(t); });
    b.bench('typeToString of the types', () => { for (const t of types) typeToString(t); });

    b.reference('JSON.stringify equality of pairs', () => { for (const [x, y] of pairs) void (JSON.stringify(x) === JSON.stringify(y)); });
    b.bench(`isAssignable of ${pairs.length} pairs`, () => { for (const [x, y] of pairs) isAssignable(x, y, resolver); });

    b.reference('JSON.parse of shop.json', () => JSON.parse(shopText));
    b.bench('loadManifestJson of shop.json', () => loadManifestJson(shopText, 'shop.json'));
  },
});

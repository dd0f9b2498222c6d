// fast-check generators of Type data for the property tests in this folder.
import fc from 'fast-check';
import type { Field, Param, Type } from '../../src/types';

const NAMES = ['A', 'Item', 'time.Time', 'Error', 'shop.Cart', 'x_1'];
const FIELD_NAMES = ['a', 'name', 'self', 'nil', 'readonly', 'foo-bar', '', 'é', '1'];
const PARAM_NAMES = ['a', 'b', 'self', 'value'];

/** Arbitrary Types of bounded depth, covering every kind the notation can express. */
export const arbType: fc.Arbitrary<Type> = fc.letrec<{ type: Type }>((tie) => {
  const t = tie('type') as fc.Arbitrary<Type>;
  const small = <T>(arb: fc.Arbitrary<T>, max = 3) => fc.array(arb, { maxLength: max });
  const field: fc.Arbitrary<Field> = fc.record(
    { type: t, optional: fc.constant(true), readonly: fc.constant(true) },
    { requiredKeys: ['type'] },
  );
  const param: fc.Arbitrary<Param> = fc.record(
    { name: fc.constantFrom(...PARAM_NAMES), type: t, optional: fc.constant(true) },
    { requiredKeys: ['name', 'type'] },
  );
  const fields = fc.dictionary(fc.constantFrom(...FIELD_NAMES), field, { maxKeys: 3 });
  return {
    type: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<Type>(
        { kind: 'nil' }, { kind: 'boolean' }, { kind: 'number' }, { kind: 'integer' }, { kind: 'string' },
        { kind: 'any' }, { kind: 'unknown' }, { kind: 'never' }, { kind: 'self' },
      ),
      fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean())
        .map((value): Type => ({ kind: 'literal', value })),
      fc.constantFrom(...NAMES).map((name): Type => ({ kind: 'ref', name })),
      fc.constantFrom('T', 'U').map((name): Type => ({ kind: 'typeparam', name })),
      t.map((type): Type => ({ kind: 'optional', type })),
      small(t, 4).map((types): Type => ({ kind: 'union', types })),
      small(t).map((types): Type => ({ kind: 'intersection', types })),
      small(t).map((elements): Type => ({ kind: 'tuple', elements })),
      t.map((element): Type => ({ kind: 'array', element })),
      fc.tuple(t, t).map(([key, value]): Type => ({ kind: 'map', key, value })),
      fc.record({ fields, open: fc.boolean(), indexer: fc.option(fc.record({ key: t, value: t }), { nil: undefined }) })
        .map(({ fields: f, open, indexer }): Type => ({ kind: 'record', fields: f, ...(open ? { open } : {}), ...(indexer ? { indexer } : {}) })),
      fc.record({
        typeParams: fc.option(fc.constantFrom(['T'], ['T', 'U']), { nil: undefined }),
        params: small(param),
        variadic: fc.option(t, { nil: undefined }),
        returns: small(t),
        variadicReturn: fc.option(t, { nil: undefined }),
      }).map((f): Type => ({
        kind: 'function', params: f.params, returns: f.returns,
        ...(f.typeParams ? { typeParams: f.typeParams } : {}),
        ...(f.variadic ? { variadic: f.variadic } : {}),
        ...(f.variadicReturn ? { variadicReturn: f.variadicReturn } : {}),
      })),
    ),
  };
}).type;

// The type model: plain, immutable data shared by the checker, the runtime, the server and the docs.
// Every Type is a JSON-serialisable object discriminated by `kind`; operations live in sibling files
// (normalize.ts, assignable.ts, print.ts, parse.ts), never as methods.

/** Documentation any member (export field, method, record field, defined type) may carry. */
export interface MemberDoc {
  /** Markdown. */
  readonly description?: string;
  /** Lua snippets showing the member in use. */
  readonly examples?: readonly string[];
  /** Present when the member is deprecated: the note says what to use instead. */
  readonly deprecated?: string;
  /** Error kinds (`NOT_FOUND`, `INVALID`, ...) a function may return in its `Error` slot. */
  readonly errors?: readonly string[];
  /** For functions and methods: markdown describing each parameter, by parameter name. */
  readonly params?: Readonly<Record<string, string>>;
  /** For functions and methods: markdown describing what the function returns. */
  readonly returns?: string;
}

/** A named slot with a type: a record field, an interface method, a module export. */
export interface Field extends MemberDoc {
  readonly type: Type;
  readonly optional?: boolean;
  readonly readonly?: boolean;
}

export interface Param {
  readonly name: string;
  readonly type: Type;
  readonly optional?: boolean;
}

export interface NilType { readonly kind: 'nil' }
export interface BooleanType { readonly kind: 'boolean' }
export interface NumberType { readonly kind: 'number' }
/** A subtype of number. */
export interface IntegerType { readonly kind: 'integer' }
export interface StringType { readonly kind: 'string' }
/** Opt-out: assignable to and from everything. */
export interface AnyType { readonly kind: 'any' }
/** Top type that must be narrowed before use. */
export interface UnknownType { readonly kind: 'unknown' }
/** Bottom type: no value. */
export interface NeverType { readonly kind: 'never' }
/** The receiver in an interface method (`fun(self, ...)`); means "the enclosing interface". */
export interface SelfType { readonly kind: 'self' }

export interface LiteralType { readonly kind: 'literal'; readonly value: string | number | boolean }
/** `T?` = `T | nil`, kept apart so that hover and docs print what the author wrote. */
export interface OptionalType { readonly kind: 'optional'; readonly type: Type }
export interface UnionType { readonly kind: 'union'; readonly types: readonly Type[] }
export interface IntersectionType { readonly kind: 'intersection'; readonly types: readonly Type[] }
/** Several values, as returned by a call: `(string, Error?)`. */
export interface TupleType { readonly kind: 'tuple'; readonly elements: readonly Type[] }

export interface FunctionType {
  readonly kind: 'function';
  readonly typeParams?: readonly string[];
  readonly params: readonly Param[];
  /** Type of each extra argument (`...T`); absent when the function takes a fixed count. */
  readonly variadic?: Type;
  readonly returns: readonly Type[];
  /** Type of each extra return value (`-> (string, ...any)`). */
  readonly variadicReturn?: Type;
  /** A host function that suspends the script until an async handler answers. */
  readonly yields?: boolean;
}

/** A named set of methods; each method's first parameter is `self`. Userdata types are interfaces. */
export interface InterfaceType {
  readonly kind: 'interface';
  /** Qualified name, e.g. `time.Time`. */
  readonly name: string;
  readonly methods: Readonly<Record<string, Field>>;
  /** Non-method fields (rare; e.g. constants on a userdata). */
  readonly fields?: Readonly<Record<string, Field>>;
}

export interface RecordType {
  readonly kind: 'record';
  /** Set for named records (`shop.Item`) and module export tables (`time`). */
  readonly name?: string;
  readonly fields: Readonly<Record<string, Field>>;
  /** An open record may hold fields beyond those listed; a closed one may not. */
  readonly open?: boolean;
  /** The optional `[K]: V` part. */
  readonly indexer?: { readonly key: Type; readonly value: Type };
}

export interface ArrayType { readonly kind: 'array'; readonly element: Type }
export interface MapType { readonly kind: 'map'; readonly key: Type; readonly value: Type }
/** A named type (`Time`, `time.Time`, `Error`) resolved lazily through a TypeResolver. */
export interface RefType { readonly kind: 'ref'; readonly name: string }
/** A function's type parameter (`T` in `fun<T>(x: T) -> T`). */
export interface TypeParamType { readonly kind: 'typeparam'; readonly name: string }

export type Type =
  | NilType | BooleanType | NumberType | IntegerType | StringType
  | AnyType | UnknownType | NeverType | SelfType
  | LiteralType | OptionalType | UnionType | IntersectionType | TupleType
  | FunctionType | InterfaceType | RecordType | ArrayType | MapType
  | RefType | TypeParamType;

export type TypeKind = Type['kind'];

/** Resolves qualified names (`time.Time`, `Error`) to types; provided by a manifest registry. */
export interface TypeResolver {
  resolve(name: string): Type | undefined;
}

export const Nil: NilType = Object.freeze({ kind: 'nil' });
export const Boolean: BooleanType = Object.freeze({ kind: 'boolean' });
export const Number: NumberType = Object.freeze({ kind: 'number' });
export const Integer: IntegerType = Object.freeze({ kind: 'integer' });
export const String: StringType = Object.freeze({ kind: 'string' });
export const Any: AnyType = Object.freeze({ kind: 'any' });
export const Unknown: UnknownType = Object.freeze({ kind: 'unknown' });
export const Never: NeverType = Object.freeze({ kind: 'never' });
export const Self: SelfType = Object.freeze({ kind: 'self' });
/** The structured error interface every module returns in its `Error?` slot. */
export const ErrorRef: RefType = Object.freeze({ kind: 'ref', name: 'Error' });

export const optional = (type: Type): OptionalType => ({ kind: 'optional', type });
export const union = (...types: Type[]): UnionType => ({ kind: 'union', types });
export const intersection = (...types: Type[]): IntersectionType => ({ kind: 'intersection', types });
export const literal = (value: string | number | boolean): LiteralType => ({ kind: 'literal', value });
export const tuple = (...elements: Type[]): TupleType => ({ kind: 'tuple', elements });
export const arrayOf = (element: Type): ArrayType => ({ kind: 'array', element });
export const mapOf = (key: Type, value: Type): MapType => ({ kind: 'map', key, value });
export const ref = (name: string): RefType => ({ kind: 'ref', name });
export const typeParam = (name: string): TypeParamType => ({ kind: 'typeparam', name });

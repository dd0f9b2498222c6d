// The `uuid` module's manifest.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { exportRecord, fn } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const UUID_DESCRIPTION = 'Generate (v4 random, v7 time-ordered) and validate UUIDs in their canonical text form.\n\n' +
  '`validate` accepts the canonical 8-4-4-4-12 hex form in either case (any version, the nil UUID too); `v7` ids sort by creation time (millisecond resolution).';

/** Builds the manifest (pure; cheap). */
export function uuidManifest(): TypeManifest {
  const m = newManifest('uuid', UUID_DESCRIPTION);
  m.setExport(exportRecord('uuid', {
    v4: fn({
      sig: 'fun() -> string', description: 'A new random (version 4) UUID.',
      returns: 'Lowercase text like `f47ac10b-58cc-4372-a567-0e02b2c3d479`.', example: 'local id = uuid.v4()',
    }),
    v7: fn({
      sig: 'fun() -> string', description: 'A new time-ordered (version 7) UUID: ids made later sort after earlier ones (millisecond resolution).',
      returns: 'Lowercase canonical text.', example: 'local id = uuid.v7()',
    }),
    validate: fn({
      sig: 'fun(s: string) -> boolean', description: 'True when `s` is a UUID in canonical 8-4-4-4-12 hex form (any version, either case). Never an error.',
      params: { s: 'The text to check.' }, returns: 'Whether `s` is a UUID.',
      example: 'assert(uuid.validate(uuid.v4()))',
    }),
    version: fn({
      sig: 'fun(s: string) -> (integer?, Error?)', description: 'The version number of a UUID (4 for `v4()`, 7 for `v7()`).',
      params: { s: 'A UUID in canonical form.' }, returns: 'The version, or `nil` and an `INVALID` error when `s` is not a UUID.',
      errors: ['INVALID'], example: 'print(uuid.version(uuid.v7())) --> 7',
    }),
  }));
  return m;
}

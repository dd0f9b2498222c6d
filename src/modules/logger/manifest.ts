// The `logger` module's manifest: the module value is itself a `logger.Logger` userdata.
import { newManifest, type TypeManifest } from '../../types/manifest';
import { fn, t, userdataInterface } from '../manifest-kit';

/** One line of summary, then the module's notes (markdown; shown on its docs page and on hover). */
export const LOGGER_DESCRIPTION = 'Structured logging: one entry (level, message, fields) per call to the process log sink (stderr for the CLI).\n\n' +
  'The module value is itself the root `Logger`. Each call hands one entry — level, message and fields — to the process log sink; the CLI writes one line per entry to stderr. Fields are the ones given to `with` (outermost first), then those of the call (later ones win), plus `logger` = the name set with `named`. Functions and userdata in fields are written as `<function>` / `<time.Time>`.';

/** Builds the manifest (pure; cheap). */
export function loggerManifest(): TypeManifest {
  const m = newManifest('logger', LOGGER_DESCRIPTION);
  const level = (name: string) => fn({
    sig: 'fun(self, msg: string, fields?: table)', description: `Logs \`msg\` at level \`${name}\`.`,
    params: { msg: 'The message.', fields: 'Extra key/value pairs for this line (JSON-encodable).' },
    example: `logger:${name}("order placed", { id = 42 })`,
  });
  m.defineType('Logger', userdataInterface('logger.Logger', {
    debug: level('debug'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    with: fn({
      sig: 'fun(self, fields: table) -> logger.Logger', description: 'A logger that adds `fields` to every line it writes.',
      params: { fields: 'Key/value pairs (JSON-encodable).' }, returns: 'A new Logger; the receiver is unchanged.',
      example: 'local log = logger:with({ request = id })\nlog:info("start")',
    }),
    named: fn({
      sig: 'fun(self, name: string) -> logger.Logger', description: 'A logger whose lines carry `name` (appended with a dot to the current name).',
      params: { name: 'The name, e.g. `"billing"`.' }, returns: 'A new Logger.',
      example: 'local log = logger:named("billing")',
    }),
  }), { description: 'A structured logger. The module value is the root logger.' });
  m.setExport(t('logger.Logger'));
  return m;
}

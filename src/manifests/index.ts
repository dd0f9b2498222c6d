// JSON manifests: load, check and write them. Depends only on src/types.
export { loadManifestJson, loadManifestFile, loadManifestDir, formatManifestError, manifestErrorAt, type ManifestError, type LoadedManifest } from './load';
export { manifestToJson, localTypeToString } from './to-json';
export { manifestFromJson } from './from-json';
export { parseJsonText, formatJsonPath, type TextPosition } from './json-text';

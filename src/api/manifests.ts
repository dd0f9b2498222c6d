// The `luamod/manifests` entry point: read and write JSON manifests (the format of manifests/schema.json).
export { loadManifestJson, loadManifestFile, loadManifestDir, formatManifestError, type ManifestError, type LoadedManifest } from '../manifests/load';
export { manifestToJson } from '../manifests/to-json';
export { manifestFromJson } from '../manifests/from-json';
export { writeModuleManifests, moduleManifestJson, type ManifestExport } from '../module/manifest-export';

/**
 * Export manifests: a JSON file that lists the data files of one export run.
 * - AWS CUR (legacy), `<report>-Manifest.json`: `reportKeys`, bucket-relative keys such as
 *   `prefix/report/20240101-20240201/<assemblyId>/report-00001.csv.gz`, the manifest sitting in
 *   `prefix/report/20240101-20240201/`.
 * - AWS Data Exports (CUR 2.0, FOCUS), `Manifest.json`: `dataFiles`, full `s3://bucket/…` URIs of
 *   `…/<export>/data/BILLING_PERIOD=2024-01/<export>-00001.csv.gz`, the manifest in `…/<export>/metadata/…`.
 * - Azure Cost Management exports, `manifest.json`: `blobs[].blobName`, container-relative paths,
 *   the manifest in the run's own folder beside the parts.
 * The keys are storage paths, not local ones: a key is found on disk by lining it up with the
 * manifest's own folder (a folder of the manifest's path that is also a folder of the key), then
 * in the manifest's folder by its file name. Paths are handled as strings (the engine has no
 * node:path): both separators are understood, the manifest's own is used to join.
 */

export interface Manifest {
  /** "AWS Cost and Usage Report manifest", … for messages. */
  kind: string;
  keys: string[];
}

/** Larger JSON files are not looked at as manifests. */
export const MAX_MANIFEST_BYTES = 16 << 20;

function strings(value: unknown): string[] | null {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string') ? value : null;
}

/** The files a manifest lists, or null when the document is not a manifest. */
export function manifestOf(document: unknown): Manifest | null {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return null;
  const d = document as Record<string, unknown>;
  const reportKeys = strings(d.reportKeys);
  if (reportKeys) return { kind: 'AWS Cost and Usage Report manifest', keys: reportKeys };
  const dataFiles = strings(d.dataFiles);
  if (dataFiles) return { kind: 'AWS Data Exports manifest', keys: dataFiles };
  if (Array.isArray(d.blobs) && d.blobs.length > 0) {
    const names = d.blobs.map((b: unknown) => (typeof b === 'object' && b !== null ? (b as Record<string, unknown>).blobName : undefined));
    const keys = strings(names);
    if (keys) return { kind: 'Azure Cost Management export manifest', keys };
  }
  return null;
}

function parts(path: string): string[] {
  return path.split(/[\\/]+/).filter((p) => p !== '');
}

/** A key's path components: without `s3://bucket/`, refused when it climbs out (`..`). */
export function keyParts(key: string): string[] | null {
  const path = key.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]+\//i, '');
  const components = parts(path);
  if (components.length === 0 || components.some((c) => c === '..' || c === '.')) return null;
  return components;
}

/** A place where a listed file may be, and how to name it in the report (relative, `/`-separated). */
export interface Candidate {
  path: string;
  shown: string;
}

/**
 * Local paths where a listed key may be, most likely first: lined up with a folder of the
 * manifest's path (nearest first), then beside the manifest, then the key below the manifest's folder.
 */
export function candidatePaths(manifestPath: string, key: string): Candidate[] {
  const components = keyParts(key);
  if (!components) return [];
  const separator = manifestPath.includes('\\') && !manifestPath.includes('/') ? '\\' : '/';
  const lastSeparator = Math.max(manifestPath.lastIndexOf('/'), manifestPath.lastIndexOf('\\'));
  const folder = lastSeparator >= 0 ? manifestPath.slice(0, lastSeparator) : '.';
  const candidate = (base: string, rest: string[]): Candidate => ({
    path: (base === '' ? separator : base.endsWith(separator) ? base : base + separator) + rest.join(separator),
    shown: rest.join('/'),
  });
  const candidates: Candidate[] = [];
  // Ancestors of the manifest's folder as string prefixes, so that a drive or a root stays as written.
  let ancestor = folder;
  for (;;) {
    const cut = Math.max(ancestor.lastIndexOf('/'), ancestor.lastIndexOf('\\'));
    const name = ancestor.slice(cut + 1);
    const at = components.lastIndexOf(name, components.length - 2);
    if (name !== '' && at >= 0) candidates.push(candidate(ancestor, components.slice(at + 1)));
    if (cut < 0) break;
    ancestor = ancestor.slice(0, cut);
    if (ancestor === '' || /^[a-z]:$/i.test(ancestor)) break;
  }
  candidates.push(candidate(folder, components.slice(-1)), candidate(folder, components));
  const seen = new Set<string>();
  return candidates.filter((c) => !seen.has(c.path) && seen.add(c.path));
}

/**
 * Azure Resource Manager ids → resource type and name. An id alternates type and name segments
 * after its last "/providers/": ".../providers/Microsoft.Sql/servers/s1/databases/db1" is of type
 * "microsoft.sql/servers/databases" and named "db1". String scanning only: this runs per row.
 */

const PROVIDERS = '/providers/';

/** The lower-case ARM resource type of an id, or null when the id has no provider segment. */
export function resourceTypeOf(resourceId: string): string | null {
  const lower = resourceId.toLowerCase();
  const at = lower.lastIndexOf(PROVIDERS);
  if (at < 0) return null;
  const segments = lower.slice(at + PROVIDERS.length).split('/');
  const namespace = segments[0];
  if (!namespace) return null;
  const types: string[] = [namespace];
  for (let i = 1; i < segments.length; i += 2) {
    const segment = segments[i];
    if (segment) types.push(segment);
  }
  return types.length > 1 ? types.join('/') : null;
}

/** The last segment of an id ("db1"), or null for an empty id. */
export function resourceNameOf(resourceId: string): string | null {
  const trimmed = resourceId.replace(/\/+$/, '');
  const name = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return name === '' ? null : name;
}

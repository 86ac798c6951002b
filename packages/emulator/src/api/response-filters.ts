/**
 * `filtermeta` (pcloud-api.md §1.8): limits metadata objects to the listed fields. It is sticky
 * for the rest of the connection; an empty value or `0` restores all fields. `contents` is kept
 * so that a filtered listing can still be walked.
 */
import type { CallParams, ConnectionState } from './types.js';

/** Updates the connection's sticky filter from this call's parameters. */
export function updateFilter(params: CallParams, connection: ConnectionState): void {
  const value = params.get('filtermeta');
  if (value === undefined) return;
  const fields = value.split(',').filter((field) => field !== '');
  if (value === '0' || fields.length === 0) delete connection.filterMeta;
  else connection.filterMeta = new Set(fields);
}

function filterObject(meta: unknown, fields: ReadonlySet<string>): unknown {
  if (Array.isArray(meta)) return meta.map((item) => filterObject(item, fields));
  if (meta === null || typeof meta !== 'object') return meta;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'contents') kept.contents = filterObject(value, fields);
    else if (fields.has(key)) kept[key] = value;
  }
  return kept;
}

/** Applies a field filter to the `metadata` of an answer body, in place. */
export function applyFilter(body: Record<string, unknown>, fields: ReadonlySet<string> | undefined): void {
  if (fields && body.metadata !== undefined) body.metadata = filterObject(body.metadata, fields);
}

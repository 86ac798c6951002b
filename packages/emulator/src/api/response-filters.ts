/**
 * `filtermeta`, `filterfilemeta` and `filterfoldermeta` (pcloud-api.md §1.8): limit metadata
 * objects to the listed fields — every object, only files, or only folders. Each is sticky for
 * the rest of the connection; an empty value or `0` lifts it. A file or folder filter wins over
 * `filtermeta` for its kind. `contents` is kept so that a filtered listing can still be walked.
 */
import type { CallParams, ConnectionState, MetadataFilters } from './types.js';

const PARAMS = [
  ['filtermeta', 'all'],
  ['filterfilemeta', 'file'],
  ['filterfoldermeta', 'folder'],
] as const;

/** Updates the connection's sticky filters from this call's parameters. */
export function updateFilter(params: CallParams, connection: ConnectionState): void {
  for (const [param, kind] of PARAMS) {
    const value = params.get(param);
    if (value === undefined) continue;
    const fields = value.split(',').filter((field) => field !== '');
    const filters: MetadataFilters = { ...connection.filterMeta };
    if (value === '0' || fields.length === 0) delete filters[kind];
    else filters[kind] = new Set(fields);
    connection.filterMeta = filters;
  }
}

function filterObject(meta: unknown, filters: MetadataFilters): unknown {
  if (Array.isArray(meta)) return meta.map((item) => filterObject(item, filters));
  if (meta === null || typeof meta !== 'object') return meta;
  const isFolder = (meta as { isfolder?: unknown }).isfolder === true;
  const fields = (isFolder ? filters.folder : filters.file) ?? filters.all;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (key === 'contents') kept.contents = filterObject(value, filters);
    else if (!fields || fields.has(key)) kept[key] = value;
  }
  return kept;
}

/** Applies the connection's field filters to the `metadata` of an answer body, in place. */
export function applyFilter(body: Record<string, unknown>, filters: MetadataFilters | undefined): void {
  if (filters && (filters.all || filters.file || filters.folder) && body.metadata !== undefined)
    body.metadata = filterObject(body.metadata, filters);
}

/**
 * Reading typed values out of a call's string parameters, as pCloud does (pcloud-api.md §1.2):
 * numbers in decimal or `0x` hex, flags on only when non-zero/true, comma-separated id lists.
 */
import type { CallParams } from '../api/types.js';

const INTEGER = /^(?:0x[0-9a-f]+|-?\d+)$/i;

/** An integer parameter, or undefined when absent, empty or not a number. */
export function intParam(params: CallParams, name: string): number | undefined {
  const text = params.get(name)?.trim();
  if (text === undefined || !INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A flag: on for a non-zero number or `true`; off when absent, empty, `0` or `false`. */
export function flagParam(params: CallParams, name: string): boolean {
  const text = params.get(name)?.trim().toLowerCase();
  if (text === undefined || text === '' || text === 'false') return false;
  if (text === 'true') return true;
  return INTEGER.test(text) ? Number(text) !== 0 : true;
}

/** A comma-separated list (`fileids=1,2,3`), empty items dropped; undefined when the parameter is absent or blank. */
export function listParam(params: CallParams, name: string): string[] | undefined {
  const items = params
    .get(name)
    ?.split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items && items.length > 0 ? items : undefined;
}

/** Parses one list item as an id; undefined when it is not a non-negative integer. */
export function idOf(text: string): number | undefined {
  if (!INTEGER.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

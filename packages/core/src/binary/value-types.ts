/**
 * The value model of pCloud's binary protocol (pcloud-api.md §9.2–9.3): the request parameter
 * types, the response type bytes, and the TypeScript shapes both sides of the codec use.
 */

/** Parameter type codes of a request (bits 6–7 of the parameter byte); 3 is undefined. */
export const ParamType = { string: 0, number: 1, boolean: 2 } as const;

/** First byte of every response value (§9.3 table). */
export const ValueType = {
  /** 0–3: new string with a 1–4 byte length. */
  stringLong: 0,
  /** 4–7: reused string with a 1–4 byte id. */
  stringReuseLong: 4,
  /** 8–15: unsigned integer in 1–8 bytes. */
  number: 8,
  hash: 16,
  array: 17,
  false: 18,
  true: 19,
  data: 20,
  /** 100–149: new string of 0–49 bytes. */
  stringShort: 100,
  /** 150–199: reused string with id 0–49. */
  stringReuseShort: 150,
  /** 200–219: integer 0–19. */
  numberSmall: 200,
  end: 255,
} as const;

/** Longest string (in bytes) with a one-byte form (types 100–149). */
export const SHORT_STRING_MAX = 49;
/** Highest string id with a one-byte reuse form (types 150–199). */
export const SHORT_REUSE_MAX = 49;
/** Largest integer with a one-byte form (types 200–219). */
export const SMALL_NUMBER_MAX = 19;

/** A request parameter value; negative, fractional and out-of-range numbers travel as strings. */
export type ParamValue = string | number | bigint | boolean;

/** The placeholder of a response's type-20 value: the raw data of `length` bytes follows the response. */
export class BinaryData {
  constructor(readonly length: number) {}
}

/** A decoded (or encodable) response value. Integers above 2^53−1 are bigints, as `parseJson` gives them. */
export type BinaryValue = string | number | bigint | boolean | BinaryData | readonly BinaryValue[] | BinaryHash;

/** A response hash (JSON object). */
export interface BinaryHash {
  [key: string]: BinaryValue;
}

/** Unsigned 64-bit range, shared by request numbers and response integers. */
export const UINT64_MAX = 0xffff_ffff_ffff_ffffn;

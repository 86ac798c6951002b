/**
 * Decodes binary-protocol responses (pcloud-api.md §9.3): every value type of the table, with
 * per-response string ids. Integers above 2^53−1 become bigints, exactly as `parseJson` does
 * for the HTTP transport, so results look the same whichever transport fetched them.
 */
import { FrameDecoder, type ParsedFrame } from './frame-decoder.js';
import { FrameReader } from './frame-reader.js';
import { protocolError } from './protocol-error.js';
import { BinaryData, ValueType, type BinaryHash, type BinaryValue } from './value-types.js';

/** Deeper nesting than any pCloud answer has; bounds the recursion on hostile input. */
const MAX_DEPTH = 512;
/** Default frame limit: big enough for huge recursive listings, small enough to refuse junk (e.g. "HTTP"). */
const DEFAULT_MAX_FRAME = 1024 * 1024 * 1024;

/** A decoded response: the top-level hash and the total length of the raw data after it. */
export interface DecodedResponse {
  value: BinaryHash;
  dataLength: number;
}

/** Decodes one response frame body (everything after the u32 length); it must hold exactly one hash. */
export function decodeResponseFrame(body: Buffer): DecodedResponse {
  const decoder = new ValueDecoder(new FrameReader(body, 'response'));
  const value = decoder.value(0);
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof BinaryData) {
    throw protocolError('response: the top-level value is not a hash');
  }
  if (!decoder.reader.atEnd) throw protocolError(`response: ${decoder.reader.remaining} byte(s) left after the value`);
  return { value: value as BinaryHash, dataLength: decoder.dataLength };
}

/** Incremental response decoder: `push` socket bytes, then take `frame` and `data` events from `next()`. */
export class ResponseDecoder extends FrameDecoder<BinaryHash> {
  constructor(options: { maxFrameBytes?: number } = {}) {
    super(4, options.maxFrameBytes ?? DEFAULT_MAX_FRAME);
  }

  protected parse(body: Buffer): ParsedFrame<BinaryHash> {
    const { value, dataLength } = decodeResponseFrame(body);
    return { frame: value, dataLength };
  }
}

class ValueDecoder {
  private readonly strings: string[] = [];
  dataLength = 0;

  constructor(readonly reader: FrameReader) {}

  /** Reads one value; returns `undefined` only for the end marker, which the caller must expect. */
  value(depth: number): BinaryValue | undefined {
    if (depth > MAX_DEPTH) throw protocolError(`response: nesting deeper than ${MAX_DEPTH}`);
    const type = this.reader.u8();
    if (type <= 3) return this.newString(this.reader.safeUint(type + 1, 'string length'));
    if (type <= 7) return this.reused(this.reader.safeUint(type - 3, 'string id'));
    if (type <= 15) return this.reader.uint(type - 7);
    if (type >= ValueType.stringShort && type < ValueType.stringReuseShort) return this.newString(type - ValueType.stringShort);
    if (type >= ValueType.stringReuseShort && type < ValueType.numberSmall) return this.reused(type - ValueType.stringReuseShort);
    if (type >= ValueType.numberSmall && type < ValueType.numberSmall + 20) return type - ValueType.numberSmall;
    switch (type) {
      case ValueType.hash:
        return this.hash(depth);
      case ValueType.array:
        return this.list(depth);
      case ValueType.false:
        return false;
      case ValueType.true:
        return true;
      case ValueType.data:
        return this.data();
      case ValueType.end:
        return undefined;
      default:
        throw protocolError(`response: unknown value type ${type}`);
    }
  }

  private hash(depth: number): BinaryHash {
    const hash: BinaryHash = {};
    for (;;) {
      const key = this.value(depth + 1);
      if (key === undefined) return hash;
      if (typeof key !== 'string') throw protocolError('response: a hash key is not a string');
      const member = this.value(depth + 1);
      if (member === undefined) throw protocolError(`response: hash key "${key.slice(0, 40)}" has no value`);
      if (key === '__proto__') {
        // Plain data, as JSON.parse keeps it, never the prototype.
        Object.defineProperty(hash, key, { value: member, enumerable: true, writable: true, configurable: true });
      } else {
        hash[key] = member;
      }
    }
  }

  private list(depth: number): BinaryValue[] {
    const items: BinaryValue[] = [];
    for (;;) {
      const item = this.value(depth + 1);
      if (item === undefined) return items;
      items.push(item);
    }
  }

  private data(): BinaryData {
    const length = this.reader.safeUint(8, 'data length');
    this.dataLength += length;
    if (!Number.isSafeInteger(this.dataLength)) throw protocolError('response: data length out of range');
    return new BinaryData(length);
  }

  private newString(length: number): string {
    const text = this.reader.utf8(length, false);
    this.strings.push(text);
    return text;
  }

  private reused(id: number): string {
    const text = this.strings[id];
    if (text === undefined) throw protocolError(`response: string id ${id} was not defined before`);
    return text;
  }
}

/**
 * Decodes binary-protocol requests (pcloud-api.md §9.2), the server side of `encodeRequest`:
 * the emulator's binary listener feeds socket bytes to a {@link RequestDecoder}.
 */
import { FrameDecoder, type ParsedFrame } from './frame-decoder.js';
import { FrameReader } from './frame-reader.js';
import { protocolError } from './protocol-error.js';
import { ParamType, type ParamValue } from './value-types.js';

const DATA_FLAG = 0x80;

/** One decoded request. Numbers above 2^53−1 are bigints; a repeated parameter keeps its last value. */
export interface DecodedRequest {
  method: string;
  params: Map<string, ParamValue>;
  /** Whether the data flag was set (it may be set with a length of 0). */
  hasData: boolean;
  /** Bytes of data that follow the request. */
  dataLength: number;
}

/**
 * Decodes one request frame body (everything after the u16 length). The parameters must end
 * exactly at the end of the frame: a string length that does not match its bytes is refused.
 */
export function decodeRequestFrame(body: Buffer): DecodedRequest {
  const reader = new FrameReader(body, 'request');
  const head = reader.u8();
  const methodLength = head & 0x7f;
  const hasData = (head & DATA_FLAG) !== 0;
  if (methodLength === 0) throw protocolError('request: empty method name');
  const dataLength = hasData ? reader.safeUint(8, 'data length') : 0;
  const method = reader.utf8(methodLength, true);
  const count = reader.u8();
  const params = new Map<string, ParamValue>();
  for (let i = 0; i < count; i++) {
    const type = reader.u8();
    const name = reader.utf8(type & 0x3f, true);
    params.set(name, readParamValue(reader, type >> 6, name));
  }
  if (!reader.atEnd) throw protocolError(`request ${method}: ${reader.remaining} byte(s) left after ${count} parameter(s)`);
  return { method, params, hasData, dataLength };
}

function readParamValue(reader: FrameReader, type: number, name: string): ParamValue {
  switch (type) {
    case ParamType.string:
      return reader.utf8(reader.safeUint(4, 'string length'), true);
    case ParamType.number:
      return reader.uint(8);
    case ParamType.boolean:
      return reader.u8() !== 0;
    default:
      throw protocolError(`request: parameter "${name.slice(0, 63)}" has the undefined type ${type}`);
  }
}

/** Incremental request decoder: `push` socket bytes, then take `frame` and `data` events from `next()`. */
export class RequestDecoder extends FrameDecoder<DecodedRequest> {
  constructor() {
    super(2, 0xffff);
  }

  protected parse(body: Buffer): ParsedFrame<DecodedRequest> {
    const request = decodeRequestFrame(body);
    return { frame: request, dataLength: request.dataLength };
  }
}

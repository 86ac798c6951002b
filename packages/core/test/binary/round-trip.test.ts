import { describe, expect, it } from 'vitest';
import { isPCloudError } from '../../src/errors.js';
import {
  decodeRequestFrame,
  encodeRequest,
  encodeResponse,
  RequestDecoder,
  ResponseDecoder,
  type BinaryHash,
  type BinaryValue,
  type DecoderEvent,
  type ParamValue,
} from '../../src/binary/index.js';

/** mulberry32: a seeded generator, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['a', 'Z', '0', ' ', '/', '&', 'é', 'ß', '日本', '🎵', '\u0000', '"'];

function makeValues(rand: () => number) {
  const int = (n: number) => Math.floor(rand() * n);
  const text = (max: number) => Array.from({ length: int(max) }, () => ALPHABET[int(ALPHABET.length)]).join('');
  const number = (): number | bigint => {
    const bytes = int(9);
    const value = bytes === 0 ? BigInt(int(20)) : BigInt.asUintN(bytes * 8, BigInt(int(2 ** 32)) * 2n ** 32n + BigInt(int(2 ** 32)));
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  };
  const value = (depth: number): BinaryValue => {
    const kind = int(depth > 3 ? 4 : 6);
    if (kind === 0) return text(rand() < 0.1 ? 400 : 30);
    if (kind === 1) return number();
    if (kind === 2) return rand() < 0.5;
    if (kind === 3) return ['name', 'path', 'x'][int(3)] as string;
    if (kind === 4) return Array.from({ length: int(5) }, () => value(depth + 1));
    return hash(depth + 1);
  };
  const hash = (depth: number): BinaryHash => Object.fromEntries(Array.from({ length: int(6) }, () => [text(12), value(depth)]));
  const param = (): ParamValue => [() => text(40), () => number(), () => rand() < 0.5][int(3)]!();
  return { int, text, hash, param };
}

function drain<T>(decoder: { next(): DecoderEvent<T> | undefined }): T[] {
  const frames: T[] = [];
  for (let event = decoder.next(); event !== undefined; event = decoder.next()) if (event.kind === 'frame') frames.push(event.frame);
  return frames;
}

describe('binary codec round trips', () => {
  it('decodes 150 random responses, compact and long form, split into random chunks', () => {
    const rand = random(42);
    const { int, hash } = makeValues(rand);
    for (let i = 0; i < 150; i++) {
      const value = { result: int(3) === 0 ? 2009 : 0, ...hash(0) };
      for (const longForm of [false, true]) {
        const bytes = encodeResponse(value, { longForm });
        const decoder = new ResponseDecoder();
        const frames: BinaryHash[] = [];
        for (let at = 0; at < bytes.length; ) {
          const size = 1 + int(40);
          decoder.push(bytes.subarray(at, at + size));
          at += size;
          frames.push(...drain(decoder));
        }
        expect(frames).toEqual([value]);
      }
    }
  });

  it('reuses strings with 1- to 3-byte ids and long strings with 1- to 3-byte lengths', () => {
    const keys = Array.from({ length: 70_000 }, (_, i) => `k${i}`);
    const value: BinaryHash = { result: 0, small: 'x'.repeat(200), medium: 'y'.repeat(60_000), large: 'z'.repeat(70_000) };
    for (const key of keys) value[key] = key === 'k69999' ? ['k0', 'k300', 'k69998'] : 1;
    const bytes = encodeResponse(value);
    const decoder = new ResponseDecoder();
    decoder.push(bytes);
    expect(drain(decoder)).toEqual([value]);
    // Seven strings (result, small, x…, medium, y…, large, z…) take ids 0-6, so k<n> has id n + 7.
    expect(bytes.includes(Buffer.from([5, 0x33, 0x01]))).toBe(true); // "k300": id 307 in 2 bytes
    expect(bytes.includes(Buffer.from([6, 0x75, 0x11, 0x01]))).toBe(true); // "k69998": id 70005 in 3 bytes
    expect(bytes.includes(Buffer.from([0, 200, 0x78]))).toBe(true); // 200 bytes: 1-byte length
    expect(bytes.includes(Buffer.from([1, 0x60, 0xea, 0x79]))).toBe(true); // 60000 bytes: 2-byte length
    expect(bytes.includes(Buffer.from([2, 0x70, 0x11, 0x01, 0x7a]))).toBe(true); // 70000 bytes: 3-byte length
  });

  it('encodes and decodes 500 random requests with every parameter type', () => {
    const rand = random(7);
    const { int, param } = makeValues(rand);
    for (let i = 0; i < 500; i++) {
      const method = ['stat', 'uploadfile', 'listfolder', 'x'.repeat(127)][int(4)] as string;
      const params = new Map<string, ParamValue>(Array.from({ length: int(10) }, (_, n) => [`p${n}${'n'.repeat(int(50))}`, param()]));
      const dataLength = rand() < 0.3 ? int(1e6) : undefined;
      const bytes = encodeRequest(method, params, dataLength);
      expect(bytes.readUInt16LE(0)).toBe(bytes.length - 2);
      const decoded = decodeRequestFrame(bytes.subarray(2));
      expect(decoded).toEqual({ method, params, hasData: dataLength !== undefined, dataLength: dataLength ?? 0 });
    }
  });

  it('refuses requests beyond the format limits with a PROTOCOL_ERROR', () => {
    const attempts = [
      () => encodeRequest('x'.repeat(128)),
      () => encodeRequest(''),
      () => encodeRequest('stät'),
      () => encodeRequest('stat', { ['n'.repeat(64)]: 1 }),
      () => encodeRequest('stat', new Map(Array.from({ length: 256 }, (_, i) => [`p${i}`, 1]))),
      () => encodeRequest('stat', { path: 'x'.repeat(70_000) }),
    ];
    for (const attempt of attempts) expect(() => attempt()).toThrow(expect.objectContaining({ code: 'PROTOCOL_ERROR' }));
  });

  it('either decodes or refuses with a PROTOCOL_ERROR when fed corrupted or random bytes (never anything else)', () => {
    const rand = random(99);
    const { int, hash } = makeValues(rand);
    let refused = 0;
    for (let i = 0; i < 1000; i++) {
      const response = i % 2 === 0;
      const bytes = Buffer.from(response ? encodeResponse({ result: 0, ...hash(0) }) : encodeRequest('stat', { path: 'a', n: int(1000) }));
      for (let flips = 1 + int(3); flips > 0; flips--) bytes[int(bytes.length)] = int(256);
      const decoder = response ? new ResponseDecoder({ maxFrameBytes: 1 << 20 }) : new RequestDecoder();
      decoder.push(bytes);
      try {
        for (let steps = 0; decoder.next() !== undefined; steps++) expect(steps).toBeLessThan(bytes.length + 2);
      } catch (error) {
        expect(isPCloudError(error, 'PROTOCOL_ERROR')).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(50);
  });
});

// m3u8-parser ships no TypeScript types; this declares only the part the m3u reader uses.
declare module 'm3u8-parser' {
  /** One classified line of a playlist, as ParseStream emits it. */
  export type ParseEvent =
    | { type: 'uri'; uri: string }
    | { type: 'comment'; text: string }
    | { type: 'tag'; tagType: string; [field: string]: unknown };

  /** Classifies one line at a time (URI, comment or #EXT tag) and emits it as a `data` event. */
  export class ParseStream {
    constructor();
    on(event: 'data', listener: (event: ParseEvent) => void): void;
    push(line: string): void;
  }
}

// An esbuild plugin for bundles that compile got in. got's HTTP/2 client module reads eight of
// node:http2's constants as it loads, which loads node:http2 in every command that makes a
// request (about 6 ms of `pcutil ls`, measured), though core never asks got for HTTP/2. Those
// constants are HTTP/2's own (RFC 9113 pseudo-header names and error codes), so the patch writes
// their values in; tests/scripts/got-http2-constants.test.ts checks them against node:http2, and
// the build stops if got no longer reads exactly these.
import { readFile } from 'node:fs/promises';

const READ =
  'const { HTTP2_HEADER_AUTHORITY, HTTP2_HEADER_METHOD, HTTP2_HEADER_PATH, HTTP2_HEADER_SCHEME, HTTP2_HEADER_STATUS, HTTP2_METHOD_CONNECT, NGHTTP2_CANCEL, NGHTTP2_NO_ERROR, } = http2.constants;';

export const HTTP2_CONSTANTS = {
  HTTP2_HEADER_AUTHORITY: ':authority',
  HTTP2_HEADER_METHOD: ':method',
  HTTP2_HEADER_PATH: ':path',
  HTTP2_HEADER_SCHEME: ':scheme',
  HTTP2_HEADER_STATUS: ':status',
  HTTP2_METHOD_CONNECT: 'CONNECT',
  NGHTTP2_CANCEL: 8,
  NGHTTP2_NO_ERROR: 0,
};

export const gotHttp2Constants = {
  name: 'got-http2-constants',
  setup(build) {
    build.onLoad({ filter: /[/\\]got[/\\]dist[/\\]source[/\\]core[/\\]utils[/\\]http2-client\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (source.split(READ).length !== 2) throw new Error(`got-http2-constants: ${args.path} no longer reads its constants as ${READ}`);
      return {
        contents: source.replace(READ, `const { ${Object.keys(HTTP2_CONSTANTS).join(', ')} } = ${JSON.stringify(HTTP2_CONSTANTS)};`),
        loader: 'js',
      };
    });
  },
};

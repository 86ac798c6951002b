/** Remote locations: `p:/path`, `pcloud://host/path?authid=…`, and pCloud path normalisation. */
export * from './remote-path.js';
export * from './trailing-slash.js';
export * from './pcloud-url.js';
export * from './parse-location.js';
export * from './one-account.js';

/** @pcloud/token — manage pCloud credentials: list and delete tokens, log in and out, who am I. */
export { run } from './run.js';
export { formatTokenTable } from './token-table.js';
export { parseTokenIds } from './parse-ids.js';
export { translateLegacyArgv } from './legacy-argv.js';

/** @pcloud/token — manage pCloud credentials: list and delete tokens, log in and out, who am I. */
export { run } from './run.js';
export { formatTokenTable } from './report/token-table.js';
export { parseTokenIds } from './args/parse-ids.js';
export { translateLegacyArgv } from './args/legacy-argv.js';

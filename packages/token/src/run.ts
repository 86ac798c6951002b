import { createTool, oauthRefused, packageVersion } from '@pcloud/core/cli';
import { deleteCommand } from './commands/delete.js';
import { listCommand } from './commands/list.js';
import { loginCommand } from './commands/login.js';
import { logoutCommand } from './commands/logout.js';
import { whoamiCommand } from './commands/whoami.js';
import { translateLegacyArgv } from './args/legacy-argv.js';
import { TOKENS_REFUSED } from './report/tokens-refused.js';

/** `pcloud-token`'s entry point, `run(argv, io)`: never exits the process, answers the exit code. */
export const run = createTool({
  name: 'pcloud-token',
  version: packageVersion('@pcloud/token', import.meta.url),
  description: 'Manage your pCloud credentials: log in and out, see who you are, list and delete login tokens.',
  section: 'token',
  translateArgv: translateLegacyArgv,
  commands: [listCommand, deleteCommand, loginCommand, logoutCommand, whoamiCommand],
  examples: [
    ['pcloud-token login', 'log in through the pCloud page in your browser'],
    ['pcloud-token whoami', 'account, region and quota of the stored token'],
    ['pcloud-token --list', "the original tool's token table (same as: list)"],
    ['pcloud-token --delete 12,34', "the original tool's delete (same as: delete 12 34)"],
  ],
  epilogue:
    `Logins: ${oauthRefused(TOKENS_REFUSED)}; list and delete work with a legacy auth token (PCLOUD_AUTH or "auth" in the config). ` +
    'No command ever prints a token or a code.',
});

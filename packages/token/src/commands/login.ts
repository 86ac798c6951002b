import { defineCommand } from '@pcloud/core/cli';

/** `pcloud-token login`: the OAuth2 login, or storing a token obtained elsewhere (`--token`). */
export const loginCommand = defineCommand({
  name: 'login',
  describe: 'log in (OAuth2 in a browser, or --token) and store the token in the config file',
  options: {
    browser: {
      type: 'boolean',
      default: true,
      oneShot: true,
      describe: 'open the login page in a browser (--no-browser: only print its address)',
    },
    token: {
      type: 'string',
      oneShot: true,
      secret: true,
      describe:
        'store this token (e.g. a Duplicati AuthID) after checking it; give - to read it from standard input, as a token written on the command line can be read by other users in the process list',
    },
    'other-endpoint': {
      type: 'string',
      oneShot: true,
      describe: "with --token on a non-pCloud endpoint: the other region's endpoint to try on 2094",
    },
  },
  examples: [
    ['pcloud-token login', 'open the pCloud login page; the token is stored when you allow access'],
    ['pcloud-token login --no-browser', 'print the address to open elsewhere, then paste the code it shows'],
    ['pcloud-token login --token - < authid.txt', 'store a token from elsewhere; its region is detected'],
    ['PCLOUD_ACCESS_TOKEN=… pcloud-token whoami', 'try a token from elsewhere without storing it'],
  ],
  // Its code, and the client under it, load only when login runs: not for --help or another command.
  handler: async (ctx): Promise<void> => (await import('./login-handler.js')).runLogin(ctx),
});

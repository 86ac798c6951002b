import { loginSettings, regionOfEndpoint, saveLogin } from '@pcloud/core/internal';
import { defineCommand } from '@pcloud/core/cli';
import { checkTokenRegion, otherRegionEndpoint } from '../login/probe-region.js';
import { readTokenArg } from '../args/read-token-arg.js';
import { tokenLocation } from '../login/token-location.js';

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
  async handler(ctx) {
    const { endpoint, explicitEndpoint } = ctx.options;
    let token: string;
    let stored: string;
    if (ctx.args.token !== undefined) {
      token = await readTokenArg(ctx.args.token, ctx.io.stdin);
      const other = explicitEndpoint ? undefined : otherRegionEndpoint(endpoint, ctx.args['other-endpoint']);
      const checked = await checkTokenRegion((at) => ctx.client(tokenLocation(at, token)), endpoint, other);
      stored = checked.endpoint;
    } else {
      const { login } = await import('../login/oauth-login.js');
      const result = await login({
        ...loginSettings(ctx.config, endpoint),
        ...(explicitEndpoint || regionOfEndpoint(endpoint) === undefined ? { endpoint } : {}),
        output: (line) => ctx.out.info(line),
        ...(ctx.io.isTTY ? { input: ctx.io.stdin } : {}),
        openBrowser: ctx.args.browser ? (ctx.io.openBrowser ?? false) : false,
        signal: ctx.signal,
        client: ctx.connection(),
      });
      token = result.accessToken;
      stored = result.endpoint;
    }
    const { email } = await (await ctx.client(tokenLocation(stored, token))).call('userinfo');
    await saveLogin(ctx.config, { accessToken: token, endpoint: stored, username: ctx.options.username });
    ctx.out.info(`Logged in as ${email} at ${stored}; the token is stored in ${ctx.config.path}`);
    if (ctx.options.username !== undefined && ctx.options.username.toLowerCase() !== email.toLowerCase()) {
      ctx.out.warn(`you authorised the account ${email}, not ${ctx.options.username} (-u)`);
    }
  },
});

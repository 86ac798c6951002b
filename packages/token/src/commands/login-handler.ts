import { loginSettings, regionOfEndpoint, saveLogin } from '@pcloud/core/internal';
import { checkTokenRegion, otherRegionEndpoint } from '../login/probe-region.js';
import { readTokenArg } from '../args/read-token-arg.js';
import { tokenLocation } from '../login/token-location.js';
import type { loginCommand } from './login.js';

/** What `pcloud-token login` runs: the OAuth2 login, or storing a token obtained elsewhere (`--token`). */
export async function runLogin(ctx: Parameters<(typeof loginCommand)['handler']>[0]): Promise<void> {
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
}

import { formatBytes, getUserInfo, regionOfEndpoint } from '@pcloud/core/internal';
import type { whoamiCommand } from './whoami.js';

/** What `pcloud-token whoami` runs: the account behind the stored token (`userinfo`), never the token itself. */
export async function runWhoami(ctx: Parameters<(typeof whoamiCommand)['handler']>[0]): Promise<void> {
  const client = await ctx.client();
  const user = await getUserInfo(client);
  const endpoint = client.endpoint.href.replace(/\/+$/, '');
  const kind = client.settings.credentials.accessToken !== undefined ? 'OAuth access token' : 'legacy auth token';
  // pCloud's own hosts name their region; any other endpoint (a proxy, a local emulator) does not say.
  const region = regionOfEndpoint(endpoint);
  const info = {
    email: user.email,
    userid: user.userid,
    region: region ?? null,
    endpoint,
    tokenKind: kind,
    appFolder: ctx.options.appFolder ?? null,
    usedQuota: user.usedquota,
    quota: user.quota,
  };
  if (ctx.json) {
    ctx.out.json(info);
    return;
  }
  ctx.out.line(`account:   ${info.email} (user ${info.userid})`);
  ctx.out.line(`region:    ${info.region ? `${info.region.toUpperCase()} at ${endpoint}` : `not one of pCloud's hosts: ${endpoint}`}`);
  ctx.out.line(`token:     ${kind}${info.appFolder ? `, limited to the app folder ${info.appFolder}` : ', whole account'}`);
  ctx.out.line(`quota:     ${formatBytes(info.usedQuota)} of ${formatBytes(info.quota)} used`);
}

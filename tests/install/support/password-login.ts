/** A legacy `auth` token for the emulator's seeded account, as the install tests' playlist runs need. */
import https from 'node:https';

/** A legacy `auth` token by password login (`userinfo` with `getauth`), which legacy mode allows; `ca` trusts an HTTPS emulator. */
export async function passwordLogin(apiUrl: string, ca?: string): Promise<string> {
  const query = new URLSearchParams({ getauth: '1', username: 'demo@pcloud-emulator.test', password: 'emulator-password' });
  const text = await new Promise<string>((resolve, reject) => {
    https
      .get(`${apiUrl}/userinfo?${query}`, ca === undefined ? {} : { ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      })
      .on('error', reject);
  });
  const answer = JSON.parse(text) as { result: number; auth?: string };
  if (answer.result !== 0 || !answer.auth) throw new Error(`password login refused: result ${answer.result}`);
  return answer.auth;
}

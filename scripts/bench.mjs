// `pnpm bench [WORD]`: runs every packages/*/bench/*.bench.mjs (with WORD, those whose path below
// packages/ contains it) one after another (never in parallel: benchmarks on a shared 2-core
// machine must not compete with each other).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];
let failed = 0;
for (const pkg of readdirSync(join(root, 'packages')).sort()) {
  const dir = join(root, 'packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.bench.mjs'))
    .sort()) {
    const path = join(dir, file);
    // Matched inside the checkout: the folder it sits in (a worktree named after a bench) does not count.
    if (filter && !join(pkg, 'bench', file).includes(filter)) continue;
    console.log(`\n== ${pkg}/bench/${file}`);
    const { status } = spawnSync(process.execPath, [path], { stdio: 'inherit', cwd: root });
    if (status !== 0) failed++;
  }
}
process.exitCode = failed > 0 ? 1 : 0;

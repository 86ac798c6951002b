/**
 * Bundles `source` (ESM importing installed packages, resolved from `resolveDir`) with esbuild and
 * the given plugins, then imports the result: how the bundle-time patch tests run a patched module
 * beside the real one.
 */
import { build, type Plugin } from 'esbuild';

export async function bundleAndImport<T>(source: string, resolveDir: string, plugins: Plugin[]): Promise<T> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins,
  });
  const code = result.outputFiles[0]?.text ?? '';
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as T;
}

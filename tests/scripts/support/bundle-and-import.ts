/**
 * Bundles ESM with esbuild and the given plugins, as the bundle-time patch tests need it: the
 * text, to look for what a patch wrote in, or the module itself, to run a patched module beside
 * the real one.
 */
import { build, type Plugin } from 'esbuild';

/** The bundle of `source` (ESM importing installed packages, resolved from `resolveDir`), as text. */
export async function bundleText(source: string, resolveDir: string, plugins: Plugin[]): Promise<string> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    plugins,
  });
  return result.outputFiles[0]?.text ?? '';
}

/** The bundle of `source`, imported. */
export async function bundleAndImport<T>(source: string, resolveDir: string, plugins: Plugin[]): Promise<T> {
  const code = await bundleText(source, resolveDir, plugins);
  return (await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)) as T;
}

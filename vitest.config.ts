import { defineConfig } from 'vitest/config';

// Tests run the TypeScript sources directly: workspace packages resolve through the
// "@pcloud/source" export condition, so no build is needed before `vitest`.
const conditions = ['@pcloud/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: [
      ...['core', 'emulator', 'pcutil', 'playlist', 'token'].map((name) => ({
        extends: true,
        test: {
          name,
          root: `packages/${name}`,
          include: ['test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      })),
      // The toolkit as a user sees it: installed tarballs, bad input and secrets across every bin.
      // The install test packs and installs with npm, hence the longer hook timeout.
      { extends: true, test: { name: 'toolkit', root: 'tests', include: ['**/*.test.ts'], testTimeout: 60_000, hookTimeout: 180_000 } },
    ],
  },
});

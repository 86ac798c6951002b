/** The script a test spawns for a package's bin: the built shim, or the sources bundled the same way. */
export function binUnderTest(packageDir: string, bin: string): Promise<string>;

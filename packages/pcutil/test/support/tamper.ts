import type { Emulator } from '@pcloud/emulator';

/**
 * Gives a seeded file or folder a name that pCloud itself would refuse (`..`, `a/b`, a NUL), by
 * editing the emulator's state behind its API, as a compromised server or a man in the middle
 * could present it. Listings then carry the name as it is. Test-only: the emulator's methods
 * never create such names.
 */
export function tamperName(emulator: Emulator, kind: 'file' | 'folder', id: number, name: string): void {
  const tree = emulator.state.files.tree(emulator.seeded.userid);
  const node = kind === 'file' ? tree.files.get(id) : tree.folders.get(id);
  const parent = node?.parentId === undefined ? undefined : tree.folders.get(node.parentId);
  if (node === undefined || parent === undefined) throw new Error(`tamperName: no ${kind} ${id} with a parent`);
  const index = kind === 'file' ? parent.files : parent.folders;
  index.delete(node.name);
  node.name = name;
  index.set(name, id);
}

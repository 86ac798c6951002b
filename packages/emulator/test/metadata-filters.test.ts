/** `filterfilemeta` / `filterfoldermeta` (with `filtermeta`) on listfolder and stat, sticky per connection. */
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Emulator } from '../src/index.js';
import { apiCall } from './support/api-call.js';
import { startEmulator } from './support/emulator-fixture.js';

describe('per-kind metadata filters', () => {
  let emu: Emulator;
  let folderid: number;
  let agent: Agent;
  const call = (method: string, params: Record<string, string | number>) =>
    apiCall(emu.apiUrl, method, params, { bearer: emu.token, agent });
  const keys = (meta: Record<string, unknown>): string[] => Object.keys(meta).sort();

  beforeAll(async () => {
    emu = await startEmulator();
    folderid = emu.seedFolder('/Filtered/Sub');
    await emu.seedFile('/Filtered/song.mp3', 'la la');
  });
  afterAll(async () => {
    agent?.destroy();
    await emu.close();
  });

  test('listfolder: files keep only the file fields, folders only the folder fields', async () => {
    agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const listing = await call('listfolder', { path: '/Filtered', filterfilemeta: 'name,size', filterfoldermeta: 'name,folderid' });
    expect(keys(listing.metadata)).toEqual(['contents', 'folderid', 'name']);
    const [sub, song] = listing.metadata.contents;
    expect(sub).toEqual({ name: 'Sub', folderid });
    expect(song).toEqual({ name: 'song.mp3', size: 5 });
  });

  test('the filters stick to the connection, on stat too, and a per-kind filter wins over filtermeta', async () => {
    const file = await call('stat', { path: '/Filtered/song.mp3', filtermeta: 'name,isfolder' });
    expect(file.metadata).toEqual({ name: 'song.mp3', size: 5 });
    const folder = await call('stat', { path: '/Filtered/Sub' });
    expect(folder.metadata).toEqual({ name: 'Sub', folderid });
  });

  test('0 lifts one filter; filtermeta then applies to that kind again', async () => {
    const file = await call('stat', { path: '/Filtered/song.mp3', filterfilemeta: '0' });
    expect(file.metadata).toEqual({ name: 'song.mp3', isfolder: false });
    const folder = await call('stat', { path: '/Filtered/Sub', filterfoldermeta: '0', filtermeta: '0' });
    expect(folder.metadata).toMatchObject({ name: 'Sub', folderid, isfolder: true, icon: 'folder' });
  });

  test('another connection is not filtered', async () => {
    const other = await apiCall(emu.apiUrl, 'listfolder', { path: '/Filtered', filterfilemeta: 'name' }, { bearer: emu.token });
    expect(other.metadata.contents[1]).toEqual({ name: 'song.mp3' });
    const fresh = await apiCall(emu.apiUrl, 'stat', { path: '/Filtered/song.mp3' }, { bearer: emu.token });
    expect(fresh.metadata).toMatchObject({ name: 'song.mp3', size: 5, contenttype: 'audio/mpeg', isfolder: false });
  });
});

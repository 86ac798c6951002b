import { describe, expect, it } from 'vitest';
import { resolveConfigPath } from '../../src/config/index.js';

describe('resolveConfigPath', () => {
  const env = { HOME: '/home/ann', XDG_CONFIG_HOME: '/xdg', PCLOUD_CONFIG: '/etc/pc.json' };

  it('takes -f first, then PCLOUD_CONFIG, then XDG_CONFIG_HOME, then ~/.config', () => {
    expect(resolveConfigPath({ explicit: '/a/b.json', env })).toBe('/a/b.json');
    expect(resolveConfigPath({ env })).toBe('/etc/pc.json');
    expect(resolveConfigPath({ env: { ...env, PCLOUD_CONFIG: '' } })).toBe('/xdg/pcloud.json');
    expect(resolveConfigPath({ env: { HOME: '/home/ann' } })).toBe('/home/ann/.config/pcloud.json');
  });

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec asks', () => {
    expect(resolveConfigPath({ env: { HOME: '/h', XDG_CONFIG_HOME: 'rel' } })).toBe('/h/.config/pcloud.json');
  });

  it('resolves relative and ~ paths', () => {
    expect(resolveConfigPath({ explicit: 'my.json', env, cwd: '/work' })).toBe('/work/my.json');
    expect(resolveConfigPath({ explicit: '~/pc.json', env, cwd: '/work' })).toBe('/home/ann/pc.json');
    expect(resolveConfigPath({ env: { HOME: '/h', PCLOUD_CONFIG: '../x.json' }, cwd: '/w/d' })).toBe('/w/x.json');
  });
});

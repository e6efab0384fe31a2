import { describe, expect, it } from 'vitest';
import { dataFlagFrom, platformDataDir, resolveDataDir } from './paths';

describe('data folder', () => {
  it('uses the platform user-data folder by default', () => {
    expect(platformDataDir('linux', {}, '/home/li')).toBe('/home/li/.config/kehu-crm');
    expect(platformDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/li')).toBe('/cfg/kehu-crm');
    expect(platformDataDir('darwin', {}, '/Users/li')).toBe('/Users/li/Library/Application Support/kehu-crm');
    expect(platformDataDir('win32', { APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'C:\\Users\\li')).toContain('kehu-crm');
  });

  it('prefers --data, then KEHU_DATA_DIR, then the fallback', () => {
    expect(resolveDataDir({ flag: '/a', env: { KEHU_DATA_DIR: '/b' }, fallback: '/c' })).toBe('/a');
    expect(resolveDataDir({ env: { KEHU_DATA_DIR: '/b' }, fallback: '/c' })).toBe('/b');
    expect(resolveDataDir({ env: {}, fallback: '/c' })).toBe('/c');
  });

  it('finds --data in a raw argv', () => {
    expect(dataFlagFrom(['electron', '.', '--data', '/x'])).toBe('/x');
    expect(dataFlagFrom(['electron', '.', '--data=/y'])).toBe('/y');
    expect(dataFlagFrom(['electron', '.'])).toBeUndefined();
  });
});

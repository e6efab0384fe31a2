// The operating system's secret store for the database key in single-user mode: Electron's
// safeStorage (Keychain, DPAPI, libsecret). Under Node (serve, CLI, tests) there is none.
export interface OsKeyStore {
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

export const noOsKeyStore: OsKeyStore = {
  isAvailable: () => false,
  encrypt: () => {
    throw new Error('no operating system key store here');
  },
  decrypt: () => {
    throw new Error('no operating system key store here');
  },
};

import { describe, expect, it } from 'vitest';
import { passwordStrength } from './strength';

describe('passwordStrength', () => {
  it('is too short below the minimum, counting characters not bytes', () => {
    expect(passwordStrength('')).toBe('tooShort');
    expect(passwordStrength('Ab1!xyz')).toBe('tooShort');
    expect(passwordStrength('客户管理密码很长')).toBe('weak');
  });

  it('grows with kinds of characters and length', () => {
    expect(passwordStrength('abcdefgh')).toBe('weak');
    expect(passwordStrength('abcdefgh12')).toBe('weak');
    expect(passwordStrength('Abcdefgh12')).toBe('fair');
    expect(passwordStrength('Abcdefgh12!')).toBe('strong');
    expect(passwordStrength('correct horse battery')).toBe('strong');
  });
});

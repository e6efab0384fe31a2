// The password strength hint on the first-start and change-password forms. A hint only: the
// main process enforces the rules that matter (PASSWORD_MIN..PASSWORD_MAX).
import { PASSWORD_MIN } from '../../../shared/auth';

export type Strength = 'tooShort' | 'weak' | 'fair' | 'strong';

/** Length counts most; each kind of character (lower, upper, digit, other incl. CJK) adds a point. */
export function passwordStrength(password: string): Strength {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'tooShort';
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{N}/u, /[^\p{Ll}\p{Lu}\p{N}]/u].filter((re) => re.test(password)).length;
  const score = kinds + (length >= 12 ? 1 : 0) + (length >= 16 ? 1 : 0);
  if (score >= 4) return 'strong';
  return score === 3 ? 'fair' : 'weak';
}

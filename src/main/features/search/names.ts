// PLACEHOLDER — the search helper replaces this file.
/** Pinyin of a name: full ("zhangwei") and initials ("zw"), pinyin-pro with surname mode. */
export function namePinyin(name: string): { py: string; initials: string } {
  return { py: name.toLowerCase(), initials: '' };
}
/** Normalised name for duplicate checks: lowercase, half-width, no spaces or punctuation. */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, '');
}

// Names as people type them into the search box and duplicate checks: pinyin (张伟 → "zhangwei",
// "zw") and a normalised key ("ＺＨＡＮＧ  伟" and "zhang伟" are the same name).
import { pinyin } from 'pinyin-pro';

const HAN_RUN = /\p{Script=Han}+/u;
const SEGMENTS = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

// Names repeat a lot (surnames × common given names), and pinyin-pro costs a few µs per call.
// Bounded so that a million-row import does not keep every distinct name alive: two generations,
// so that a full memo keeps the names seen lately instead of starting empty.
const MEMO_LIMIT = 50_000;
let memo = new Map<string, { py: string; initials: string }>();
let previous = new Map<string, { py: string; initials: string }>();

function hanSyllables(run: string, isSurname: boolean): string[] {
  // surname:'head' reads the leading surname correctly (曾→zeng, 单→shan, 区→ou);
  // v:true writes ü as v (吕 → lv), which is how people type it.
  return pinyin(run, { toneType: 'none', type: 'array', v: true, surname: isSurname ? 'head' : 'off' });
}

function computePinyin(name: string): { py: string; initials: string } {
  const syllables: string[] = [];
  let surnameSeen = false;
  for (const [segment] of name.normalize('NFKC').matchAll(SEGMENTS)) {
    if (HAN_RUN.test(segment)) {
      // In "Kevin 张伟" the first Han run still starts with the surname.
      syllables.push(...hanSyllables(segment, !surnameSeen));
      surnameSeen = true;
    } else {
      syllables.push(segment.toLowerCase());
    }
  }
  return { py: syllables.join(''), initials: syllables.map((s) => s[0] ?? '').join('') };
}

/** Pinyin of a name: full ("zhangwei") and initials ("zw"), pinyin-pro with surname mode. */
export function namePinyin(name: string): { py: string; initials: string } {
  let hit = memo.get(name);
  if (!hit) {
    hit = previous.get(name) ?? computePinyin(name);
    if (memo.size >= MEMO_LIMIT) {
      previous = memo;
      memo = new Map();
    }
    memo.set(name, hit);
  }
  return hit;
}

/** Normalised name for duplicate checks: lowercase, half-width, no spaces or punctuation. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The most characters a cell keeps: Excel's own limit, and far more than any field takes (notes:
 * 5,000). A longer cell is cut there and marked (CUT_MARK): a 50 MB cell held whole, then copied to
 * the prepare thread, the writer and the rejected rows, would take the import's heap several times over.
 */
export const CELL_MAX_CHARS = 32767;
/** Ends a cell cut at CELL_MAX_CHARS (the rejected-rows file shows it; validation.cell_too_long says so). */
export const CUT_MARK = '…[已截断]';

/**
 * The most cells a record has (Excel's columns): the last one takes the rest of the line, delimiters
 * and all (then mostly cut). A line of 50 million commas is not 50 million cells.
 */
export const ROW_MAX_CELLS = 16384;

/** `s`, cut to CELL_MAX_CHARS and marked when longer. */
export const cutCell = (s: string): string => (s.length > CELL_MAX_CHARS ? s.slice(0, CELL_MAX_CHARS) + CUT_MARK : s);

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
}

/**
 * Incremental RFC 4180 tokenizer, fed decoded text chunk by chunk. Forgiving like spreadsheet
 * programs: LF, CRLF and CR-only all end a record (and may be mixed); a quote inside an unquoted
 * field is data. A quote inside a quoted field that is not followed by a delimiter, a line end or
 * a second quote is read as Excel reads it (the field closed there, the rest of the cell is text:
 * `"VIP" 客户` → `VIP 客户`), unless the line closes the field further on and no other quoted
 * field starts before that (`"pedro "pdet" ho;landa"`, a writer that did not double its quotes):
 * then the quote is data. Line breaks inside quoted fields are kept as they are.
 */
export class CsvTokenizer {
  private row: string[] = [];
  private field = '';
  /** The current cell reached CELL_MAX_CHARS: the rest of it is dropped. */
  private cut = false;
  private state = State.FieldStart;
  private skipLf = false;
  /** Text after a quote whose meaning depends on the rest of its line (closesLater). */
  private carry = '';
  private readonly delim: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1) throw new Error(`Delimiter must be one character: ${JSON.stringify(delimiter)}`);
    this.delim = delimiter.charCodeAt(0);
  }

  /** Feeds a chunk; completed records are appended to `out`. */
  push(chunk: string, out: string[][]): void {
    this.feed(chunk, out, false);
  }

  /**
   * `final`: no text comes after `chunk`, so a line that is not complete is decided as it is instead
   * of being held back in `carry` (end() feeds that carry this way).
   */
  private feed(chunk: string, out: string[][], final: boolean): void {
    const text = this.carry + chunk;
    this.carry = '';
    const d = this.delim;
    const n = text.length;
    let i = 0;
    if (this.skipLf && n > 0) {
      if (text.charCodeAt(0) === LF) i = 1;
      this.skipLf = false;
    }
    while (i < n) {
      if (this.state === State.Quoted) {
        const j = text.indexOf('"', i);
        if (j < 0) {
          this.append(text.slice(i));
          return;
        }
        this.append(text.slice(i, j));
        this.state = State.QuoteInQuoted;
        i = j + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (this.state === State.QuoteInQuoted) {
        if (c === QUOTE) {
          this.append('"');
          this.state = State.Quoted;
          i++;
          continue;
        }
        if (c !== d && c !== LF && c !== CR) {
          const closes = this.closesLater(text, i, final);
          if (closes === null) {
            // The line goes on in the next chunk: decide when it is here.
            this.carry = text.slice(i);
            return;
          }
          if (closes) {
            this.append('"');
            this.state = State.Quoted;
            continue;
          }
        }
        this.state = State.Unquoted;
      }
      if (this.state === State.FieldStart && c === QUOTE) {
        this.state = State.Quoted;
        i++;
        continue;
      }
      let j = i;
      while (j < n) {
        const k = text.charCodeAt(j);
        if (k === d || k === LF || k === CR) break;
        j++;
      }
      if (j > i) this.append(text.slice(i, j));
      this.state = State.Unquoted;
      if (j === n) return;
      const k = text.charCodeAt(j);
      if (k === d && this.row.length === ROW_MAX_CELLS - 1) {
        this.append(text[j]);
        i = j + 1;
        continue;
      }
      this.endField();
      i = j + 1;
      if (k === d) continue;
      out.push(this.row);
      this.row = [];
      if (k === CR) {
        if (i < n) {
          if (text.charCodeAt(i) === LF) i++;
        } else this.skipLf = true;
      }
    }
  }

  private append(s: string): void {
    if (this.cut) return;
    if (this.field.length + s.length <= CELL_MAX_CHARS) this.field += s;
    else {
      this.field = (this.field + s).slice(0, CELL_MAX_CHARS);
      this.cut = true;
    }
  }

  private endField(): void {
    this.row.push(this.cut ? this.field + CUT_MARK : this.field);
    this.field = '';
    this.cut = false;
    this.state = State.FieldStart;
  }

  /**
   * After a quote in a quoted field followed by text: does the line close the field later (a quote
   * before a delimiter, spaces or the line's end) with no `<delimiter>"` (another quoted field)
   * before it? Null when the line is not complete in `text` and more may come.
   */
  private closesLater(text: string, from: number, final = false): boolean | null {
    // A quote closing the field further on than a cell keeps is not looked for: read as Excel reads
    // it. This also bounds the text held back in `carry`.
    const to = Math.min(text.length, from + CELL_MAX_CHARS);
    for (let j = from; j < to; j++) {
      const k = text.charCodeAt(j);
      if (k === LF || k === CR) return false;
      if (k === this.delim && text.charCodeAt(j + 1) === QUOTE) return false;
      if (k !== QUOTE) continue;
      const ends = this.endsCell(text, j + 1);
      if (ends === null) return final ? true : null;
      if (ends) return true;
    }
    return final || to < text.length ? false : null;
  }

  /** Only spaces or tabs from `i` to a delimiter or a line end; null when the text ends first. */
  private endsCell(text: string, i: number): boolean | null {
    let j = i;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) && text.charCodeAt(j) !== this.delim) j++;
    if (j === text.length) return null;
    const k = text.charCodeAt(j);
    return k === this.delim || k === LF || k === CR;
  }

  /**
   * Flushes the last record (a file need not end with a line break). Returns false when the text
   * ended inside a quoted field: a quote was opened and never closed, so its cell took in the rest.
   */
  end(out: string[][]): boolean {
    if (this.carry) this.feed('', out, true);
    const closed = this.state !== State.Quoted;
    if (this.state === State.FieldStart && this.row.length === 0 && this.field === '') return closed;
    this.endField();
    out.push(this.row);
    this.row = [];
    return closed;
  }
}

const CANDIDATES = [',', '\t', ';', '|'];

/**
 * Picks the delimiter whose per-record field count is most consistent over the first records of the
 * sample (outside quotes), preferring more columns on ties, then the order , TAB ; |.
 */
export function detectDelimiter(sample: string, complete: boolean): string {
  let text = sample;
  if (!complete) {
    const cut = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    if (cut > 0) text = text.slice(0, cut);
  }
  let best = ',';
  let bestScore = 0;
  let bestWidth = 0;
  for (const delim of CANDIDATES) {
    const t = new CsvTokenizer(delim);
    const recs: string[][] = [];
    t.push(text, recs);
    t.end(recs);
    const counts = recs.filter((r) => !(r.length === 1 && r[0].trim() === '')).slice(0, 50).map((r) => r.length);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 1;
    let modeN = 0;
    for (const [c, f] of freq) if (f > modeN || (f === modeN && c > mode)) [mode, modeN] = [c, f];
    if (mode <= 1) continue;
    const score = modeN / counts.length;
    if (score > bestScore + 1e-9 || (Math.abs(score - bestScore) <= 1e-9 && mode > bestWidth)) {
      best = delim;
      bestScore = score;
      bestWidth = mode;
    }
  }
  return best;
}

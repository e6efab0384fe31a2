// A stored value carried over to a field's changed definition where that loses nothing: a number
// becomes its text, a text that is a number becomes the number, a text that is a day becomes the
// date, a text naming an option becomes that option, a text naming options (split as the import
// splits a multi-select cell) becomes that list, one option becomes a list of one (and a list of
// one its option, number or day), a blank text becomes no value. A value with no such conversion
// comes back as it is, and the caller's check (valueProblem) decides whether it still fits.
import type { CustomField, CustomValues } from '../../../shared/custom-fields';
import { dateField } from '../../../shared/validation';
import { MULTI_SEPARATOR } from '../../io/export/columns';
import { normalizeDate } from '../../io/import/mapping';
import { optionOf, optionsIn, readNumber } from '../customers/custom-values';

type Definition = Pick<CustomField, 'type' | 'options'>;
type Value = CustomValues[string];

/** What a text field holds of a value: a list joined as our export joins it ("A;B"). */
function textOf(value: Value): Value {
  if (typeof value === 'number') return String(value);
  return Array.isArray(value) ? value.join(MULTI_SEPARATOR) : value;
}

/** A lone value (a list of one included) as text, or null when there is no single one. */
function single(value: Value): string | null {
  if (Array.isArray(value)) return value.length === 1 ? value[0]! : null;
  return value === null ? null : String(value);
}

/** The lone text of a value (a list of one included); null for a number, which is no text to read. */
function loneText(value: Value): string | null {
  return typeof value === 'number' ? null : single(value);
}

/** A text of nothing but spaces: what a text input cleared by hand leaves stored (''). */
const blank = (value: Value) => typeof value === 'string' && value.trim() === '';

/** A text that is a number, read as the import reads a number cell (readNumber); else the value. */
function numberOf(value: Value): Value {
  const text = loneText(value);
  return (text === null ? null : readNumber(text)) ?? value;
}

/** The option a value names (case and width aside, as the import reads a cell), else the value. */
function choiceOf(value: Value, options: readonly string[]): Value {
  const text = single(value);
  const option = text === null ? null : optionOf(text, options);
  return option !== null && options.includes(option) ? option : value;
}

/**
 * Each option of a list by its name in the new list. A lone value is split as the import splits a
 * multi-select cell ("VIP;老客户", "VIP、老客户"; one option is a list of one), and taken only when
 * every part names an option: a part that names none would be lost.
 */
function choicesOf(value: Value, options: readonly string[]): Value {
  if (Array.isArray(value)) return [...new Set(value.map((v) => optionOf(v, options)))];
  const text = single(value);
  const parts = text === null ? [] : optionsIn(text, options);
  return parts.length > 0 && parts.every((p) => options.includes(p)) ? [...new Set(parts)] : value;
}

/**
 * A text that is a day and nothing more, as the import reads a date cell (1990/1/2, 1990年3月4日,
 * 1990.03.04, 19900304 → 1990-03-04); else the value. The import also reads a cell with a time or
 * words after the day ("2024-05-01 10:30", "2024-05-01 回电") as that day, but a stored text is
 * rewritten here without asking: one holding more than its digits and date separators keeps its
 * words, as a misfit the user is asked about. A number is a quantity, not a day: never read as one.
 */
function dayOf(value: Value): Value {
  const text = loneText(value);
  if (text === null || !/^[\d\s./年月日-]+$/.test(text) || (text.match(/\d+/g)?.length ?? 0) > 3) return value;
  const day = normalizeDate(text);
  return dateField.safeParse(day).success ? day : value;
}

/** A choice field's stored value with each renamed option (`renames`: from → to) under its new name. */
export function renamed(value: Value, renames: ReadonlyMap<string, string>): Value {
  if (Array.isArray(value)) return value.map((v) => renames.get(v) ?? v);
  return typeof value === 'string' ? (renames.get(value) ?? value) : value;
}

/** `value` as the definition would hold it, or `value` itself when no lossless conversion exists. */
export function convertValue(def: Definition, value: Value): Value {
  // Only a text field can hold a blank text; under any other type it goes, and nothing with it.
  if (def.type !== 'text' && blank(value)) return null;
  switch (def.type) {
    case 'text':
      return textOf(value);
    case 'number':
      return numberOf(value);
    case 'select':
      return choiceOf(value, def.options);
    case 'multiselect':
      return choicesOf(value, def.options);
    default:
      return dayOf(value);
  }
}

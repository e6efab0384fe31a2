import type { ReadOptions, Row, SourceInfo } from './types';

// eslint-disable-next-line require-yield
export async function* vcardRows(_path: string, _options: ReadOptions, _onHeader?: (info: SourceInfo) => void): AsyncGenerator<Row> {
  throw new Error('vCard reading is not implemented yet');
}

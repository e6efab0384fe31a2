import type { ReadOptions, Row, SourceInfo } from './types';

// eslint-disable-next-line require-yield
export async function* xlsxRows(_path: string, _options: ReadOptions, _onHeader?: (info: SourceInfo) => void): AsyncGenerator<Row> {
  throw new Error('XLSX reading is not implemented yet');
}

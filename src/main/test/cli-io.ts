// Test helper: the command line's streams, captured as text (`npm run kehu` as a function).
import { PassThrough } from 'node:stream';
import type { CliIo } from '../cli/run';

export function captureIo(extra: Partial<CliIo> = {}): { io: CliIo; out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  return { io: { stdout, stderr, env: {}, rendererDir: '', ...extra }, out: () => out, err: () => err };
}

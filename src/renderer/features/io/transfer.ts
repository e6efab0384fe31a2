// Files to and from the main process in 4 MB chunks: a chosen file is uploaded with `io.upload`
// (works in Electron and the browser host alike), a prepared file (an export, the rejected rows
// of an import) comes back with `io.download` and is offered as a download.
import { IO_CHUNK_BYTES } from '../../../shared/io';
import { call } from '../../api';
import { base64ToBytes, downloadBlob, readAsBase64 } from '../../components/files';

/**
 * Uploads the file; `onProgress` gets the bytes sent so far. Returns the upload id. Aborting
 * `signal` stops it before the next chunk (the promise rejects with the signal's reason; the part
 * sent is left to the main process, which removes uploads after a day).
 */
export async function uploadFile(file: File, onProgress: (sent: number) => void, signal?: AbortSignal): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    signal?.throwIfAborted();
    const end = Math.min(file.size, offset + IO_CHUNK_BYTES);
    const data = await readAsBase64(file.slice(offset, end));
    signal?.throwIfAborted();
    const done = end >= file.size;
    ({ uploadId } = await call('io.upload', { ...(uploadId ? { uploadId } : {}), name: file.name, offset, data, done }));
    signal?.throwIfAborted();
    offset = end;
    onProgress(offset);
  } while (offset < file.size);
  return uploadId!;
}

/** Fetches a prepared file chunk by chunk and offers it as a download; returns its name. */
export async function downloadFile(downloadId: string, onProgress?: (received: number, size: number) => void): Promise<string> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let offset = 0;
  for (;;) {
    const chunk = await call('io.download', { downloadId, offset });
    const bytes = base64ToBytes(chunk.data);
    parts.push(bytes);
    offset += bytes.length;
    onProgress?.(offset, chunk.size);
    if (chunk.done || bytes.length === 0) {
      downloadBlob(chunk.fileName, new Blob(parts, { type: 'application/octet-stream' }));
      return chunk.fileName;
    }
  }
}

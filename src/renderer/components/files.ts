// Files in and out of the renderer: base64 becomes a downloaded file (a Blob and a download link,
// which works in the browser host and in Electron), a chosen file (or a slice of it) becomes base64.

export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Offers the bytes as a download named `fileName`. */
export function downloadBase64(fileName: string, data: string): void {
  downloadBlob(fileName, new Blob([base64ToBytes(data)], { type: 'application/octet-stream' }));
}

/** Offers the blob as a download named `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The file's bytes as base64 (FileReader's data URL, without its `data:...;base64,` head). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

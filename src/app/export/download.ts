/**
 * Saves a blob as a file: an object URL on a temporary `<a download>`, clicked and removed. The
 * URL is revoked a little later, since revoking it at once can cancel the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `losscape-<what>-2025-01-31-142501.<ext>`, in local time, safe on every file system. */
export function exportFileName(what: string, extension: string, date: Date): string {
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
  const name = what.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `losscape-${name || 'export'}-${stamp}.${extension}`;
}

// Files dropped on a page or chosen with "Choose file…" travel as base64 (the API is JSON),
// refused above the host's cap.
import { maxUploadBytes } from '../../../shared/api/keystore-channels';

export interface DroppedFile {
  name: string;
  base64: string;
  size: number;
}

export async function readDropped(file: File): Promise<DroppedFile> {
  if (file.size > maxUploadBytes) {
    throw new Error(
      `${file.name} is ${Math.round(file.size / 1024)} KiB; files up to ${maxUploadBytes / 1024} KiB can be dropped or chosen. Certificates and stores are much smaller: is it the right file?`,
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return { name: file.name, base64: btoa(binary), size: file.size };
}

/** A file's size as the dialogs show it: whole KiB, never "0 KiB". */
export function sizeText(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** Saves text as a file through the browser's download (both hosts allow it). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-pem-file' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One wording of a failure for the whole renderer (the busy/error hook's). */
export { errorText } from '../../components/use-async-action';

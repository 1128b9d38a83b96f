// Where an import's bytes come from, as state: a path on the host, pasted PEM text, or a file from
// this computer (chosen with the picker or dropped on the page), and what the chosen one holds.
import { useEffect, useState } from 'react';
import type { KeystoreInput } from '../../../shared/api/keystore-contract';
import type { DroppedFile } from './files';

export type ImportMode = 'path' | 'pem' | 'file';

export interface ImportSource {
  mode: ImportMode;
  setMode(mode: ImportMode): void;
  file: DroppedFile | null;
  fileError: string | null;
  choose(file: DroppedFile): void;
  setFileError(message: string | null): void;
  path: string;
  setPath(path: string): void;
  pem: string;
  setPem(pem: string): void;
  /** What the chosen mode's field holds, or null while it is empty. */
  input: KeystoreInput | null;
}

export function useImportSource(dropped: DroppedFile | null): ImportSource {
  const [mode, setMode] = useState<ImportMode>(dropped ? 'file' : 'path');
  const [file, setFile] = useState<DroppedFile | null>(dropped);
  const [fileError, setFileError] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [pem, setPem] = useState('');
  const choose = (chosen: DroppedFile) => {
    setFile(chosen);
    setFileError(null);
  };
  // A file dropped while the dialog is open (drops bubble from the dialog to the page) replaces
  // the chosen one.
  useEffect(() => {
    if (!dropped) return;
    setFile(dropped);
    setFileError(null);
    setMode('file');
  }, [dropped]);
  const input: KeystoreInput | null =
    mode === 'file' && file
      ? { upload: { name: file.name, base64: file.base64 } }
      : mode === 'pem' && pem.trim() !== ''
        ? { pem }
        : mode === 'path' && path.trim() !== ''
          ? { path: path.trim() }
          : null;
  return {
    mode,
    setMode,
    file,
    fileError,
    choose,
    setFileError,
    path,
    setPath,
    pem,
    setPem,
    input,
  };
}

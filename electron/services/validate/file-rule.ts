// The contract of file-aware rules: they see the configuration plus the files it names.
import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ConfigView } from '../../../shared/config-view';
import { defineRule, type Rule } from '../../../shared/rules/define';
import { detectFileFormat, type FormatGuess } from '../files/detect-format';
import { diskReader, storeCache, type StoreCache, type StoreFileReader } from './store-cache';

export type FileProbe =
  | { kind: 'missing'; resolved: string }
  | { kind: 'folder'; resolved: string }
  | { kind: 'unreadable'; resolved: string; reason: string }
  | { kind: 'file'; resolved: string; guess: FormatGuess };

export interface FileRuleContext {
  view: ConfigView;
  /** The application.yaml being validated. */
  file: string;
  /** Its folder: relative paths in the file resolve against it. */
  dir: string;
  resolvePath(path: string): string;
  /** Existence and content format of a path named in the file (memoised per validation run). */
  probe(path: string): Promise<FileProbe>;
  /** Opened keystores, kept across runs while the file and password are unchanged. */
  stores: StoreCache;
}

/**
 * A file-aware rule: the same shape as a pure rule (shared/rules/define.ts) with this context.
 * Never throws for a bad file: a bad file is a finding.
 */
export type FileRule<Id extends string = string> = Rule<Id, FileRuleContext>;

export function defineFileRule<Id extends string>(rule: FileRule<Id>): FileRule<Id> {
  return defineRule<Id, FileRuleContext>(rule);
}

/**
 * Where the files a configuration names are read from: the local disk for `rwsec validate`, the
 * node itself (over SSH) for `rwsec fleet status`. Rules never touch the disk directly.
 */
export interface ConfigFiles extends StoreFileReader {
  probe(resolved: string): Promise<FileProbe>;
}

async function probeFile(resolved: string): Promise<FileProbe> {
  try {
    const info = await stat(resolved);
    if (info.isDirectory()) return { kind: 'folder', resolved };
    return { kind: 'file', resolved, guess: await detectFileFormat(resolved) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing', resolved };
    return { kind: 'unreadable', resolved, reason: code ?? (error as Error).message };
  }
}

export const diskFiles: ConfigFiles = { ...diskReader, probe: probeFile };

export function createFileRuleContext(
  view: ConfigView,
  file: string,
  stores: StoreCache = storeCache,
  files: ConfigFiles = diskFiles,
): FileRuleContext {
  const dir = dirname(resolve(file));
  const probes = new Map<string, Promise<FileProbe>>();
  const resolvePath = (path: string): string => (isAbsolute(path) ? path : resolve(dir, path));
  return {
    view,
    file,
    dir,
    resolvePath,
    stores,
    probe(path) {
      const resolved = resolvePath(path);
      let probe = probes.get(resolved);
      if (!probe) {
        probe = files.probe(resolved);
        probes.set(resolved, probe);
      }
      return probe;
    },
  };
}

/** "path" or "path (resolved as /abs/path)" when the file gives a relative path. */
export function shownPath(path: string, probe: FileProbe): string {
  return probe.resolved === path ? path : `${path} (resolved as ${probe.resolved})`;
}

/** Why a probed path is not a usable file, as a phrase: "does not exist", "is a folder", ... */
export function probeProblem(probe: Exclude<FileProbe, { kind: 'file' }>): string {
  if (probe.kind === 'folder') return 'is a folder, not a file';
  if (probe.kind === 'unreadable') return `cannot be read (${probe.reason})`;
  return 'does not exist';
}

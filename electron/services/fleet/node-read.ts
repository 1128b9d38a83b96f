// Reads one node: its application.yaml over SSH, then validation exactly as `rwsec validate` runs
// on the node itself, the files the configuration names read from the node too.
import type { Diagnostic } from '../../../shared/diagnostics';
import { RwsDocument, YamlSyntaxError } from '../../../shared/yaml/document';
import { contentHash } from '../files/content-hash';
import { validateConfig } from '../validate/validate-config';
import type { FleetHost } from './inventory';
import { NodeFiles, PathRecorder } from './node-files';
import type { RemoteFile } from './remote-read';
import type { SshSession } from './ssh-transport';

export interface NodeRead {
  host: FleetHost;
  /** Absent when the node could not be read; `error` says why. */
  doc?: RwsDocument;
  /** The config's bytes as read: the remote save refuses to replace anything else. */
  original?: Buffer;
  hash?: string;
  /** Mode and owner of the config, kept by the remote save. */
  mode?: number;
  uid?: number;
  gid?: number;
  files?: NodeFiles;
  diagnostics: Diagnostic[];
  reachable: boolean;
  error?: string;
  /** When the node was read (ISO time). */
  readAt: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function configProblem(file: RemoteFile): string | undefined {
  if (file.kind === 'missing') return `${file.path}: no such file on the node; check rws_config`;
  if (file.kind === 'folder') return `${file.path}: is a folder on the node, not a file`;
  if (file.kind === 'unreadable')
    return `${file.path}: cannot be read on the node (${file.reason})`;
  return undefined;
}

/** Validation with the node's own files (fetched in one round trip after a dry run). */
export async function validateOnNode(
  doc: RwsDocument,
  file: string,
  files: NodeFiles,
): Promise<Diagnostic[]> {
  const recorder = new PathRecorder();
  await validateConfig(doc, file, { files: recorder });
  await files.prefetch(recorder.paths);
  return validateConfig(doc, file, { files, stores: files.stores });
}

export async function readNode(session: SshSession, host: FleetHost): Promise<NodeRead> {
  const file = host.config as string;
  const readAt = () => new Date().toISOString();
  const files = new NodeFiles(session, host);
  let config: RemoteFile;
  try {
    config = await files.get(file);
  } catch (error) {
    return {
      host,
      diagnostics: [],
      reachable: false,
      error: error instanceof Error ? error.message : String(error),
      readAt: readAt(),
    };
  }
  const problem = configProblem(config);
  if (problem || config.kind !== 'file') {
    return {
      host,
      diagnostics: [],
      reachable: true,
      error: `${host.name}: ${problem}`,
      readAt: readAt(),
    };
  }
  let text: string;
  try {
    text = strictUtf8.decode(config.bytes);
  } catch {
    return {
      host,
      diagnostics: [],
      reachable: true,
      error: `${host.name}: ${file} is not UTF-8 text; save it as UTF-8`,
      readAt: readAt(),
    };
  }
  const base = {
    host,
    original: config.bytes,
    hash: contentHash(config.bytes),
    mode: config.mode,
    uid: config.uid,
    gid: config.gid,
    files,
    reachable: true,
  };
  let doc: RwsDocument;
  try {
    doc = RwsDocument.parse(text);
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    return {
      ...base,
      diagnostics: [
        {
          severity: 'error',
          rule: 'yaml-syntax',
          path: '',
          line: error.line,
          column: error.column,
          message: `not valid YAML: ${error.message}`,
          fix: 'Correct the YAML at that position; no other check runs until the file parses.',
        },
      ],
      error: `${host.name}: ${file}:${error.line}:${error.column}: not valid YAML: ${error.message}`,
      readAt: readAt(),
    };
  }
  try {
    const diagnostics = await validateOnNode(doc, file, files);
    return { ...base, doc, diagnostics, readAt: readAt() };
  } catch (error) {
    return {
      ...base,
      doc,
      diagnostics: [],
      error: `${host.name}: ${error instanceof Error ? error.message : String(error)}`,
      readAt: readAt(),
    };
  }
}

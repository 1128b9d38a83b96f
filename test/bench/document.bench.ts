// Document layer figures on a generated 5,000-line application.yaml: parse, one lossless edit,
// and a whole `set` in-process (read, parse, edit, safe save with backup and fsync).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RwsDocument } from '../../shared/yaml/document';
import { readTextFile } from '../../electron/services/files/read-text';
import { saveText, verifyDocument } from '../../electron/services/files/safe-save';
import { sampleConfig } from '../helpers/paths';
import { median, type BenchFigure } from './figure';

const RUNS = 20;

/** The sample plus unknown sections with comments, anchors, flow and block collections. */
export function generateLargeConfig(lines = 5000): string {
  const parts = [readFileSync(sampleConfig, 'utf8')];
  let count = parts[0]!.split('\n').length;
  for (let i = 0; count < lines; i++) {
    const block = [
      '',
      `# vendor extension ${i}: kept as is by rwsec`,
      `extension${i}:`,
      `  name: "extension ${i}"     # inline comment`,
      `  enabled: ${i % 2 === 0 ? 'yes' : 'no'}`,
      `  timeout: ${1000 + i}`,
      `  defaults: &ext${i}`,
      `    retries: 3`,
      `    path: /opt/genesys/ext/${i}`,
      `  override:`,
      `    <<: *ext${i}`,
      `    retries: 5`,
      `  hosts: [h${i}-a.example.internal, h${i}-b.example.internal]`,
      `  list:`,
      `    - first`,
      `    - {k: v${i}}`,
    ];
    parts.push(block.join('\n') + '\n');
    count += block.length;
  }
  return parts.join('').split('\n').slice(0, lines).join('\n') + '\n';
}

function time(fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timeAsync(fn: (i: number) => Promise<void>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function run(): Promise<BenchFigure[]> {
  const text = generateLargeConfig();
  const method = `median of ${RUNS} runs, 5,000-line file, in-process`;
  // Warm up the JIT so the figures describe steady state, as in a running app.
  for (let i = 0; i < 3; i++)
    RwsDocument.parse(text).withEdits([{ path: 'ssl.port', value: 9443 }]);

  const parse = time(() => RwsDocument.parse(text));
  const doc = RwsDocument.parse(text);
  const edit = time(() => doc.withEdits([{ path: 'ssl.port', value: 9443 }]));

  const dir = await mkdtemp(join(tmpdir(), 'rwsec-bench-'));
  try {
    const file = join(dir, 'application.yaml');
    await writeFile(file, text);
    // The app keeps the parsed document; a save is one lossless edit plus the safe save.
    let loaded = RwsDocument.parse(text);
    let hash = (await readTextFile(file)).hash;
    const setSave = await timeAsync(async (i) => {
      const next = loaded.withEdits([{ path: 'ssl.port', value: 8000 + i }]);
      const saved = await saveText(file, next.text, {
        expectedOriginal: hash,
        verify: verifyDocument(next),
      });
      loaded = next;
      hash = saved.hash;
    });
    // The CLI does the same from a cold start: read and parse the file first.
    const cold = await timeAsync(async (i) => {
      const read = await readTextFile(file);
      const next = RwsDocument.parse(read.text).withEdits([{ path: 'ssl.port', value: 9000 + i }]);
      await saveText(file, next.text, {
        expectedOriginal: read.hash,
        verify: verifyDocument(next),
      });
    });
    return [
      {
        name: 'document: parse 5,000 lines',
        value: median(parse),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        method,
      },
      {
        name: 'document: withEdits, one value',
        value: median(edit),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        method,
      },
      {
        name: 'document: set + safe save of the loaded document (edit, backup, fsync, rename)',
        value: median(setSave),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        method,
      },
      {
        name: 'document: set from cold (read, parse, edit, safe save)',
        value: median(cold),
        unit: 'ms',
        goal: 100,
        better: 'lower',
        method,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

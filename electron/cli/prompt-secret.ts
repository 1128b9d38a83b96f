// The no-echo password prompt on a terminal, with public APIs only: readline reads the answer with
// the terminal in raw mode (so nothing is echoed by the terminal itself), and its output goes to a
// stream that drops what readline would echo; the question and the final newline go to stderr.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export function promptSecret(question: string): Promise<string> {
  return new Promise((resolve) => {
    const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
    const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
    process.stderr.write(question);
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

// Secrets sweep through the `rwsec serve` host: drive the API over HTTP with known unique
// passwords (config edits of ssl.keyStorePassword and cassandraCluster.password, the keystore
// manager creating, filling, re-keying and saving a store, the HTTPS kit, a wrong-password open),
// stop the host, then search for them in plain (UTF-8 and UTF-16): the host's stdout/stderr, every
// API response, every file under the work folder and the private TMPDIR the host was given. The
// config passwords may appear only where the user put them: application.yaml, its backups and the
// document state the API returns for it. Store and kit passwords appear nowhere in plain.
import { openServeSession } from '../helpers/serve-session';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { readKeystore } from '../../electron/services/keystore/read';
import { builtUi } from '../e2e/serve-process';
import { rwsecBin, sampleConfig } from '../helpers/paths';
import { holdsPlain, walk } from '../helpers/secret-search';

const secret = (label: string): string => `Sw33p-${label}-${randomBytes(6).toString('hex')}`;
/** Typed into the config by the user: legitimately in application.yaml and its backups. */
const CONFIG_PW = { ssl: secret('ssl'), cassandra: secret('cassandra') };
/** Store passwords: only ever in derived form (keys, MACs), never in plain. */
const STORE_PW = {
  created: secret('created'),
  changed: secret('changed'),
  kit: secret('kit'),
  wrong: secret('wrong'),
};

let dir: string;
let work: string;
let privateTmp: string;
let config: string;
let host: { child: ChildProcess; origin: string; token: string } | undefined;
let stdout = '';
let stderr = '';
const responses: { what: string; status: number; text: string }[] = [];

async function startHost(): Promise<{ child: ChildProcess; origin: string; token: string }> {
  const child = spawn(process.execPath, [rwsecBin, 'serve', '--no-open', '--config', config], {
    cwd: work,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: privateTmp },
  });
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${stderr}`)), 15_000);
    const poll = setInterval(() => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(stdout);
      if (match && /^Ready/m.test(stdout)) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(new URL(match[0]));
      }
    }, 20);
    child.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`serve exited with ${code}: ${stderr}`));
    });
  });
  const session = await openServeSession(url.origin, url.hash.replace(/^#token=/, ''));
  return { child, origin: url.origin, token: session };
}

async function stopHost(): Promise<void> {
  const child = host?.child;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** POST /api/<channel>; every response body is kept for the search. */
async function call(channel: string, body: unknown): Promise<{ status: number; json: unknown }> {
  assert.ok(host);
  const response = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  responses.push({ what: channel, status: response.status, text });
  return { status: response.status, json: JSON.parse(text) as unknown };
}

async function ok<T>(channel: string, body: unknown): Promise<T> {
  const { status, json } = await call(channel, body);
  assert.equal(status, 200, `${channel}: ${JSON.stringify(json).slice(0, 300)}`);
  return json as T;
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rwsec-sweep-serve-'));
  work = join(dir, 'work');
  privateTmp = join(dir, 'tmp');
  mkdirSync(work);
  mkdirSync(privateTmp);
  config = join(work, 'application.yaml');
  copyFileSync(sampleConfig, config);
});

after(async () => {
  await stopHost();
  rmSync(dir, { recursive: true, force: true });
});

type View = { handle: number; entries: { alias: string; kind: string }[] };
type KitResult = { files: { path: string }[]; edits: { path: string; value?: unknown }[] };

test('serve flows with known passwords leave no store password behind', async (t) => {
  if (!builtUi()) {
    const reason = 'dist/cli.cjs or dist/renderer/app.js missing: run `npm run build` first';
    console.log(`skip: ${reason}`);
    t.skip(reason);
    return;
  }
  host = await startHost();

  // The config: two passwords the user types into the forms, saved through the reviewed save.
  await ok('config.open', { path: config });
  await ok('config.edit', {
    edits: [
      { path: 'ssl.keyStorePassword', value: CONFIG_PW.ssl },
      { path: 'cassandraCluster.password', value: CONFIG_PW.cassandra },
    ],
  });
  const saved = await ok<{ saved: boolean }>('config.save', {});
  assert.equal(saved.saved, true);

  // The keystore manager: a new store, a key pair, saved; then a password change, saved again.
  const store = join(work, 'manager.p12');
  const created = await ok<View>('keystore.open', {
    path: store,
    password: STORE_PW.created,
    create: 'PKCS12',
  });
  const generated = await ok<View>('keystore.generate', {
    handle: created.handle,
    alias: 'rws',
    dname: 'CN=sweep.example',
    san: 'dns:sweep.example',
    keyAlgorithm: 'ec',
    keySize: 256,
    days: 30,
  });
  assert.deepEqual(
    generated.entries.map((e) => [e.alias, e.kind]),
    [['rws', 'key']],
  );
  await ok('keystore.save', { handle: created.handle });
  await ok('keystore.passwd', { handle: created.handle, password: STORE_PW.changed });
  await ok('keystore.save', { handle: created.handle });
  await ok('keystore.close', {});
  // A failure path: the refusal must not repeat the wrong password.
  const wrong = await call('keystore.open', { path: store, password: STORE_PW.wrong });
  assert.notEqual(wrong.status, 200, 'a wrong password opens nothing');
  assert.match(JSON.stringify(wrong.json), /manager\.p12/, 'the refusal names the store');

  // The HTTPS kit: writes its keystore and hands back the ssl.* values (OBF:) for the session.
  const kit = await ok<KitResult>('kit.https.run', {
    mode: 'self-signed',
    keystore: join(work, 'https.jks'),
    alias: 'jetty',
    storeType: 'JKS',
    password: STORE_PW.kit,
    port: 8443,
    dname: 'CN=rws.sweep.example',
    san: 'dns:rws.sweep.example',
    key: 'ec-p256',
    days: 30,
  });
  const kitPassword = kit.edits.find((e) => e.path === 'ssl.keyStorePassword');
  assert.match(String(kitPassword?.value), /^OBF:/, 'the kit hands back the OBF: form only');
  await ok('config.edit', { edits: kit.edits.map(({ path, value }) => ({ path, value })) });
  assert.equal((await ok<{ saved: boolean }>('config.save', {})).saved, true);

  await stopHost();

  // The flows did what they claim: the stores open with the last passwords and hold a key.
  for (const [file, password] of [
    [store, STORE_PW.changed],
    [join(work, 'https.jks'), STORE_PW.kit],
  ] as const) {
    const opened = readKeystore(readFileSync(file), { password, file });
    assert.ok(
      opened.entries.some((e) => e.kind === 'key'),
      `${file} holds a key`,
    );
    assert.equal(statSync(file).mode & 0o777, 0o600, `${file} holds a private key: 0600`);
  }

  const every = { ...CONFIG_PW, ...STORE_PW };
  for (const [name, password] of Object.entries(every)) {
    assert.ok(!stdout.includes(password), `serve stdout holds the ${name} password`);
    assert.ok(!stderr.includes(password), `serve stderr holds the ${name} password`);
  }
  for (const [name, password] of Object.entries(STORE_PW)) {
    for (const { what, text } of responses) {
      assert.ok(!text.includes(password), `the ${what} response holds the ${name} password`);
    }
  }
  // Config passwords come back only as the document's own text/values (what the user typed).
  for (const { what, text } of responses) {
    if (/^config\.(edit|open|save)$/.test(what)) continue;
    for (const [name, password] of Object.entries(CONFIG_PW)) {
      assert.ok(!text.includes(password), `the ${what} response holds the ${name} password`);
    }
  }

  const files = [...walk(work), ...walk(privateTmp)];
  t.diagnostic(
    `${files.length} files and ${responses.length} responses searched; ` +
      `private tmp held ${walk(privateTmp).length} files`,
  );
  const isConfigOrBackup = (file: string) =>
    file === config ||
    file === `${config}.bak` ||
    /\.rwsec-backups\/application\.yaml\..*\.bak$/.test(file);
  let configHolders = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const where = relative(dir, file);
    for (const [name, password] of Object.entries(every)) {
      const allowed = name in CONFIG_PW && isConfigOrBackup(file);
      if (allowed) {
        if (holdsPlain(bytes, password)) configHolders++;
        continue;
      }
      assert.ok(!holdsPlain(bytes, password), `${where} holds the ${name} password in plain`);
    }
  }
  // The search sees plain passwords where they are: the user's values in the saved versions.
  assert.ok(configHolders >= 2, 'the config backups hold the passwords the user saved');
  assert.ok(!readFileSync(config, 'utf8').includes(CONFIG_PW.ssl), 'the kit replaced it (OBF:)');
});

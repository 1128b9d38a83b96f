// Starts the key generation of a Cassandra kit before the CLI bundle is even loaded. A kit's time
// is nearly all native RSA key generation (libuv thread pool); loading and compiling the bundle,
// reading passwords and checking options take a few hundred milliseconds of the main thread that
// would otherwise come before the first key. Here only the arguments are looked at (no secrets):
// how many keys of which kind the command will ask for. generateKeyPair() in
// electron/services/x509/keys.ts takes these pending keys first; any left unused are dropped at
// exit. A guess that does not match (other key kind, fewer keys) costs nothing but idle cores.
'use strict';
const { generateKeyPair, X509Certificate } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const POOL = Symbol.for('rwsec.prestartedKeys');

function option(args, name) {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline === undefined ? undefined : inline.slice(name.length + 3);
}

function count(list) {
  return list === undefined ? 0 : list.split(',').filter((n) => n.trim() !== '').length;
}

/** The spec of a new kit's keys from --keyalg/--keysize (as keySpec() reads them). */
function specFromOptions(args) {
  const alg = (option(args, 'keyalg') || 'rsa').toLowerCase();
  const size = Number(option(args, 'keysize') || 0);
  if (alg === 'rsa')
    return { type: 'rsa', key: `rsa-${size || 2048}`, modulusLength: size || 2048 };
  if (alg === 'ec' || alg === 'ecdsa') {
    const curve = size === 384 ? 'P-384' : 'P-256';
    return { type: 'ec', key: `ec-${curve}`, namedCurve: curve };
  }
  return undefined;
}

/** An existing kit's key kind, from its CA certificate (public, no password needed). */
function specFromKit(out) {
  try {
    const key = new X509Certificate(readFileSync(join(out, 'ca', 'root-ca.pem'))).publicKey;
    const d = key.asymmetricKeyDetails || {};
    if (key.asymmetricKeyType === 'rsa') {
      return { type: 'rsa', key: `rsa-${d.modulusLength}`, modulusLength: d.modulusLength };
    }
    const curve = d.namedCurve === 'secp384r1' ? 'P-384' : 'P-256';
    return { type: 'ec', key: `ec-${curve}`, namedCurve: curve };
  } catch {
    return undefined;
  }
}

function kitNodeCount(out) {
  try {
    return readdirSync(join(out, 'nodes'), { withFileTypes: true }).filter((d) => d.isDirectory())
      .length;
  } catch {
    return 0;
  }
}

/** How many keys of which spec `rwsec ARGS` will generate, when that is clear from the words. */
function plannedKeys(args) {
  if (args[0] !== 'kit' || args[1] !== 'cassandra' || args.includes('--help')) return undefined;
  const out = option(args, 'out');
  if (out === undefined) return undefined;
  const rotate = option(args, 'rotate-ca');
  if (args.includes('--renew') || rotate === 'reissue') {
    const n =
      args.includes('--renew') && option(args, 'nodes')
        ? count(option(args, 'nodes'))
        : kitNodeCount(out);
    return { spec: specFromKit(out), n };
  }
  if (rotate !== undefined) return undefined;
  const added = option(args, 'add-node');
  if (added !== undefined) return { spec: specFromKit(out), n: count(added) };
  const nodes = count(option(args, 'nodes'));
  return { spec: specFromOptions(args), n: args.includes('--legacy') ? nodes : nodes + 1 };
}

/**
 * libuv starts 4 pool threads unless told otherwise (UV_THREADPOOL_SIZE, read once, when the pool
 * first starts: that is the first key below). With 4, a 10-node kit makes its 11 keys 4 at a time,
 * and the CA key's PBKDF2 and every file the kit writes wait in the same queue behind the keys.
 * With a thread per key (plus libuv's 4 for the rest), every job shares the cores from the start:
 * the slowest key cannot start late, and the derivation and writes need not wait for a free
 * thread. A size the user set stands; children do not inherit ours.
 */
function widenThreadPool(jobs) {
  if (process.env.UV_THREADPOOL_SIZE !== undefined) return () => undefined;
  process.env.UV_THREADPOOL_SIZE = String(Math.min(jobs + 4, 1024));
  return () => delete process.env.UV_THREADPOOL_SIZE;
}

function prestartKeys(args) {
  const plan = plannedKeys(args);
  if (!plan || !plan.spec || plan.n <= 0 || plan.n > 64) return;
  const restoreEnv = widenThreadPool(plan.n + 1);
  const { key, type, ...params } = plan.spec;
  const options =
    type === 'rsa'
      ? { modulusLength: params.modulusLength, publicExponent: 0x10001 }
      : { namedCurve: params.namedCurve };
  const jobs = [];
  for (let i = 0; i < plan.n; i++) {
    jobs.push(
      new Promise((resolve, reject) =>
        generateKeyPair(type, options, (err, publicKey, privateKey) =>
          err ? reject(err) : resolve({ publicKey, privateKey }),
        ),
      ),
    );
  }
  restoreEnv();
  // A failure surfaces when the kit takes that key (and generates its own instead).
  for (const job of jobs) job.catch(() => undefined);
  globalThis[POOL] = { spec: key, jobs };
}

module.exports = { prestartKeys, plannedKeys };

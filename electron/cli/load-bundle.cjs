// Loads the CLI bundle (dist/cli.cjs) as Node's require would, but with V8's code cache made at
// build time (dist/cli.cjs.v8cache, see build/cli-code-cache.mjs): compiling the 3 MB bundle is
// the largest single cost of starting `rwsec`, and the cache skips it. The cache is used only for
// the very bundle it was made from (same build id on the bundle's first line) and the same V8;
// otherwise, or if V8 rejects it, the bundle is simply compiled as usual.
'use strict';
const { isAscii } = require('node:buffer');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const vm = require('node:vm');

const BUILD_ID = /^\/\/ rwsec-build ([0-9a-f]+)\n/;

/** The build id the bundle carries on its first line (set by build/build.mjs). */
function buildIdOf(source) {
  return BUILD_ID.exec(source)?.[1];
}

/** The cached code for `source`, or undefined when there is none made from this very bundle. */
function cacheFor(file, source) {
  let bytes;
  try {
    bytes = readFileSync(`${file}.v8cache`);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  if (newline < 0) return undefined;
  const header = bytes.subarray(0, newline).toString('utf8');
  const id = buildIdOf(source);
  if (id === undefined || header !== `${id} ${process.versions.v8}`) return undefined;
  return bytes.subarray(newline + 1);
}

/**
 * The bundle's text. The build makes it ASCII (no comments), and ASCII read as Latin-1 is the
 * same text for a twentieth of the time UTF-8 decoding takes (about 10 ms of every start).
 */
function readSource(file) {
  const bytes = readFileSync(file);
  return bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
}

/**
 * Compiles and runs the bundle as a CommonJS module. Returns its exports, whether the cache was
 * used, and the compiled script (the build makes the cache from it).
 */
function loadBundle(file) {
  const source = readSource(file);
  const cachedData = cacheFor(file, source);
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const run = script.runInThisContext();
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  return { exports: module.exports, cacheUsed, script };
}

module.exports = { loadBundle, buildIdOf };

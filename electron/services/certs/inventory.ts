// The inventory of one application.yaml: every store it names read as its server reads it, the
// JVM cacerts summarised where a `*TrustedCA: true` flag brings it in, and (on request) the chains
// its endpoints serve. Stores are read concurrently; rows come back sorted by days left.
import { hostname } from 'node:os';
import type { ConfigView } from '../../../shared/config-view';
import {
  compareByDaysLeft,
  type Inventory,
  type InventoryCertificate,
  type InventoryReadError,
} from '../../../shared/certs/inventory';
import { summariseCacerts } from './cacerts-summary';
import { configSources, type StoreSource } from './config-sources';
import { probeSources, probeTargets, type ProbeSourceOptions } from './probe-sources';
import { readStoreSource, type ReadBytes } from './read-store';

export const DEFAULT_WARN_DAYS = 30;

export interface InventoryOptions {
  /** The host these files live on (default: this machine's name). */
  node?: string;
  now?: Date;
  warnDays?: number;
  /** Also connect to the endpoints the config names (network). */
  probe?: boolean | ProbeSourceOptions;
  /** For JAVA_HOME (where cacerts is). */
  env?: NodeJS.ProcessEnv;
  /**
   * Another host's files (fleet mode): how to read a path there, and where its JVM cacerts is.
   * Default: this machine's disk.
   */
  remote?: { read: ReadBytes; cacerts: string };
}

export async function takeInventory(
  view: ConfigView,
  configFile: string,
  options: InventoryOptions = {},
): Promise<Inventory> {
  const node = options.node ?? hostname();
  const now = (options.now ?? new Date()).getTime();
  const warnDays = options.warnDays ?? DEFAULT_WARN_DAYS;
  const clock = { now, warnDays };
  const sources = configSources(view, configFile);
  const stores = sources.filter((s): s is StoreSource => s.kind === 'store');
  const cacertsKeys = sources.filter((s) => s.kind === 'cacerts').map((s) => s.configKey);
  const probeOptions = typeof options.probe === 'object' ? options.probe : {};
  const [readings, cacerts, probed] = await Promise.all([
    Promise.all(stores.map((s) => readStoreSource(s, node, clock, options.remote?.read))),
    cacertsKeys.length > 0
      ? summariseCacerts(
          cacertsKeys,
          node,
          now,
          options.env ?? process.env,
          options.remote ? { file: options.remote.cacerts, read: options.remote.read } : undefined,
        )
      : Promise.resolve(undefined),
    options.probe
      ? probeSources(probeTargets(view, probeOptions), clock, probeOptions)
      : Promise.resolve(undefined),
  ]);
  const certificates: InventoryCertificate[] = readings.flatMap((r) => r.certificates);
  const errors: InventoryReadError[] = readings.flatMap((r) => r.errors);
  if (cacerts?.error) errors.push(cacerts.error);
  if (probed) {
    certificates.push(...probed.certificates);
    errors.push(...probed.errors);
  }
  return {
    config: configFile,
    node,
    takenAt: new Date(now).toISOString(),
    warnDays,
    certificates: certificates.sort(compareByDaysLeft),
    errors,
    cacerts: cacerts?.summary ? [cacerts.summary] : [],
  };
}

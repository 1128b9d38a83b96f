// Writes the metrics file through the one safe-save path: a temp file beside it (named .*.tmp,
// which the textfile collector ignores), fsync, rename. A scrape never sees half a file.
import type { Inventory } from '../../../shared/certs/inventory';
import { saveText } from '../files/safe-save';
import { prometheusText } from './prometheus';

/** Undefined when written; else the reason, naming the file. */
export async function writeMetricsFile(
  file: string,
  inventories: readonly Inventory[],
): Promise<string | undefined> {
  try {
    // No backups: a metrics file is regenerated on every run, and node_exporter reads *.prom only.
    await saveText(file, prometheusText(inventories), { backups: 0, newFileMode: 0o644 });
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

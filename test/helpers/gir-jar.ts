// Builds a STAND-IN for the admin's gir.jar (the real one is Genesys' RWS server and is not
// redistributable). It implements only the command-line contract the guide documents:
// `java -jar gir.jar --encrypt <password>` prints `CRYPT:<base64>` and exits 0 without starting a
// server. Its "encryption" is a plain Base64 of a marker plus the password, so tests can check the
// password arrived intact; it says nothing about RWS's real (unpublished) algorithm.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `ok`: the contract; `no-crypt`: exits 0 but prints no CRYPT: line; `fails`: exits 3. */
export type StandInVariant = 'ok' | 'no-crypt' | 'fails';

export const standInMarker = 'stand-in:';

function source(variant: StandInVariant): string {
  return `
import java.nio.charset.StandardCharsets;
import java.util.Base64;

public class GirStandIn {
  public static void main(String[] args) {
    // Like the server, it logs a banner before answering.
    System.out.println("INFO  GIR stand-in starting (test double, not the RWS server)");
    if (args.length != 2 || !args[0].equals("--encrypt")) {
      System.err.println("stand-in: only --encrypt <password> is implemented");
      System.exit(64);
    }
    String variant = "${variant}";
    if (variant.equals("fails")) {
      System.err.println("ERROR could not initialise encryption");
      System.exit(3);
    }
    if (variant.equals("no-crypt")) {
      System.out.println("Usage: gir.jar [options]");
      return;
    }
    byte[] plain = ("${standInMarker}" + args[1]).getBytes(StandardCharsets.UTF_8);
    System.out.println("CRYPT:" + Base64.getEncoder().encodeToString(plain));
  }
}
`;
}

/** Compiles the stand-in into `dir` and returns the jar's path (throws when javac/jar fail). */
export function buildStandInGirJar(dir: string, variant: StandInVariant = 'ok'): string {
  const work = join(dir, `gir-src-${variant}`);
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'GirStandIn.java'), source(variant));
  writeFileSync(join(work, 'manifest.txt'), 'Main-Class: GirStandIn\n');
  const javac = spawnSync('javac', ['-d', work, join(work, 'GirStandIn.java')], {
    encoding: 'utf8',
  });
  if (javac.status !== 0) throw new Error(`javac failed: ${javac.stderr}`);
  const jarPath = join(dir, variant === 'ok' ? 'gir.jar' : `gir-${variant}.jar`);
  const jar = spawnSync(
    'jar',
    ['cfm', jarPath, join(work, 'manifest.txt'), '-C', work, 'GirStandIn.class'],
    {
      encoding: 'utf8',
    },
  );
  if (jar.status !== 0) throw new Error(`jar failed: ${jar.stderr}`);
  return jarPath;
}

/** What the stand-in prints for `password`. */
export function standInCrypt(password: string): string {
  return `CRYPT:${Buffer.from(standInMarker + password, 'utf8').toString('base64')}`;
}

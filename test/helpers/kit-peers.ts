// Real Java peers for the kit tests, compiled on demand into os.tmpdir() (kept out of test/java/
// because the Jetty program needs Jetty's jars on the classpath, which test/helpers/java.ts does
// not give its shared compile).
//  - KitTlsCheck: serves a node keystore on 127.0.0.1 with an SSLServerSocket and connects to it
//    with a JSSE client that trusts only a given truststore, with HTTPS-style host name
//    verification against a name given explicitly (never the IP, see java-interop.md).
//  - KitJetty: a Jetty 9.4 HTTPS connector opened with a keystore path and a password string
//    exactly as application.yaml holds it (Jetty itself decodes OBF:).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tlsCheck = `
import java.io.*;
import java.net.*;
import java.security.KeyStore;
import javax.net.ssl.*;

/** Args: KEYSTORE TRUSTSTORE PASSWORD NAME... ; prints "NAME ok" or "NAME fail <reason>" per name. */
public class KitTlsCheck {
  public static void main(String[] args) throws Exception {
    char[] pass = args[2].toCharArray();
    KeyStore ks = KeyStore.getInstance("JKS");
    try (InputStream in = new FileInputStream(args[0])) { ks.load(in, pass); }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    SSLContext serverCtx = SSLContext.getInstance("TLS");
    serverCtx.init(kmf.getKeyManagers(), null, null);

    KeyStore ts = KeyStore.getInstance("JKS");
    try (InputStream in = new FileInputStream(args[1])) { ts.load(in, pass); }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext clientCtx = SSLContext.getInstance("TLS");
    clientCtx.init(null, tmf.getTrustManagers(), null);

    SSLServerSocket server = (SSLServerSocket) serverCtx.getServerSocketFactory()
        .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread acceptor = new Thread(() -> {
      while (true) {
        try (SSLSocket s = (SSLSocket) server.accept()) {
          s.startHandshake();
          s.getOutputStream().write(1);
          s.getOutputStream().flush();
        } catch (IOException e) {
          if (server.isClosed()) return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();

    for (int i = 3; i < args.length; i++) {
      String name = args[i];
      try (Socket plain = new Socket(InetAddress.getByName("127.0.0.1"), server.getLocalPort());
           SSLSocket s = (SSLSocket) clientCtx.getSocketFactory().createSocket(plain, name, server.getLocalPort(), true)) {
        SSLParameters p = s.getSSLParameters();
        p.setEndpointIdentificationAlgorithm("HTTPS");
        s.setSSLParameters(p);
        s.startHandshake();
        s.getInputStream().read();
        System.out.println(name + " ok");
      } catch (Exception e) {
        System.out.println(name + " fail " + String.valueOf(e.getMessage()).replace('\\n', ' '));
      }
    }
    server.close();
  }
}
`;

const jetty = `
import org.eclipse.jetty.server.*;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Args: KEYSTORE_PATH KEYSTORE_PASSWORD_AS_IN_YAML [STORE_TYPE]; prints "STARTED <port>". */
public class KitJetty {
  public static void main(String[] args) throws Exception {
    Server server = new Server();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(args[0]);
    ssl.setKeyStorePassword(args[1]);
    if (args.length > 2) ssl.setKeyStoreType(args[2]);
    HttpConfiguration https = new HttpConfiguration();
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new org.eclipse.jetty.server.handler.AbstractHandler() {
      public void handle(String target, Request base, javax.servlet.http.HttpServletRequest req,
          javax.servlet.http.HttpServletResponse res) throws java.io.IOException {
        res.setStatus(200);
        res.getWriter().print("kit-ok");
        base.setHandled(true);
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      System.out.println("FAILED " + e);
      System.exit(3);
    }
    System.out.println("STARTED " + connector.getLocalPort());
    // Stops when the test closes stdin.
    while (System.in.read() >= 0) { }
    server.stop();
  }
}
`;

export const jettyClasspath = [
  'jetty9-server.jar',
  'jetty9-util.jar',
  'jetty9-http.jar',
  'jetty9-io.jar',
  'servlet-api.jar',
].map((jar) => join('/usr/share/java', jar));

export function haveJetty(): boolean {
  return jettyClasspath.every((jar) => existsSync(jar));
}

export function haveJava(): boolean {
  // keytool has no -version option (it exits 1); -help exits 0.
  return [
    ['java', '-version'],
    ['javac', '-version'],
    ['keytool', '-help'],
  ].every(([tool, arg]) => spawnSync(tool ?? '', [arg ?? ''], { stdio: 'ignore' }).status === 0);
}

let compiled: string | undefined;

function compile(): string {
  if (compiled) return compiled;
  const hash = createHash('sha256').update(tlsCheck).update(jetty).digest('hex').slice(0, 16);
  const root = join(tmpdir(), 'rwsec-kit-java');
  const out = join(root, hash);
  if (!existsSync(out)) {
    mkdirSync(root, { recursive: true });
    const staging = mkdtempSync(`${out}-`);
    writeFileSync(join(staging, 'KitTlsCheck.java'), tlsCheck);
    const sources = [join(staging, 'KitTlsCheck.java')];
    if (haveJetty()) {
      writeFileSync(join(staging, 'KitJetty.java'), jetty);
      sources.push(join(staging, 'KitJetty.java'));
    }
    const r = spawnSync('javac', ['-cp', jettyClasspath.join(':'), '-d', staging, ...sources], {
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`javac failed:\n${r.stderr}`);
    try {
      renameSync(staging, out);
    } catch {
      // Another test process compiled the same sources first.
    }
  }
  compiled = out;
  return out;
}

/** Handshake results per peer name: `ok` or the failure reason. */
export function tlsCheckNames(
  keystore: string,
  truststore: string,
  password: string,
  names: string[],
): Map<string, string> {
  const r = spawnSync(
    'java',
    ['-cp', compile(), 'KitTlsCheck', keystore, truststore, password, ...names],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  if (r.status !== 0) throw new Error(`KitTlsCheck failed (${r.status}): ${r.stderr}`);
  const results = new Map<string, string>();
  for (const line of r.stdout.trim().split('\n')) {
    const [name, verdict, ...rest] = line.split(' ');
    if (name) results.set(name, verdict === 'ok' ? 'ok' : rest.join(' '));
  }
  return results;
}

export interface RunningJetty {
  port: number;
  stop(): Promise<void>;
}

/** Starts Jetty on 127.0.0.1 (ephemeral port); rejects with Jetty's message if it cannot start. */
export function startJetty(
  keystorePath: string,
  passwordAsInYaml: string,
  storeType?: string,
): Promise<RunningJetty> {
  const cp = [compile(), ...jettyClasspath].join(':');
  const args = [
    '-cp',
    cp,
    'KitJetty',
    keystorePath,
    passwordAsInYaml,
    ...(storeType ? [storeType] : []),
  ];
  const child: ChildProcess = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.stdin?.end();
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Jetty did not start in 60 s: ${err}`));
    }, 60_000);
    child.stderr?.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const started = /STARTED (\d+)/.exec(out);
      const failed = /FAILED (.*)/.exec(out);
      if (started) {
        clearTimeout(timer);
        resolve({ port: Number(started[1]), stop });
      } else if (failed) {
        clearTimeout(timer);
        void stop();
        reject(new Error(failed[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Jetty exited (${code}): ${err.slice(-500)}`));
    });
  });
}

import java.io.*;
import java.net.*;
import java.security.KeyStore;
import javax.net.ssl.*;

/**
 * One mutual TLS handshake as two Cassandra nodes make it (internode encryption with
 * require_client_auth): args SERVER_KEYSTORE SERVER_TRUSTSTORE CLIENT_KEYSTORE CLIENT_TRUSTSTORE;
 * the store password on stdin. Prints "ok" or "fail <reason>".
 */
public class MutualTls {
  static SSLContext context(String keystore, String truststore, char[] pass) throws Exception {
    KeyStore ks = KeyStore.getInstance("JKS");
    try (InputStream in = new FileInputStream(keystore)) { ks.load(in, pass); }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, pass);
    KeyStore ts = KeyStore.getInstance("JKS");
    try (InputStream in = new FileInputStream(truststore)) { ts.load(in, pass); }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ts);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  public static void main(String[] args) throws Exception {
    char[] pass = new BufferedReader(new InputStreamReader(System.in)).readLine().toCharArray();
    SSLContext server = context(args[0], args[1], pass);
    SSLContext client = context(args[2], args[3], pass);
    SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
        .createServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    listener.setNeedClientAuth(true);
    final String[] serverSide = { "ok" };
    Thread acceptor = new Thread(() -> {
      try (SSLSocket s = (SSLSocket) listener.accept()) {
        s.startHandshake();
        s.getOutputStream().write(1);
        s.getOutputStream().flush();
        s.getInputStream().read();
      } catch (Exception e) {
        serverSide[0] = "fail server: " + e.getMessage();
      }
    });
    acceptor.start();
    String result = "ok";
    try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("127.0.0.1", listener.getLocalPort())) {
      s.startHandshake();
      if (s.getInputStream().read() != 1) throw new IOException("server closed the session");
      s.getOutputStream().write(2);
      s.getOutputStream().flush();
    } catch (Exception e) {
      result = "fail client: " + e.getMessage();
    }
    acceptor.join(10000);
    listener.close();
    if (result.equals("ok") && !serverSide[0].equals("ok")) result = serverSide[0];
    System.out.println(result.replace('\n', ' '));
  }
}

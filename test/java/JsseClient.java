// A JSSE HTTPS client that trusts ONLY the given truststore and verifies the host name the way
// Java HTTPS clients do (endpoint identification "HTTPS"). The TCP connection goes to 127.0.0.1,
// but the TLS layer is given the NAME as its peer host, so the name (not the IP) is verified.
// Usage: java JsseClient TRUSTSTORE STORETYPE STOREPASS NAME PORT
// Prints "OK <status line>" and exits 0, or "FAIL <exception>" and exits 3.
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

public class JsseClient {
  public static void main(String[] args) throws Exception {
    String store = args[0], type = args[1], pass = args[2], name = args[3];
    int port = Integer.parseInt(args[4]);
    KeyStore trust = KeyStore.getInstance(type);
    try (FileInputStream in = new FileInputStream(store)) {
      trust.load(in, pass.toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(null, tmf.getTrustManagers(), null);
    try (Socket raw = new Socket("127.0.0.1", port);
        SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, name, port, true)) {
      SSLParameters params = tls.getSSLParameters();
      params.setEndpointIdentificationAlgorithm("HTTPS");
      tls.setSSLParameters(params);
      tls.startHandshake();
      OutputStream out = tls.getOutputStream();
      out.write(("GET / HTTP/1.1\r\nHost: " + name + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader reader = new BufferedReader(
          new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
      System.out.println("OK " + reader.readLine());
    } catch (javax.net.ssl.SSLException e) {
      System.out.println("FAIL " + e);
      System.exit(3);
    }
  }
}

// A real Jetty 9.4 HTTPS server configured the way RWS configures its connector: keystore path,
// keystore password (plain or OBF:, which Jetty decodes itself) and certificate alias.
// Needs the jetty9 jars and the servlet API on the classpath; run as a single-file program:
//   java -cp <jars> JettyHttps.java KEYSTORE STORETYPE ALIAS   (password on stdin, one line)
// Prints "PORT <n>" once started, then serves "hello from jetty" until stdin closes.
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;

public class JettyHttps {
  public static void main(String[] args) throws Exception {
    BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String password = stdin.readLine();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(args[0]);
    ssl.setKeyStoreType(args[1]);
    ssl.setKeyStorePassword(password);
    ssl.setCertAlias(args[2]);
    Server server = new Server();
    HttpConfiguration https = new HttpConfiguration();
    // Default SNI host check would refuse a client that names no host; the test checks names itself.
    SecureRequestCustomizer src = new SecureRequestCustomizer();
    src.setSniHostCheck(false);
    https.addCustomizer(src);
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new AbstractHandler() {
      @Override
      public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res)
          throws IOException {
        res.setContentType("text/plain");
        res.getWriter().print("hello from jetty");
        base.setHandled(true);
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      // Jetty's threads would keep the JVM alive after a failed start: report and leave.
      System.err.println("START FAILED " + e);
      System.exit(1);
    }
    System.out.println("PORT " + connector.getLocalPort());
    System.out.flush();
    while (stdin.readLine() != null) {
      // Serve until the test closes our stdin.
    }
    server.stop();
  }
}

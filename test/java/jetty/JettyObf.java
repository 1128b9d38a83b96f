// Jetty's own Password.obfuscate / deobfuscate for each UTF-8 line of stdin (no locale issues
// with non-ASCII command-line arguments). Output per line: OBF:...<TAB>deobfuscated text.
//   java -cp jetty9-util.jar JettyObf.java < passwords.txt
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.util.security.Password;

public class JettyObf {
  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, true, "UTF-8");
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith("DECODE ")) {
        out.println(Password.deobfuscate(line.substring(7)));
      } else {
        String obf = Password.obfuscate(line);
        out.println(obf + "\t" + Password.deobfuscate(obf));
      }
    }
  }
}

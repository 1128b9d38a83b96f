// Loads YAML files with SnakeYAML, the reader RWS (Spring Boot) uses for application.yaml, and
// prints one JSON line per file: {"file":..., "ok":true, "value":...} or {"ok":false,"error":...}.
// Duplicate keys are refused as Spring Boot's loader refuses them. Values keep SnakeYAML's types:
// integers and floats as JSON numbers, booleans, null; anything JSON cannot hold (timestamps,
// binary) as a string prefixed with its YAML tag, e.g. "!!timestamp 2001-12-14T21:59:43Z".
// Usage: java -cp classes:/usr/share/java/snakeyaml.jar SnakeLoad FILE...
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

public class SnakeLoad {
  public static void main(String[] args) {
    for (String file : args) {
      StringBuilder out = new StringBuilder("{\"file\":");
      quote(out, file);
      try (InputStream in = Files.newInputStream(Paths.get(file))) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        DumperOptions dump = new DumperOptions();
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(dump), dump, options);
        Object value = null;
        int documents = 0;
        for (Object doc : yaml.loadAll(in)) {
          if (documents++ == 0) value = doc;
        }
        out.append(",\"ok\":true,\"documents\":").append(documents).append(",\"value\":");
        write(out, value);
      } catch (Throwable e) {
        out.append(",\"ok\":false,\"error\":");
        quote(out, e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      out.append('}');
      System.out.println(out);
    }
  }

  static void write(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) out.append(',');
        first = false;
        quote(out, String.valueOf(e.getKey()));
        out.append(':');
        write(out, e.getValue());
      }
      out.append('}');
    } else if (v instanceof List) {
      out.append('[');
      boolean first = true;
      for (Object item : (List<?>) v) {
        if (!first) out.append(',');
        first = false;
        write(out, item);
      }
      out.append(']');
    } else if (v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) quote(out, "!!float " + d);
      else out.append(v);
    } else if (v instanceof Number) {
      out.append(v);
    } else if (v instanceof Date) {
      quote(out, "!!timestamp " + ((Date) v).toInstant());
    } else if (v instanceof byte[]) {
      quote(out, "!!binary " + java.util.Base64.getEncoder().encodeToString((byte[]) v));
    } else {
      quote(out, String.valueOf(v));
    }
  }

  static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == 0x7f) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    out.append('"');
  }
}

// Loads a keystore the way a Java server does and prints what Java sees, one line per alias:
//   alias <TAB> key|trusted|other <TAB> chain length <TAB> SHA-256 of the first certificate <TAB> signature check
// For key entries it signs a message with the private key and verifies it with the leaf's public key.
// Usage: java KeystoreDump TYPE FILE STOREPASS [KEYPASS]
import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

public class KeystoreDump {
  public static void main(String[] args) throws Exception {
    KeyStore ks = KeyStore.getInstance(args[0]);
    char[] storePass = args[2].toCharArray();
    char[] keyPass = args.length > 3 ? args[3].toCharArray() : storePass;
    try (FileInputStream in = new FileInputStream(args[1])) {
      ks.load(in, storePass);
    }
    List<String> aliases = Collections.list(ks.aliases());
    Collections.sort(aliases);
    System.out.println("type\t" + ks.getType() + "\t" + aliases.size());
    for (String alias : aliases) {
      StringBuilder line = new StringBuilder(alias);
      if (ks.isKeyEntry(alias)) {
        Certificate[] chain = ks.getCertificateChain(alias);
        PrivateKey key = (PrivateKey) ks.getKey(alias, keyPass);
        line.append("\tkey\t").append(chain == null ? 0 : chain.length);
        line.append('\t').append(chain == null ? "-" : sha256(chain[0]));
        line.append('\t').append(signs(key, chain == null ? null : chain[0]) ? "signed" : "sign-failed");
      } else if (ks.isCertificateEntry(alias)) {
        line.append("\ttrusted\t1\t").append(sha256(ks.getCertificate(alias))).append("\t-");
      } else {
        line.append("\tother\t0\t-\t-");
      }
      System.out.println(line);
    }
  }

  static String sha256(Certificate cert) throws Exception {
    byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < d.length; i++) sb.append(i == 0 ? "" : ":").append(String.format("%02X", d[i]));
    return sb.toString();
  }

  static boolean signs(PrivateKey key, Certificate leaf) throws Exception {
    if (key == null || leaf == null) return false;
    String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
    byte[] message = "RWS Security Studio".getBytes("UTF-8");
    Signature signer = Signature.getInstance(alg);
    signer.initSign(key);
    signer.update(message);
    byte[] sig = signer.sign();
    Signature verifier = Signature.getInstance(alg);
    verifier.initVerify(leaf.getPublicKey());
    verifier.update(message);
    return verifier.verify(sig);
  }
}

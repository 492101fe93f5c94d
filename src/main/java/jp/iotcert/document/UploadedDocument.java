package jp.iotcert.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A checked document, ready to store. */
public record UploadedDocument(DocumentKind kind, String fileName, byte[] content) {

  /** The content's SHA-256, stored with it so a copy handed out can be checked against the record. */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

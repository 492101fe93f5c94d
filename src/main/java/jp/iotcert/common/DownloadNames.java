package jp.iotcert.common;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Content-Disposition of a stored document. Names are checked at upload, but names stored
 * before the check may hold control or bidirectional characters ("invoice\u202Efdp.exe" shows as
 * "invoiceexe.pdf"); they are removed here, and the name is sent RFC 6266 style (filename* in UTF-8).
 */
public final class DownloadNames {

  private DownloadNames() {}

  public static String inline(String storedName) {
    String clean = storedName == null ? "" : TextRules.sanitize(storedName).replace('/', '_').replace('\\', '_').strip();
    if (clean.isEmpty()) {
      clean = "document.pdf";
    }
    return ContentDisposition.inline().filename(clean, StandardCharsets.UTF_8).build().toString();
  }

  /** A PDF answered for reading in the browser under its (cleaned) name, never cached. */
  public static ResponseEntity<byte[]> pdf(String name, byte[] content) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", inline(name))
        .header("Cache-Control", "no-store")
        .body(content);
  }
}

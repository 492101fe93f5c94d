package jp.iotcert.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.util.Optional;

/** The parts of a notice mail as GreenMail received it: its text (plain or inside a multipart) and its PDF. */
public final class Mails {

  private Mails() {}

  /** The text/plain body, with CRLF as LF. */
  public static String text(Part mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String text) {
      return text.replace("\r\n", "\n");
    }
    MimeMultipart parts = (MimeMultipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain") || part.getContent() instanceof MimeMultipart) {
        return text(part);
      }
    }
    throw new AssertionError("no text part");
  }

  /** The attached PDF, if any: its file name and bytes. */
  public static Optional<Attachment> pdf(Part mail) throws Exception {
    if (!(mail.getContent() instanceof MimeMultipart parts)) {
      return Optional.empty();
    }
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("application/pdf")) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        part.getInputStream().transferTo(bytes);
        return Optional.of(new Attachment(part.getFileName(), bytes.toByteArray()));
      }
    }
    return Optional.empty();
  }

  public record Attachment(String fileName, byte[] bytes) {}
}

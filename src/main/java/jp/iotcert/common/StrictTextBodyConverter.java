package jp.iotcert.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.StringHttpMessageConverter;

/**
 * Reads the text bodies (and JSON parts) of /api, which controllers take as String and give to
 * {@link StrictJson}: at most {@code limit} bytes (refused before reading when Content-Length says
 * more), and bytes that are not valid in their charset (UTF-8 unless declared) are refused instead
 * of silently becoming U+FFFD.
 */
public class StrictTextBodyConverter extends StringHttpMessageConverter {

  private final long limit;

  public StrictTextBodyConverter(long limit) {
    super(StandardCharsets.UTF_8);
    this.limit = limit;
    setWriteAcceptCharset(false);
  }

  @Override
  protected String readInternal(Class<? extends String> clazz, HttpInputMessage input) throws IOException {
    long declared = input.getHeaders().getContentLength();
    if (declared > limit) {
      throw new BodyTooLargeException(limit);
    }
    byte[] bytes = readAtMost(input.getBody());
    MediaType type = input.getHeaders().getContentType();
    Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException("body", "本文に " + charset.name() + " として正しくないバイト列が含まれています");
    }
  }

  private byte[] readAtMost(InputStream body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = body.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      if (out.size() > limit) {
        throw new BodyTooLargeException(limit);
      }
    }
    return out.toByteArray();
  }
}

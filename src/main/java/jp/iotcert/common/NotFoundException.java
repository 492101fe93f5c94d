package jp.iotcert.common;

/** Unknown resource, or one the caller may not know exists (answered as 404). */
public class NotFoundException extends RuntimeException {
  public NotFoundException(String detail) {
    super(detail);
  }
}

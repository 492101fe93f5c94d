package jp.iotcert.common;

/** A request body over the API's limit; answered 413 problem+json. */
public class BodyTooLargeException extends RuntimeException {

  public BodyTooLargeException(long limitBytes) {
    super("リクエストの本文が大きすぎます（上限 " + (limitBytes / 1024) + " KB）。");
  }
}

package jp.iotcert.notice;

/**
 * A kind of notice: its name (stored with each notice as its kind) and the template it is written
 * from. The Japanese texts are not here but in {@link NoticeTemplates}: staff change them without a
 * code change; the defaults are classpath:notice-templates/{template}.mustache.
 */
public interface NoticeText {

  String name();

  /** The template's key; the kind's name unless two kinds share a name (then the key tells them apart). */
  default String template() {
    return name();
  }
}

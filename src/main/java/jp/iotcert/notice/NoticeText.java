package jp.iotcert.notice;

import java.util.Map;

/** A kind of notice: its name (stored with each notice) and its Japanese subject and body, filled from values. */
public interface NoticeText {

  String name();

  String subject(Map<String, String> values);

  String body(Map<String, String> values);
}

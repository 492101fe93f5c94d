package jp.iotcert.notice;

import java.util.Optional;

/**
 * The stored PDF of a notice, attached to its e-mail. Implemented by the component that renders and
 * stores the notice letters; without one, notices are mailed without attachment
 * ({@link NoticeMailer} falls back to {@link #NONE}).
 *
 * <p>Called on a mail thread after the notice was claimed, outside any transaction: it may read the
 * database (in its own short transaction) but must not render anything new, since what is mailed must
 * be what was stored when the notice was made.
 */
public interface NoticeAttachments {

  /** No stored PDFs: mail text only. */
  NoticeAttachments NONE = noticeId -> Optional.empty();

  /** The PDF stored for the notice (its id in table notice), if any. */
  Optional<byte[]> pdf(String noticeId);
}

package jp.iotcert.registry;

import java.time.LocalDate;
import java.util.Map;
import jp.iotcert.certification.SearchText;
import jp.iotcert.common.JapaneseDates;

/** How the registry compares and shows text: search normalization, status words and Japanese dates. */
public final class RegistryText {

  /** The statuses in words as the public reads them (第11条3, 第17条3). */
  public static final Map<String, String> STATUS_WORDS = Map.of(
      "VALID", "有効",
      "RENEWAL_UNDER_REVIEW", "有効（更新審査中）",
      "EXPIRED", "有効期間満了",
      "REVOKED", "取消し",
      "LAPSED", "失効",
      "TERMINATED", "終了");

  private RegistryText() {}

  /** The form both sides of a search are compared in ({@link SearchText#normalize}: NFKC, then lower case). */
  public static String normalize(String text) {
    return SearchText.normalize(text);
  }

  public static String statusWord(String status) {
    return STATUS_WORDS.getOrDefault(status, status);
  }

  /** The state of a published improvement request (第16条2) in words. */
  public static String improvementStatus(String status) {
    return switch (status == null ? "" : status) {
      case "OPEN" -> "対応中";
      case "REPORTED" -> "改善の報告あり（確認中）";
      case "IMPROVED" -> "改善済み";
      case "NOT_FOLLOWED" -> "期限までに改善されず";
      default -> status == null ? "" : status;
    };
  }

  public static String date(LocalDate date) {
    return date == null ? "" : JapaneseDates.format(date);
  }

  /**
   * The verification sentence at the top of the page (第10条4): whether the certification is in
   * force today (Japan time), in words a customer of the provider understands. The entry's status is
   * already the one of today ({@link StatusToday}): past its last day a VALID entry reads as expired.
   */
  public static String inForceSentence(RegistryEntry e, LocalDate today) {
    String day = "本日（" + date(today) + "）";
    String ended = e.endedOn() == null ? "" : date(e.endedOn()) + "に";
    return switch (e.status()) {
      case "VALID" -> "この認定は" + day + "有効です。";
      case "RENEWAL_UNDER_REVIEW" -> "この認定は" + day + "有効です（有効期間の満了後、更新の審査中のため引き続き有効です）。";
      case "EXPIRED" -> "この認定は有効期間が" + (e.validUntil() == null ? "" : date(e.validUntil()) + "までで")
          + "満了したため、" + day + "有効ではありません（有効期間満了）。";
      case "REVOKED" -> "この認定は" + ended + "取り消されたため、" + day + "有効ではありません（取消し）。";
      case "LAPSED" -> "この認定は" + ended + "失効したため、" + day + "有効ではありません（失効）。";
      case "TERMINATED" -> "この認定は" + ended + "終了したため、" + day + "有効ではありません（終了）。";
      default -> "この認定は" + day + "有効ではありません。";
    };
  }

  /** Whether the sentence above says "in force". */
  public static boolean inForce(RegistryEntry e) {
    return "VALID".equals(e.status()) || "RENEWAL_UNDER_REVIEW".equals(e.status());
  }
}

package jp.iotcert.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import jp.iotcert.certification.Certification;
import jp.iotcert.certification.CertificationStatus;
import org.junit.jupiter.api.Test;

/**
 * The renewal window as the portal words it (第12条1: 60 through 30 days before the last day, both
 * included), at its edges. Validity through 2028-11-30 gives the window 2028-10-01 .. 2028-10-31 (DOMAIN.md).
 */
class PortalRenewalWindowTest {

  private static final LocalDate LAST_DAY = LocalDate.of(2028, 11, 30);

  private static Certification certification(CertificationStatus status, String renewal) {
    return new Certification("IoT 0001-2612", 1, "7000012050002", "株式会社テスト", "窓口確認", null, null, status,
        LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 1), LAST_DAY, null, "[]", "[]", "A-1", null, renewal);
  }

  private static PortalCertificationViews.Renewal on(LocalDate today) {
    return PortalCertificationViews.renewal(certification(CertificationStatus.VALID, null), today);
  }

  @Test
  void theWindowOpensSixtyDaysBeforeTheLastDayAndClosesThirtyDaysBeforeItBothIncluded() {
    assertThat(on(LocalDate.of(2028, 9, 30))).satisfies(r -> {
      assertThat(r.open()).isFalse();
      assertThat(r.sentence()).isEqualTo("更新申請の受付はまだ始まっていません。受付開始まであと1日です。");
      assertThat(r.applyHref()).isNull();
      assertThat(r.opensOn()).isEqualTo("2028年10月1日");
      assertThat(r.closesOn()).isEqualTo("2028年10月31日");
    });
    assertThat(on(LocalDate.of(2028, 10, 1))).satisfies(r -> {
      assertThat(r.open()).isTrue();
      assertThat(r.sentence()).isEqualTo("更新申請を受け付けています。締切まであと30日です。");
      assertThat(r.applyHref()).isEqualTo("/portal/applications/new?renewalOf=IoT%200001-2612");
    });
    assertThat(on(LocalDate.of(2028, 10, 31))).satisfies(r -> {
      assertThat(r.open()).isTrue();
      assertThat(r.sentence()).isEqualTo("更新申請を受け付けています。本日が締切です。");
    });
    assertThat(on(LocalDate.of(2028, 11, 1))).satisfies(r -> {
      assertThat(r.open()).isFalse();
      assertThat(r.sentence()).isEqualTo("更新申請の受付期間は終了しました。");
      assertThat(r.applyHref()).isNull();
    });
  }

  @Test
  void aRenewalUnderReviewOrAnEndedCertificationOffersNoRenewalEvenInTheWindow() {
    LocalDate inWindow = LocalDate.of(2028, 10, 15);
    PortalCertificationViews.Renewal pending = PortalCertificationViews.renewal(
        certification(CertificationStatus.VALID, "A-2028-000042"), inWindow);
    assertThat(pending.open()).isFalse();
    assertThat(pending.sentence()).isEqualTo("更新の申請（申請番号 A-2028-000042）を審査中です。");
    PortalCertificationViews.Renewal ended = PortalCertificationViews.renewal(
        certification(CertificationStatus.TERMINATED, null), inWindow);
    assertThat(ended.open()).isFalse();
    assertThat(ended.applyHref()).isNull();
    assertThat(ended.sentence()).isEqualTo("この認定は終了しているため、更新の申請はできません。");
  }
}

package jp.iotcert.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The incident message: case, process, step, then the cause's own action or the generic one with the technical cause last. */
class IncidentMessagesTest {

  @Test
  void aKnownFailureKeepsItsOwnAction() {
    String cause = new JobFailure("申請 A-2026-000001 は既に終了しています。", "記録を確認してください。").getMessage();
    assertThat(IncidentMessages.failedJob("認定申請審査", "申請を終了する", "A-2026-000001", cause))
        .isEqualTo("【A-2026-000001】「認定申請審査」の「申請を終了する」が失敗しました。申請 A-2026-000001 は既に終了しています。"
            + " 対処: 記録を確認してください。");
  }

  @Test
  void anyOtherFailureGetsTheGenericActionAndItsTechnicalMessageLast() {
    String message = IncidentMessages.failedJob("認定申請審査", "認定を登録する", "A-2026-000002",
        "Unknown property used in expression: ${x}");
    assertThat(message).startsWith("【A-2026-000002】「認定申請審査」の「認定を登録する」が失敗しました。対処: " + IncidentMessages.RETRY)
        .endsWith(" 技術情報: Unknown property used in expression: ${x}");
    assertThat(IncidentMessages.failedJob(null, null, null, null))
        .isEqualTo("プロセスの自動処理が失敗しました。対処: " + IncidentMessages.RETRY);
  }

  @Test
  void aLongTechnicalMessageIsCutToTheColumnNotTheAction() {
    String message = IncidentMessages.failedJob("認定申請審査", "認定を登録する", "A-2026-000003", "x".repeat(10_000));
    assertThat(message).hasSize(IncidentMessages.MAX_LENGTH).contains(IncidentMessages.RETRY).endsWith("x…");
  }
}

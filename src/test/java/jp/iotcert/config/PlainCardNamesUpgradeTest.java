package jp.iotcert.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Upgrading a database whose running instances hold the provider's and service's names as Markdown
 * (before issue 10): the changeset turns them back into the names as written, and the tasks created
 * before get the Markdown copies their forms show.
 */
class PlainCardNamesUpgradeTest extends ProcessTestBase {

  /** What common/Markdown.inline made of {@link #PLAIN} (a list marker escaped at the start only). */
  private static final String LEGACY = "\\-1 株式会社テスト\\(株\\) \\\\";
  private static final String PLAIN = "-1 株式会社テスト(株) \\";

  @Autowired CaseCardBackfill backfill;

  @Test
  void legacyMarkdownNamesBecomePlainAndOldTasksGetTheirMarkdownCopies() throws IOException {
    String no = submitComplete(TestApplications.PROVIDER2_NUMBER, "移行確認サービス").applicationNumber();
    String taskId = task(no, "Task_CheckCompleteness").getId();
    String instanceId = instance(no, ApplicationProcess.KEY).getId();
    // As the previous release left them: Markdown in the instance and in the task's card copy, no Markdown copy.
    runtimeService.setVariable(instanceId, ApplicationProcess.PROVIDER_NAME, LEGACY);
    taskService.setVariableLocal(taskId, ApplicationProcess.PROVIDER_NAME, LEGACY);
    taskService.removeVariablesLocal(taskId, List.of(CaseCardListener.PROVIDER_NAME_MARKDOWN,
        CaseCardListener.SERVICE_NAME_MARKDOWN));

    String changeset = new ClassPathResource("db/changelog/iotcert-011-plain-card-names.sql")
        .getContentAsString(StandardCharsets.UTF_8);
    jdbc.sql(changeset).update();
    backfill.afterSingletonsInstantiated();

    assertThat(runtimeService.getVariable(instanceId, ApplicationProcess.PROVIDER_NAME)).isEqualTo(PLAIN);
    assertThat(taskService.getVariableLocal(taskId, ApplicationProcess.PROVIDER_NAME)).isEqualTo(PLAIN);
    assertThat(taskService.getVariableLocal(taskId, ApplicationProcess.SERVICE_NAME)).isEqualTo("移行確認サービス");
    assertThat(taskService.getVariableLocal(taskId, CaseCardListener.PROVIDER_NAME_MARKDOWN)).isEqualTo(LEGACY);
    assertThat(taskService.getVariableLocal(taskId, CaseCardListener.SERVICE_NAME_MARKDOWN)).isEqualTo("移行確認サービス");
    // The Markdown copy is what common/Markdown makes of the plain name: the round trip is exact.
    assertThat(jp.iotcert.common.Markdown.inline(PLAIN)).isEqualTo(LEGACY);
  }
}

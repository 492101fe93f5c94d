package jp.iotcert.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.iotcert.support.ProcessTestBase;
import jp.iotcert.support.TestApplications;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 第7条: only members without a declared interest sit; too few → staff arrange, then select again.
 * Every form of the committee shows the documents, the disclosure, the review and the inspection.
 */
class CommitteeReviewProcessTest extends ProcessTestBase {

  private static final String APPLICANT = "3011001044998";

  @Autowired CommitteeSelection selection;

  @Test
  void staffArrangeTheCommitteeWhenTooManyMembersHaveAnInterest() {
    selection.declare("committee1", APPLICANT, Instant.now());
    selection.declare("committee2", APPLICANT, Instant.now());
    String no = submitComplete(APPLICANT, "委員構成サービス").applicationNumber();
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(CommitteeProcess.KEY, no,
        Map.of("applicationNumber", no, "corporateNumber", APPLICANT, "reviewFindings", "所見"));
    assertThat(pi).isWaitingAt("Task_ArrangeMembers");
    assertThat(pi).variables().containsEntry(CommitteeProcess.MEMBERS_SUFFICIENT, false);
    assertThat(task(no, "Task_ArrangeMembers")).hasCandidateGroup("staff");

    // committee2's declaration turns out to be withdrawn; selecting again seats committee2 and committee3.
    selection.withdrawDeclaration("committee2", APPLICANT);
    complete(no, "Task_ArrangeMembers", Map.of("arrangementNote", "委員2の申告を確認し取り下げ"));
    assertThat(pi).isWaitingAt("Task_GiveOpinion");
    var tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(tasks).extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("committee2", "committee3");
  }

  /**
   * The variables the three forms show, as the caller passes a 不適合 review and an inspection:
   * links to the stored documents, the disclosure table with the withholding request, the checklist
   * result with the items' names, and the inspection day and result.
   */
  @Test
  void everyCommitteeFormShowsDocumentsDisclosureReviewAndInspection() {
    selection.declare("committee1", APPLICANT, Instant.now());
    selection.declare("committee2", APPLICANT, Instant.now());
    String no = submitComplete(APPLICANT, "委員会資料サービス").applicationNumber();
    Map<String, Object> passedIn = new HashMap<>(Map.of("applicationNumber", no, "corporateNumber", APPLICANT,
        "reviewFindings", "B-03 の記載が**不十分**", "reviewResult", "NON_CONFORMING",
        "conformingItems", List.of("B-01", "B-02", "B-04"), "nonConformingItems", "B-03、B-05",
        "inspectionResult", "CONFORMING", "inspectionReport", "現地で確認した", "inspectionDate", "2026-12-10"));
    runtimeService.startProcessInstanceByKey(CommitteeProcess.KEY, no, passedIn);

    assertShowsTheCase(task(no, "Task_ArrangeMembers").getId(), no);
    selection.withdrawDeclaration("committee2", APPLICANT);
    complete(no, "Task_ArrangeMembers", Map.of("arrangementNote", "委員2の申告を確認し取り下げ"));
    var opinions = taskService.createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("Task_GiveOpinion").list();
    assertThat(opinions).hasSize(2);
    for (var opinion : opinions) {
      assertShowsTheCase(opinion.getId(), no);
      taskService.complete(opinion.getId(), Map.of("opinion", "FAVOURABLE", "opinionComment", "賛成"));
    }
    runDueJobs(no);
    assertShowsTheCase(task(no, "Task_ConsolidateOpinions").getId(), no);
  }

  @Test
  void withoutAnInspectionTheFormsSaySo() {
    String no = submitComplete(TestApplications.PROVIDER2_NUMBER, "調査なしサービス").applicationNumber();
    runtimeService.startProcessInstanceByKey(CommitteeProcess.KEY, no, new HashMap<>(Map.of("applicationNumber", no,
        "corporateNumber", TestApplications.PROVIDER2_NUMBER, "reviewFindings", "適合", "reviewResult", "CONFORMING",
        "conformingItems", catalogue.all().stream().map(i -> i.itemId()).toList())));
    var opinion = taskService.createTaskQuery().processInstanceBusinessKey(no).taskAssignee("committee1").singleResult();
    Map<String, Object> shown = taskService.getVariables(opinion.getId());
    assertThat(shown).containsEntry(CommitteeProcess.INSPECTION_SUMMARY, null);
    long mandatory = catalogue.all().stream().filter(i -> i.mandatory()).count();
    assertThat((String) shown.get(CommitteeProcess.REVIEW_SUMMARY)).startsWith("**審査結果**：適合\n")
        .contains("**適合とした項目**：" + catalogue.all().size() + "項目（必須 " + mandatory + "、")
        .endsWith("**審査基準に適合しない項目**：なし");
  }

  /** What a form of the committee shows, read as Tasklist reads it: the variables visible from the task. */
  private void assertShowsTheCase(String taskId, String applicationNumber) {
    Map<String, Object> shown = taskService.getVariables(taskId);
    assertThat((String) shown.get(CommitteeProcess.DOCUMENT_LINKS))
        .containsPattern("- \\[登記事項証明書（touki\\\\.pdf）\\]\\(/api/applications/" + applicationNumber + "/documents/[^)]+\\)")
        .contains("- [申請データ（全文、JSON）](/api/applications/" + applicationNumber + ")");
    assertThat((String) shown.get(CommitteeProcess.DISCLOSURE_SUMMARY))
        .contains("| 項目 | 区分 | 名称 | 必須 | 開示内容 |").contains("| B-01 |").contains("| 必須 |").contains("| 選択 |")
        .contains("（公表留保の申出: 非上場のため売上高は公表を控えたい）");
    assertThat((String) shown.get(CommitteeProcess.REVIEW_SUMMARY))
        .startsWith("**審査結果**：不適合\n**適合とした項目**：3項目（必須 ")
        .contains(" B-01、B-02、B-04\n")
        .contains("**審査基準に適合しない項目**：B-03「" + catalogue.find("B-03").orElseThrow().name() + "」、B-05「");
    assertThat(shown).containsEntry(CommitteeProcess.REVIEW_FINDINGS, "B-03 の記載が**不十分**")
        .containsEntry(CommitteeProcess.INSPECTION_SUMMARY, "**実施日**：2026年12月10日\n**調査結果**：適合")
        .containsEntry(CommitteeProcess.INSPECTION_REPORT, "現地で確認した");
  }

  /** The declarations are shared demo data of the cached context: leave them as found. */
  @AfterEach
  void withdrawDeclarations() {
    for (String member : new String[] {"committee1", "committee2"}) {
      selection.withdrawDeclaration(member, APPLICANT);
      selection.withdrawDeclaration(member, "9120001077496");
    }
  }

  @Test
  void eligibleMembersLeaveOutDeclaredInterests() {
    String other = "9120001077496";
    selection.declare("committee2", other, Instant.now());
    assertThat(selection.eligibleMembers(other)).containsExactly("committee1", "committee3");
    selection.withdrawDeclaration("committee2", other);
    assertThat(selection.eligibleMembers(other)).containsExactly("committee1", "committee2", "committee3");
  }
}

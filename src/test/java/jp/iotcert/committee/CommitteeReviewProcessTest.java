package jp.iotcert.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Map;
import jp.iotcert.support.ProcessTestBase;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** 第7条: only members without a declared interest sit; too few → staff arrange, then select again. */
class CommitteeReviewProcessTest extends ProcessTestBase {

  private static final String APPLICANT = "3011001044998";

  @Autowired CommitteeSelection selection;

  @Test
  void staffArrangeTheCommitteeWhenTooManyMembersHaveAnInterest() {
    selection.declare("committee1", APPLICANT, Instant.now());
    selection.declare("committee2", APPLICANT, Instant.now());
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(CommitteeProcess.KEY, "A-TEST-COMMITTEE",
        Map.of("applicationNumber", "A-TEST-COMMITTEE", "corporateNumber", APPLICANT, "reviewFindings", "所見"));
    assertThat(pi).isWaitingAt("Task_ArrangeMembers");
    assertThat(pi).variables().containsEntry(CommitteeProcess.MEMBERS_SUFFICIENT, false);
    assertThat(task("A-TEST-COMMITTEE", "Task_ArrangeMembers")).hasCandidateGroup("staff");

    // committee2's declaration turns out to be withdrawn; selecting again seats committee2 and committee3.
    selection.withdrawDeclaration("committee2", APPLICANT);
    complete("A-TEST-COMMITTEE", "Task_ArrangeMembers", Map.of("arrangementNote", "委員2の申告を確認し取り下げ"));
    assertThat(pi).isWaitingAt("Task_GiveOpinion");
    var tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(tasks).extracting(t -> t.getAssignee()).containsExactlyInAnyOrder("committee2", "committee3");
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

package jp.iotcert.support;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

/** Runs due jobs by hand, for tests whose job executor is off. */
public final class Jobs {

  private Jobs() {}

  /** Runs the due jobs of the process instances with this business key, one at a time, until none is left. */
  public static void runDue(RuntimeService runtimeService, ManagementService managementService, String businessKey) {
    for (int i = 0; i < 30; i++) {
      var jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list().stream()
          .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).executable().list().stream())
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      managementService.executeJob(jobs.get(0).getId());
    }
  }
}

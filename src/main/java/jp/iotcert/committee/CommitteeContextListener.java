package jp.iotcert.committee;

import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.application.ReviewCompletedListener;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of 「委員会審査依頼」: prepares what every form of the committee shows
 * ({@link CommitteeBriefing}): `documentLinks`, `disclosureSummary`, `reviewSummary` and
 * `inspectionSummary`. The application is the business key; the review and inspection come from the
 * variables the caller passed in, which only the reviewer's and the inspector's forms set (no form of
 * this process has a field of those names, and the engine guard refuses other writes).
 */
@Component("committeeContext")
public class CommitteeContextListener implements ExecutionListener {

  private final CommitteeBriefing briefing;

  public CommitteeContextListener(CommitteeBriefing briefing) {
    this.briefing = briefing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Object result = execution.getVariable(CommitteeProcess.REVIEW_RESULT);
    Object nonConforming = execution.getVariable(CommitteeProcess.NON_CONFORMING_ITEMS);
    Object inspected = execution.getVariable(CommitteeProcess.INSPECTION_RESULT);
    CommitteeBriefing.Briefing brief = briefing.brief(ApplicationProcess.applicationNumber(execution),
        new CommitteeBriefing.Review(result == null ? null : result.toString(),
            ReviewCompletedListener.ids(execution.getVariable(CommitteeProcess.CONFORMING_ITEMS)),
            nonConforming == null ? null : nonConforming.toString()),
        inspected == null ? null : new CommitteeBriefing.Inspection(
            execution.getVariable(CommitteeProcess.INSPECTION_DATE), inspected.toString()));
    execution.setVariable(CommitteeProcess.DOCUMENT_LINKS, brief.documentLinks());
    execution.setVariable(CommitteeProcess.DISCLOSURE_SUMMARY, brief.disclosureSummary());
    execution.setVariable(CommitteeProcess.REVIEW_SUMMARY, brief.reviewSummary());
    execution.setVariable(CommitteeProcess.INSPECTION_SUMMARY, brief.inspectionSummary());
  }
}

package jp.iotcert.committee;

import jp.iotcert.application.ApplicationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「委員の意見を一覧にする」: sets `opinionsSummary` (Markdown) for the chair's form. */
@Component("summariseOpinions")
public class SummariseOpinionsDelegate implements JavaDelegate {

  private final CommitteeDeliberation deliberation;

  public SummariseOpinionsDelegate(CommitteeDeliberation deliberation) {
    this.deliberation = deliberation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CommitteeProcess.OPINIONS_SUMMARY,
        deliberation.summary(ApplicationProcess.applicationNumber(execution)));
  }
}

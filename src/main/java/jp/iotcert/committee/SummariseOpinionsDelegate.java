package jp.iotcert.committee;

import java.util.Map;
import java.util.stream.Collectors;
import jp.iotcert.application.ApplicationProcess;
import jp.iotcert.common.Markdown;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 「委員の意見を一覧にする」: sets `opinionsSummary` (Markdown) for the chair's form. */
@Component("summariseOpinions")
public class SummariseOpinionsDelegate implements JavaDelegate {

  private static final Map<String, String> LABELS =
      Map.of("FAVOURABLE", "賛成", "CONDITIONAL", "条件付き賛成", "UNFAVOURABLE", "反対");
  private static final int LIMIT = 3900;

  private final CommitteeOpinions opinions;

  public SummariseOpinionsDelegate(CommitteeOpinions opinions) {
    this.opinions = opinions;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String summary = opinions.forApplication(ApplicationProcess.applicationNumber(execution))
        .stream()
        .map(o -> "- **" + o.memberId() + "**: " + LABELS.getOrDefault(o.opinion(), o.opinion()) + " — "
            + Markdown.inline(o.comment()))
        .collect(Collectors.joining("\n"));
    execution.setVariable(CommitteeProcess.OPINIONS_SUMMARY, Markdown.clip(summary, LIMIT));
  }
}

package jp.iotcert.common;

/**
 * A job (service task, timer) cannot go on and the operator has to act: the message is the Japanese
 * sentence the incident in Cockpit shows, saying what failed for which case and, after
 * {@link IncidentMessages#ACTION}, what to do. Thrown where the cause is known (an inconsistent
 * register, a case ended meanwhile); any other exception of a job gets a generic action from
 * {@link IncidentMessages#failedJob}.
 */
public class JobFailure extends RuntimeException {

  /**
   * @param problem what failed and why, for which case (「認定 IoT 0001-2612 は既に終了しています（取消）。」)
   * @param action what the operator should do (「認定台帳を確認し、…」)
   */
  public JobFailure(String problem, String action) {
    super(IncidentMessages.withAction(problem, action));
  }
}

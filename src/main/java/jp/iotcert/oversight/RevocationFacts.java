package jp.iotcert.oversight;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The facts of a case that the DMN table `revocation-grounds` turns into the grounds of 第17条1.
 * Each is true when staff (or an investigation, an improvement request) found it so.
 */
public record RevocationFacts(
    Boolean criteriaNotMet,
    Boolean fraudulentCertification,
    Boolean markMisuse,
    Boolean notificationNeglected,
    Boolean emergencyReportNeglected,
    Boolean investigationRefusedOrFalse,
    Boolean improvementIgnored,
    Boolean unlawfulAct,
    Boolean successionDoubt) {

  /**
   * 第17条1(5) as an investigation finds it: staff found the provider neglected to notify or report
   * an emergency (第14条), or the emergency the investigation came from was not notified promptly.
   *
   * @param emergencyNotifiedPromptly what staff recorded for that emergency; null when there is none
   *     or nothing was recorded
   */
  public static boolean isEmergencyReportNeglected(boolean foundByStaff, Boolean emergencyNotifiedPromptly) {
    return foundByStaff || Boolean.FALSE.equals(emergencyNotifiedPromptly);
  }

  /** 第17条1(6): the provider refused the investigation (第15条), or its explanation was false. */
  public static boolean isInvestigationRefusedOrFalse(Boolean cooperationRefused, Boolean falseStatement) {
    return Boolean.TRUE.equals(cooperationRefused) || Boolean.TRUE.equals(falseStatement);
  }

  /** 第17条1(7): the facts of a revocation proposed because an improvement request was not followed (第16条). */
  public static RevocationFacts ofIgnoredImprovement() {
    return new RevocationFacts(false, false, false, false, false, false, true, false, false);
  }

  /** Every fact found in either. */
  public RevocationFacts or(RevocationFacts other) {
    return new RevocationFacts(
        either(criteriaNotMet, other.criteriaNotMet), either(fraudulentCertification, other.fraudulentCertification),
        either(markMisuse, other.markMisuse), either(notificationNeglected, other.notificationNeglected),
        either(emergencyReportNeglected, other.emergencyReportNeglected),
        either(investigationRefusedOrFalse, other.investigationRefusedOrFalse),
        either(improvementIgnored, other.improvementIgnored), either(unlawfulAct, other.unlawfulAct),
        either(successionDoubt, other.successionDoubt));
  }

  private static Boolean either(Boolean a, Boolean b) {
    return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
  }

  /** The decision's input variables: every fact present, false unless found. */
  public Map<String, Object> asVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("criteriaNotMet", Boolean.TRUE.equals(criteriaNotMet));
    variables.put("fraudulentCertification", Boolean.TRUE.equals(fraudulentCertification));
    variables.put("markMisuse", Boolean.TRUE.equals(markMisuse));
    variables.put("notificationNeglected", Boolean.TRUE.equals(notificationNeglected));
    variables.put("emergencyReportNeglected", Boolean.TRUE.equals(emergencyReportNeglected));
    variables.put("investigationRefusedOrFalse", Boolean.TRUE.equals(investigationRefusedOrFalse));
    variables.put("improvementIgnored", Boolean.TRUE.equals(improvementIgnored));
    variables.put("unlawfulAct", Boolean.TRUE.equals(unlawfulAct));
    variables.put("successionDoubt", Boolean.TRUE.equals(successionDoubt));
    return variables;
  }
}

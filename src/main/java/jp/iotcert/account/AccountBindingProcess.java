package jp.iotcert.account;

/**
 * Names shared by the `account-binding` process model (bpmn/account-binding.bpmn), its form and the
 * code. One instance per portal account whose e-mail was confirmed; business key = the account's
 * user id. The registration itself is read from table account_registration by that key, never from
 * the variables (a Tasklist user could write those).
 */
public final class AccountBindingProcess {

  public static final String KEY = "account-binding";

  // Shown in the form and on the Tasklist card (set at the start, from the registration)
  public static final String CORPORATE_NUMBER = "corporateNumber";
  /** The company name as registered (the card's 事業者); the form shows its Markdown copy. */
  public static final String PROVIDER_NAME = "providerName";
  public static final String USER_ID = "userId";
  public static final String CONTACT_NAME_MARKDOWN = "contactNameMarkdown";
  public static final String EMAIL_MARKDOWN = "emailMarkdown";
  public static final String CONFIRMED_AT = "confirmedAt";
  /** The accounts already bound to the corporate number (Markdown list, or a sentence that there are none). */
  public static final String BOUND_ACCOUNTS = "boundAccounts";

  // Form fields of 「事業者アカウントを確認する」
  /** APPROVE or REFUSE. */
  public static final String BINDING_DECISION = "bindingDecision";
  public static final String REFUSAL_REASON = "refusalReason";

  public static final String APPROVE = "APPROVE";
  public static final String REFUSE = "REFUSE";

  private AccountBindingProcess() {}
}

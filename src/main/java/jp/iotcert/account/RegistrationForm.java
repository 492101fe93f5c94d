package jp.iotcert.account;

/** What a company enters to register an account on /portal/register (bound from the form's fields). */
public record RegistrationForm(String corporateNumber, String companyName, String contactName, String email,
    String userId, String password, String passwordConfirmation) {

  static RegistrationForm empty() {
    return new RegistrationForm("", "", "", "", "", "", "");
  }

  /** The form to show again after an error: never the passwords. */
  RegistrationForm withoutPasswords() {
    return new RegistrationForm(corporateNumber, companyName, contactName, email, userId, "", "");
  }
}

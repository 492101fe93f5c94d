package jp.iotcert.account;

/** What an invited colleague enters on the invitation page: name, user id and password. */
public record InvitationForm(String contactName, String userId, String password, String passwordConfirmation) {

  static InvitationForm empty() {
    return new InvitationForm("", "", "", "");
  }

  InvitationForm withoutPasswords() {
    return new InvitationForm(contactName, userId, "", "");
  }
}

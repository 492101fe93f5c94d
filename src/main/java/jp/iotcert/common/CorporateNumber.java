package jp.iotcert.common;

/**
 * 法人番号: 13 digits, the first a check digit over the other twelve
 * (check = 9 - (Σ P_n × Q_n mod 9), n counted from the right, Q_n = 1 for odd n, 2 for even n).
 */
public final class CorporateNumber {

  private CorporateNumber() {}

  public static boolean isValid(String value) {
    if (value == null || !value.matches("\\d{13}")) {
      return false;
    }
    int sum = 0;
    for (int n = 1; n <= 12; n++) {
      int digit = value.charAt(13 - n) - '0';
      sum += digit * (n % 2 == 1 ? 1 : 2);
    }
    return value.charAt(0) - '0' == 9 - (sum % 9);
  }
}

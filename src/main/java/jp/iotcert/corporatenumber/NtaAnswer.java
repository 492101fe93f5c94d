package jp.iotcert.corporatenumber;

import java.time.LocalDate;

/**
 * What the NTA's Web-API answered for one corporate number, reduced to what the check compares
 * (stored as the connector task's output variable, so small and free of the application id).
 *
 * @param httpStatus the HTTP status of the answer
 * @param readable the body was the API's XML ({@code <corporations>}); false for any other body
 * @param found a {@code <corporation>} with this number is in the answer (count ≥ 1)
 * @param name 商号又は名称 ({@code <name>})
 * @param prefectureName 都道府県 ({@code <prefectureName>})
 * @param cityName 市区町村 ({@code <cityName>})
 * @param streetNumber 丁目番地等 ({@code <streetNumber>})
 * @param addressOutside 国外所在地 ({@code <addressOutside>})
 * @param closeDate 登記記録の閉鎖等年月日 ({@code <closeDate>}), null when open
 * @param closeCause 登記記録の閉鎖等の事由 ({@code <closeCause>}: 01 清算の結了等, 11 合併による解散等,
 *     21 登記官による閉鎖, 31 その他の清算の結了等), null when open
 */
public record NtaAnswer(int httpStatus, boolean readable, boolean found, String name, String prefectureName,
    String cityName, String streetNumber, String addressOutside, LocalDate closeDate, String closeCause) {

  public static NtaAnswer unreadable(int httpStatus) {
    return new NtaAnswer(httpStatus, false, false, null, null, null, null, null, null, null);
  }

  /** The registered address as one line (domestic parts, or the address abroad). */
  public String address() {
    String domestic = nz(prefectureName) + nz(cityName) + nz(streetNumber);
    return domestic.isEmpty() ? nz(addressOutside) : domestic;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}

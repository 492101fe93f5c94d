package jp.iotcert.corporatenumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NtaResponseReaderTest {

  @Test
  void readsOneCorporationOfTheVersion4Answer() {
    NtaAnswer a = NtaResponseReader.read(200, """
        <?xml version="1.0" encoding="UTF-8"?>
        <corporations><lastUpdateDate>2026-11-27</lastUpdateDate><count>1</count><divideNumber>1</divideNumber>
        <divideSize>1</divideSize><corporation><sequenceNumber>1</sequenceNumber>
        <corporateNumber>7000012050002</corporateNumber><process>01</process><correct>0</correct>
        <updateDate>2018-04-02</updateDate><changeDate>2015-10-05</changeDate><name>国税庁</name><nameImageId/>
        <kind>101</kind><prefectureName>東京都</prefectureName><cityName>千代田区</cityName>
        <streetNumber>霞が関３丁目１－１</streetNumber><addressImageId/><prefectureCode>13</prefectureCode>
        <cityCode>101</cityCode><postCode>1000013</postCode><addressOutside/><addressOutsideImageId/>
        <closeDate>2020-01-31</closeDate><closeCause>21</closeCause><successorCorporateNumber/><changeCause/>
        <assignmentDate>2015-10-05</assignmentDate><latest>1</latest><enName>National Tax Agency</enName>
        <enPrefectureName>Tokyo</enPrefectureName><enCityName>Chiyoda ku</enCityName><enAddressOutside/>
        <furigana>こくぜいちょう</furigana><hihyoji>0</hihyoji></corporation></corporations>""");
    assertThat(a.readable()).isTrue();
    assertThat(a.found()).isTrue();
    assertThat(a.name()).isEqualTo("国税庁");
    assertThat(a.address()).isEqualTo("東京都千代田区霞が関３丁目１－１");
    assertThat(a.closeDate()).isEqualTo(LocalDate.of(2020, 1, 31));
    assertThat(a.closeCause()).isEqualTo("21");
  }

  @Test
  void countZeroIsNotFound() {
    NtaAnswer a = NtaResponseReader.read(200, "<corporations><lastUpdateDate>2026-11-27</lastUpdateDate>"
        + "<count>0</count><divideNumber>1</divideNumber><divideSize>1</divideSize></corporations>");
    assertThat(a.readable()).isTrue();
    assertThat(a.found()).isFalse();
  }

  @Test
  void anyOtherBodyIsUnreadableNeverAnException() {
    assertThat(NtaResponseReader.read(503, "<corporations/>").readable()).isFalse();
    assertThat(NtaResponseReader.read(200, "<html>maintenance</html>").readable()).isFalse();
    assertThat(NtaResponseReader.read(200, "not xml").readable()).isFalse();
    assertThat(NtaResponseReader.read(200, "").readable()).isFalse();
    assertThat(NtaResponseReader.read(200, "<corporations>" + "x".repeat(NtaResponseReader.MAX_BODY) + "</corporations>")
        .readable()).isFalse();
  }

  @Test
  void doctypesAndExternalEntitiesAreRefused() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE corporations [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <corporations><count>1</count><corporation><name>&secret;</name></corporation></corporations>""";
    NtaAnswer a = NtaResponseReader.read(200, xxe);
    assertThat(a.readable()).isFalse();
    assertThat(a.name()).isNull();
  }
}

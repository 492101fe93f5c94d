package jp.iotcert.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import jp.iotcert.common.InvalidInputException.FieldError;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

class DocumentCheckerTest {

  private final DocumentChecker checker = new DocumentChecker(DataSize.ofKilobytes(1));

  @Test
  void acceptsRealPdfWhateverItsName() {
    List<FieldError> errors = new ArrayList<>();
    var docs = checker.check(new MockMultipartFile("registryCertificate", "touki.bin", "application/octet-stream",
        "%PDF-1.7 ...".getBytes()), null, null, errors);
    assertThat(errors).isEmpty();
    assertThat(docs).singleElement().satisfies(d -> assertThat(d.fileName()).isEqualTo("touki.bin"));
  }

  @Test
  void refusesFilesThatAreNotPdfEvenWhenTheyClaimToBe() {
    List<FieldError> errors = new ArrayList<>();
    checker.check(new MockMultipartFile("registryCertificate", "touki.pdf", "application/pdf", "PK\u0003\u0004zip".getBytes()),
        null, null, errors);
    assertThat(errors).extracting(FieldError::field).containsExactly("registryCertificate");
    assertThat(errors.get(0).message()).contains("PDF");
  }

  @Test
  void refusesEmptyAndOversizedFiles() {
    List<FieldError> errors = new ArrayList<>();
    byte[] big = new byte[2048];
    System.arraycopy("%PDF-".getBytes(), 0, big, 0, 5);
    checker.check(new MockMultipartFile("registryCertificate", "a.pdf", "application/pdf", new byte[0]),
        new MockMultipartFile("applicationForm", "b.pdf", "application/pdf", big), null, errors);
    assertThat(errors).extracting(FieldError::field).containsExactly("registryCertificate", "applicationForm");
  }

  @Test
  void stripsPathsFromFileNames() {
    List<FieldError> errors = new ArrayList<>();
    var docs = checker.check(null, null, List.of(new MockMultipartFile("other", "../../etc/passwd.pdf", "application/pdf",
        "%PDF-1.4".getBytes())), errors);
    assertThat(docs.get(0).fileName()).doesNotContain("/");
  }
}

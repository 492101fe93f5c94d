package jp.iotcert.document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.iotcert.common.InvalidInputException.FieldError;
import jp.iotcert.common.TextRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Documents must really be PDF: the file's first bytes are checked (the declared content type and
 * name are the client's word only), and each is limited in size. File names must obey
 * {@link TextRules} (no control or bidirectional characters), since they are shown and sent back on download.
 */
@Component
public class DocumentChecker {

  private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};
  static final int MAX_OTHER_DOCUMENTS = 10;

  private final long maxBytes;

  public DocumentChecker(@Value("${iotcert.documents.max-size}") DataSize maxSize) {
    this.maxBytes = maxSize.toBytes();
  }

  public List<UploadedDocument> check(MultipartFile registryCertificate, MultipartFile applicationForm,
      List<MultipartFile> other, List<FieldError> errors) {
    List<UploadedDocument> documents = new ArrayList<>();
    add(documents, DocumentKind.REGISTRY_CERTIFICATE, registryCertificate, DocumentKind.REGISTRY_CERTIFICATE.part(), errors);
    add(documents, DocumentKind.APPLICATION_FORM, applicationForm, DocumentKind.APPLICATION_FORM.part(), errors);
    List<MultipartFile> others = other == null ? List.of() : other;
    if (others.size() > MAX_OTHER_DOCUMENTS) {
      errors.add(new FieldError("other", "その他の書類は" + MAX_OTHER_DOCUMENTS + "件までです"));
    } else {
      for (int i = 0; i < others.size(); i++) {
        add(documents, DocumentKind.OTHER, others.get(i), "other[" + i + "]", errors);
      }
    }
    return documents;
  }

  /** Documents attached to an answer (an investigation's explanation): PDFs, at most ten, under {@code part}. */
  public List<UploadedDocument> checkAttachments(List<MultipartFile> files, String part, List<FieldError> errors) {
    List<UploadedDocument> documents = new ArrayList<>();
    List<MultipartFile> all = files == null ? List.of() : files;
    if (all.size() > MAX_OTHER_DOCUMENTS) {
      errors.add(new FieldError(part, "添付書類は" + MAX_OTHER_DOCUMENTS + "件までです"));
      return documents;
    }
    for (int i = 0; i < all.size(); i++) {
      add(documents, DocumentKind.OTHER, all.get(i), part + "[" + i + "]", errors);
    }
    return documents;
  }

  private void add(List<UploadedDocument> documents, DocumentKind kind, MultipartFile file, String field,
      List<FieldError> errors) {
    if (file == null) {
      return;
    }
    if (file.isEmpty()) {
      errors.add(new FieldError(field, kind.label() + "が空のファイルです"));
      return;
    }
    String nameViolation = TextRules.violation(file.getOriginalFilename(), TextRules.Lines.FORBIDDEN);
    if (nameViolation != null) {
      errors.add(new FieldError(field, kind.label() + "のファイル名: " + nameViolation));
      return;
    }
    if (file.getSize() > maxBytes) {
      errors.add(new FieldError(field, kind.label() + "が大きすぎます（上限 " + (maxBytes / (1024 * 1024)) + "MB）"));
      return;
    }
    try {
      byte[] content = file.getBytes();
      if (!startsWithPdfMagic(content)) {
        errors.add(new FieldError(field, kind.label() + "はPDFファイルではありません"));
        return;
      }
      documents.add(new UploadedDocument(kind, safeName(file.getOriginalFilename(), kind), content));
    } catch (IOException e) {
      errors.add(new FieldError(field, kind.label() + "を読み取れませんでした"));
    }
  }

  static boolean startsWithPdfMagic(byte[] content) {
    if (content.length < PDF_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < PDF_MAGIC.length; i++) {
      if (content[i] != PDF_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static String safeName(String original, DocumentKind kind) {
    String name = original == null ? "" : original.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
    if (name.isEmpty()) {
      name = kind.part() + ".pdf";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}

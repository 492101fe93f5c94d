package jp.iotcert.application;

/** A checked document, ready to store. */
public record UploadedDocument(DocumentKind kind, String fileName, byte[] content) {}

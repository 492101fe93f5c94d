package jp.iotcert.notice;

import java.time.Instant;

/**
 * A notice sent to an applicant or provider, kept as the record of what was told when; with the
 * template and its version it was written from (GET /api/notice-templates/{template}/versions/{version}).
 */
public record Notice(String kind, String recipient, String subject, String body, Instant sentAt, boolean mailed,
    String template, Integer templateVersion) {}

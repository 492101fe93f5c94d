package jp.iotcert.notice;

import java.time.Instant;

/**
 * A notice sent to an applicant or provider, kept as the record of what was told when; with the
 * template and its version it was written from (GET /api/notice-templates/{template}/versions/{version}).
 *
 * @param hasLetter whether its letter (PDF) is stored (NoticePdfs); notices from before letters have none
 * @param layoutVersion the version of the letter's layout (template kind LETTER_LAYOUT) its letter was
 *     rendered with; null when it has no letter
 */
public record Notice(String id, String kind, String recipient, String subject, String body, Instant sentAt,
    boolean mailed, boolean hasLetter, String template, Integer templateVersion, Integer layoutVersion) {}

package org.posmaintenance.feedback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code pos.feedback}: how long a survey stays open and which score needs a manager's follow-up. */
@ConfigurationProperties("pos.feedback")
public record FeedbackProperties(Duration surveyExpiry, int lowScoreThreshold) {
}

package io.crosscount.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum Severity {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity lower() {
        return this == HIGH ? MEDIUM : LOW;
    }

    public Severity higher() {
        return this == LOW ? MEDIUM : HIGH;
    }
}

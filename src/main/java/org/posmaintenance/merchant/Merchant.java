package org.posmaintenance.merchant;

import java.util.Locale;

/** A merchant who rents or bought terminals. */
public record Merchant(String id, String name, String email, String phone, String openingHours, String language) {

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}

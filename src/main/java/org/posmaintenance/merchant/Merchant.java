package org.posmaintenance.merchant;

import java.util.Locale;

/** A merchant who rents or bought terminals; {@code address}: the shop's, where visits go and terminals are sent. */
public record Merchant(String id, String name, String email, String phone, String openingHours, String language,
                       String address) {

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}

package org.posmaintenance.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The price list of parts and services ({@code pos.billing.price-list}). It is read again for each
 * bill, so a corrected file takes effect without a restart; when it cannot be read, billing fails and
 * the engine retries it, then raises an incident.
 */
@Component
public class PriceList {

    private final ResourceLoader resources;
    private final ObjectMapper json;
    private final String location;

    public PriceList(ResourceLoader resources, ObjectMapper json, @Value("${pos.billing.price-list}") String location) {
        this.resources = resources;
        this.json = json;
        this.location = location;
    }

    public Prices load() {
        Resource resource = resources.getResource(location);
        try (InputStream in = resource.getInputStream()) {
            return json.readValue(in, Prices.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price list " + location, e);
        }
    }

    /** The content of the price list file. */
    public record Prices(String currency, Map<String, Item> parts, Map<String, Item> services) {

        public boolean hasPart(String code) {
            return parts.containsKey(code);
        }

        public Item part(String code) {
            Item item = parts.get(code);
            if (item == null) {
                throw new IllegalArgumentException("Part " + code + " is not in the price list");
            }
            return item;
        }

        public Item service(String code) {
            Item item = services.get(code);
            if (item == null) {
                throw new IllegalArgumentException("Service " + code + " is not in the price list");
            }
            return item;
        }
    }

    /** One priced item. */
    public record Item(String name, BigDecimal price) {
    }
}

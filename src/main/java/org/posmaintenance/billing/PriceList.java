package org.posmaintenance.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The price list of parts and services ({@code pos.billing.price-list}). It is looked at again for each
 * bill, so a corrected file takes effect without a restart (it is parsed again when its modification time
 * or size changed); when it cannot be read, billing fails and the engine retries it, then raises an incident.
 */
@Component
public class PriceList {

    /** What a bill records of the version (ticket_bill.price_list_version). */
    static final int MAX_VERSION_LENGTH = 64;

    private final ResourceLoader resources;
    private final ObjectMapper json;
    private final String location;

    public PriceList(ResourceLoader resources, ObjectMapper json, @Value("${pos.billing.price-list}") String location) {
        this.resources = resources;
        this.json = json;
        this.location = location;
    }

    /** The file's modification time and size when it was parsed, and what it gave. */
    private record Parsed(long modified, long size, Prices prices) {
    }

    private volatile Parsed parsed;

    public Prices load() {
        Resource resource = resources.getResource(location);
        try {
            long modified = resource.lastModified();
            long size = resource.contentLength();
            Parsed known = parsed;
            if (known != null && known.modified() == modified && known.size() == size) {
                return known.prices();
            }
            Prices prices = parse(resource);
            parsed = new Parsed(modified, size, prices);
            return prices;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price list " + location, e);
        }
    }

    private Prices parse(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            byte[] content = in.readAllBytes();
            Prices prices = json.readValue(content, Prices.class);
            String version = prices.version() != null && !prices.version().isBlank() ? prices.version().strip()
                    : "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)).substring(0, 16);
            if (version.length() > MAX_VERSION_LENGTH) {
                throw new IllegalStateException("The price list " + location + " has a \"version\" longer than "
                        + MAX_VERSION_LENGTH + " characters");
            }
            return new Prices(version, prices.currency(), prices.parts(), prices.services());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the price list " + location, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content of the price list file.
     *
     * @param version the file's {@code version}, or the start of its SHA-256: which prices a bill used
     */
    public record Prices(String version, String currency, Map<String, Item> parts, Map<String, Item> services) {

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

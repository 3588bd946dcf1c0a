package org.posmaintenance.upgrade;

import java.util.Arrays;
import java.util.regex.Pattern;

/** A terminal software version such as {@code 3.2.1}, compared number by number. */
public record SoftwareVersion(int[] parts) implements Comparable<SoftwareVersion> {

    public static final Pattern FORMAT = Pattern.compile("[0-9]+(\\.[0-9]+){1,3}");

    public static SoftwareVersion parse(String text) {
        if (text == null || !FORMAT.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a software version such as 3.2.1");
        }
        return new SoftwareVersion(Arrays.stream(text.strip().split("\\.")).mapToInt(Integer::parseInt).toArray());
    }

    @Override
    public int compareTo(SoftwareVersion other) {
        for (int i = 0; i < Math.max(parts.length, other.parts.length); i++) {
            int difference = Integer.compare(part(i), other.part(i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    public boolean isOlderThan(SoftwareVersion other) {
        return compareTo(other) < 0;
    }

    private int part(int index) {
        return index < parts.length ? parts[index] : 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SoftwareVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int length = parts.length;
        while (length > 0 && parts[length - 1] == 0) {
            length--;
        }
        return Arrays.hashCode(Arrays.copyOf(parts, length));
    }

    @Override
    public String toString() {
        return String.join(".", Arrays.stream(parts).mapToObj(Integer::toString).toList());
    }
}

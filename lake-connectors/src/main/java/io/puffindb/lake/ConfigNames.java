package io.puffindb.lake;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum settings by their configuration names: lower case, {@code -} for {@code _}. */
public final class ConfigNames {
    private ConfigNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant named {@code text}; else an error saying what {@code what} may be. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        E[] values = type.getEnumConstants();
        return Arrays.stream(values).filter(value -> of(value).equals(text.trim().toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + " is " + Arrays.stream(values).map(ConfigNames::of)
                        .collect(Collectors.joining(" or ")) + ", not '" + text + "'"));
    }
}

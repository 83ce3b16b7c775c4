package dev.tune.io;

import java.util.regex.Pattern;

/**
 * Keeps passwords out of everything tune writes or prints: a storage URL is shown with its
 * password masked, whether it sits in the user-info part ({@code //user:pw@host}) or in a
 * {@code password=} parameter.
 */
public final class Secrets {

    public static final String MASK = "****";

    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:?#]*:)[^/@?#]*@");
    private static final Pattern PARAMETER = Pattern.compile("((?:[?&;])password=)[^&;#]*", Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    /** {@code url} with any password in it replaced by {@value #MASK}; null stays null. */
    public static String maskUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = USER_INFO.matcher(url).replaceAll("$1" + MASK + "@");
        return PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }
}

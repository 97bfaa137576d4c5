package com.complaintengine.command.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers 001 §1.3 forbids to store, by the checks the numbers themselves carry, so that
 * ordinary numbers (phones, hotlines, order numbers, amounts, dates, times) stay untouched:
 * <ul>
 *   <li>national IDs: 18 characters (17 digits and a digit or X) with a valid ISO 7064 MOD 11-2 check
 *       digit, a province code and a real birth date; 15-digit legacy IDs with a province code and a
 *       real birth date (19YYMMDD) in positions 7–12;</li>
 *   <li>bank cards: 13–19 digits passing Luhn, with an issuer prefix of a payment card (2200–2204,
 *       2221–2720, 3, 4, 5, 6 or the Chinese domestic 9), written contiguously or grouped by single
 *       spaces or single dashes ({@code 6222 0212 3456 7890 128}, {@code 4111-1111-1111-1111}).</li>
 * </ul>
 * A run of digits is never split: a candidate is neither preceded nor followed by a digit. Full-width
 * digits count as digits. Digits inside a UUID or a long hexadecimal token (a content hash) and the
 * decimals of a number are not candidates. Overlapping hits are merged, so no digit of a hit is left
 * outside its span.
 */
public final class PersonalNumberDetector {

    /** What kind of number was found. */
    public enum Kind {
        NATIONAL_ID("national-id", "ID", "national ID number"),
        BANK_CARD("bank-card", "CARD", "bank card number");

        private final String code;
        private final String label;
        private final String description;

        Kind(String code, String label, String description) {
            this.code = code;
            this.label = label;
            this.description = description;
        }

        /** Machine-readable, e.g. {@code national-id}. */
        public String code() {
            return code;
        }

        /** The word inside a mask, e.g. {@code ID} in {@code [ID ****002X]}. */
        public String label() {
            return label;
        }

        /** In words, e.g. {@code national ID number}. */
        public String description() {
            return description;
        }
    }

    /**
     * One number found: {@code [start, end)} in the text, its kind, and its characters without separators
     * (digits as ASCII, a check character X in upper case).
     */
    public record Finding(int start, int end, Kind kind, String digits) {
    }

    private record Run(int start, int end) {

        int length() {
            return end - start;
        }
    }

    private static final int MIN_CARD = 13;
    private static final int MAX_CARD = 19;
    /** A hexadecimal token this long is a hash or key, not text a person typed a number into. */
    private static final int HEX_TOKEN = 32;
    private static final Pattern UUID = Pattern.compile(
            "(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    /** GB/T 2260 province-level codes, plus 81–83 of the Hong Kong, Macau and Taiwan residence permits. */
    private static final Set<Integer> PROVINCES = Set.of(11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
            41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83);

    /** Every national ID and bank card number in the text, in order, none overlapping. */
    public List<Finding> find(String text) {
        if (text == null || text.length() < MIN_CARD) {
            return List.of();
        }
        List<Run> runs = digitRuns(text);
        boolean[] opaque = opaque(text, runs);
        List<Finding> hits = new ArrayList<>();
        for (int first = 0; first < runs.size(); first++) {
            if (!opaque[first] && candidateStart(text, runs.get(first))) {
                windows(text, runs, opaque, first, hits);
            }
        }
        return merge(text, hits);
    }

    /**
     * Runs that belong to an identifier, not to text: a UUID (complaint ids are UUIDs, and their digit groups
     * can pass Luhn) or a long hexadecimal token such as a content hash.
     */
    private static boolean[] opaque(String text, List<Run> runs) {
        boolean[] opaque = new boolean[runs.size()];
        List<int[]> uuids = new ArrayList<>();
        Matcher uuid = UUID.matcher(text);
        while (uuid.find()) {
            uuids.add(new int[] {uuid.start(), uuid.end()});
        }
        for (int i = 0; i < runs.size(); i++) {
            Run run = runs.get(i);
            opaque[i] = inHexToken(text, run)
                    || uuids.stream().anyMatch(span -> span[0] <= run.start() && run.end() <= span[1]);
        }
        return opaque;
    }

    private static List<Run> digitRuns(String text) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isDigit(text.charAt(i))) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                runs.add(new Run(start, i));
            } else {
                i++;
            }
        }
        return runs;
    }

    /** Not the decimals of a number ({@code 3.14159…}), not the country code of {@code +86 138 0000 1111}. */
    private static boolean candidateStart(String text, Run run) {
        int before = run.start() - 1;
        boolean decimals = before >= 1 && text.charAt(before) == '.' && Character.isDigit(text.charAt(before - 1));
        boolean phone = before >= 0 && text.charAt(before) == '+';
        return !decimals && !phone;
    }

    private static boolean inHexToken(String text, Run run) {
        int from = run.start();
        while (from > 0 && asciiAlphanumeric(text.charAt(from - 1))) {
            from--;
        }
        int to = run.end();
        while (to < text.length() && asciiAlphanumeric(text.charAt(to))) {
            to++;
        }
        if (to - from < HEX_TOKEN) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiAlphanumeric(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    /**
     * Every candidate starting at run {@code first}: the run alone, then with the runs joined to it by one and
     * the same single separator, up to 19 digits. IDs may be grouped too ({@code 110105 19491231 002X}), the
     * legacy 15-digit form only contiguous since it has no check digit.
     */
    private static void windows(String text, List<Run> runs, boolean[] opaque, int first, List<Finding> hits) {
        char separator = 0;
        StringBuilder digits = new StringBuilder();
        for (int last = first; last < runs.size(); last++) {
            Run run = runs.get(last);
            if (last > first) {
                char joint = joint(text, runs.get(last - 1), run);
                if (joint == 0 || (separator != 0 && joint != separator) || opaque[last]) {
                    return;
                }
                separator = joint;
            }
            digits.append(digits(text, run.start(), run.end()));
            int start = runs.get(first).start();
            int total = digits.length();
            if (total > MAX_CARD) {
                return;
            }
            if (total == 18 && validId18(digits.toString())) {
                hits.add(new Finding(start, run.end(), Kind.NATIONAL_ID, digits.toString()));
            } else if (total == 17 && followedByCheckX(text, run) && validId18(digits + "X")) {
                hits.add(new Finding(start, run.end() + 1, Kind.NATIONAL_ID, digits + "X"));
            } else if (total == 15 && first == last && validId15(digits.toString())) {
                hits.add(new Finding(start, run.end(), Kind.NATIONAL_ID, digits.toString()));
            }
            if (total >= MIN_CARD && cardShaped(runs, first, last, separator, text) && validCard(digits.toString())) {
                hits.add(new Finding(start, run.end(), Kind.BANK_CARD, digits.toString()));
            }
        }
    }

    /** An X right after the run and no digit after the X: the 18th character of an ID. */
    private static boolean followedByCheckX(String text, Run run) {
        int x = run.end();
        return x < text.length() && isX(text.charAt(x)) && (x + 1 == text.length() || !Character.isDigit(text.charAt(x + 1)));
    }

    private static boolean isX(char c) {
        return c == 'X' || c == 'x' || c == 'Ｘ' || c == 'ｘ';
    }

    /** The single separator between two runs, or 0 when they are not joined. */
    private static char joint(String text, Run before, Run after) {
        if (after.start() - before.end() != 1) {
            return 0;
        }
        char c = text.charAt(before.end());
        return c == ' ' || c == '-' || c == '\u00A0' || c == '\u3000' || c == '－' ? c : 0;
    }

    /**
     * One run; a grouping cards are printed in: 4-4-…-(1 to 4), 4-6-5, 4-6-4, 6-(7 to 13); or any other
     * grouping in groups of 2 to 6 digits when it stands whole, nothing joined to it by the same separator
     * (so the 8-4-4-4-12 groups of a UUID never make a card).
     */
    private static boolean cardShaped(List<Run> runs, int first, int last, char separator, String text) {
        if (first == last) {
            return true;
        }
        int groups = last - first + 1;
        int[] sizes = new int[groups];
        boolean small = true;
        for (int g = 0; g < groups; g++) {
            sizes[g] = runs.get(first + g).length();
            small &= sizes[g] >= 2 && sizes[g] <= 6;
        }
        boolean wholeLeft = first == 0 || joint(text, runs.get(first - 1), runs.get(first)) != separator;
        boolean wholeRight = last == runs.size() - 1 || joint(text, runs.get(last), runs.get(last + 1)) != separator;
        if (small && wholeLeft && wholeRight) {
            return true;
        }
        boolean fours = true;
        for (int g = 0; g < groups - 1; g++) {
            fours &= sizes[g] == 4;
        }
        if (fours && sizes[groups - 1] <= 4) {
            return true;
        }
        if (groups == 3 && sizes[0] == 4 && sizes[1] == 6 && (sizes[2] == 4 || sizes[2] == 5)) {
            return true;
        }
        return groups == 2 && sizes[0] == 6 && sizes[1] >= 7;
    }

    private static String digits(String text, int start, int end) {
        StringBuilder digits = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else if (isX(c)) {
                digits.append('X');
            }
        }
        return digits.toString();
    }

    /** Overlapping hits become one span, a national ID if any part of it is one. */
    private static List<Finding> merge(String text, List<Finding> hits) {
        if (hits.isEmpty()) {
            return List.of();
        }
        hits.sort(Comparator.comparingInt(Finding::start).thenComparing(Comparator.comparingInt(Finding::end).reversed()));
        List<Finding> merged = new ArrayList<>();
        Finding current = hits.get(0);
        for (Finding next : hits.subList(1, hits.size())) {
            if (next.start() < current.end()) {
                int end = Math.max(current.end(), next.end());
                Kind kind = current.kind() == Kind.NATIONAL_ID || next.kind() == Kind.NATIONAL_ID
                        ? Kind.NATIONAL_ID : Kind.BANK_CARD;
                current = new Finding(current.start(), end, kind, digits(text, current.start(), end));
            } else {
                merged.add(current);
                current = next;
            }
        }
        merged.add(current);
        return List.copyOf(merged);
    }

    /** 17 digits, then the ISO 7064 MOD 11-2 check character; a province code and a real birth date. */
    static boolean validId18(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11]
                && PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))
                && realDate(id.substring(6, 14));
    }

    /** 15 digits: a province code, the birth date as YYMMDD of the 1900s, a sequence number. */
    static boolean validId15(String id) {
        return id.length() == 15 && PROVINCES.contains(Integer.parseInt(id.substring(0, 2)))
                && realDate("19" + id.substring(6, 12));
    }

    /** 13–19 digits, the issuer prefix of a payment card and a valid Luhn check digit. */
    static boolean validCard(String digits) {
        if (digits.length() < MIN_CARD || digits.length() > MAX_CARD || !cardPrefix(digits)) {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /**
     * Payment cards start with 2 (Mir 2200–2204, Mastercard 2221–2720), 3, 4, 5, 6 or 9 (Chinese domestic
     * cards such as 9558); 0 and 1 start phone numbers, 7 and 8 are not issued to bank cards.
     */
    private static boolean cardPrefix(String digits) {
        return switch (digits.charAt(0)) {
            case '3', '4', '5', '6', '9' -> true;
            case '2' -> {
                int four = Integer.parseInt(digits.substring(0, 4));
                yield four >= 2200 && four <= 2204 || four >= 2221 && four <= 2720;
            }
            default -> false;
        };
    }

    private static boolean realDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        if (year < 1900 || year > 2099) {
            return false;
        }
        try {
            LocalDate.of(year, Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}

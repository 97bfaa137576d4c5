package com.complaintengine.command.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbers 001 §1.3 forbids to store: Chinese national ID numbers (18 characters with a valid
 * ISO 7064 MOD 11-2 check digit, or the 15-digit legacy form with a valid birth date) and bank card numbers
 * (13–19 digits, contiguous or grouped by single spaces or dashes, with a banking prefix 2–6 and a valid
 * Luhn check). The checks keep ordinary numbers — phones, order numbers, amounts, dates — untouched.
 */
public final class PersonalNumberDetector {

    /** What kind of number was found. */
    public enum Kind {
        NATIONAL_ID("national-id", "ID"),
        BANK_CARD("bank-card", "CARD");

        private final String code;
        private final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public String code() {
            return code;
        }

        public String label() {
            return label;
        }
    }

    /** One number found in a text: where it is and what it is. */
    public record Finding(int start, int end, Kind kind, String digits) {
    }

    private static final Pattern ID_18 = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern ID_15 = Pattern.compile("(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])");
    private static final Pattern CARD = Pattern.compile("(?<![0-9A-Za-z])\\d(?:[ -]?\\d){12,18}(?![0-9A-Za-z])");
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    /** Every national ID and bank card number in the text, in order, none overlapping. */
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        collect(ID_18.matcher(text), Kind.NATIONAL_ID, findings, PersonalNumberDetector::validId18);
        collect(ID_15.matcher(text), Kind.NATIONAL_ID, findings, PersonalNumberDetector::validId15);
        collect(CARD.matcher(text), Kind.BANK_CARD, findings, PersonalNumberDetector::validCard);
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return findings;
    }

    private interface Check {
        boolean valid(String digits);
    }

    private static void collect(Matcher matcher, Kind kind, List<Finding> findings, Check check) {
        while (matcher.find()) {
            String digits = matcher.group().replaceAll("[ -]", "");
            int start = matcher.start();
            int end = matcher.end();
            boolean overlaps = findings.stream().anyMatch(f -> start < f.end() && f.start() < end);
            if (!overlaps && check.valid(digits)) {
                findings.add(new Finding(start, end, kind, digits));
            }
        }
    }

    static boolean validId18(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11] && plausibleRegion(id)
                && validDate(id.substring(6, 14));
    }

    static boolean validId15(String id) {
        return plausibleRegion(id) && validDate("19" + id.substring(6, 12));
    }

    static boolean validCard(String digits) {
        if (digits.length() < 13 || digits.length() > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    /** Province codes run from 11 (Beijing) to 82 (Macau). */
    private static boolean plausibleRegion(String id) {
        int region = Integer.parseInt(id.substring(0, 2));
        return region >= 11 && region <= 82;
    }

    private static boolean validDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }
}

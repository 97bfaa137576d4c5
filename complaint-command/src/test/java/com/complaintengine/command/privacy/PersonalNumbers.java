package com.complaintengine.command.privacy;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Deterministic generators for the privacy tests: valid national IDs and bank card numbers written the ways
 * people write them, and ordinary numbers that must stay as written. The checks are computed here, apart
 * from the detector, so a test does not grade the detector with its own arithmetic.
 */
public final class PersonalNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final List<String> PROVINCES = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65");

    private final Random random;

    public PersonalNumbers(long seed) {
        this.random = new Random(seed);
    }

    /** An 18-character ID: province, county, birth date, sequence and its MOD 11-2 check character. */
    public String nationalId() {
        String body = region() + LocalDate.of(1930, 1, 1).plusDays(random.nextInt(33_000)).toString().replace("-", "")
                + digits(3);
        return body + idCheck(body);
    }

    /** An ID whose check character is X, about one in eleven. */
    public String nationalIdEndingInX() {
        String id;
        do {
            id = nationalId();
        } while (id.charAt(17) != 'X');
        return random.nextBoolean() ? id : id.substring(0, 17) + 'x';
    }

    /** A 15-digit ID of before 1999: province, county, YYMMDD, sequence. */
    public String legacyId() {
        return region() + LocalDate.of(1920, 1, 1).plusDays(random.nextInt(29_000)).toString().replace("-", "").substring(2)
                + digits(3);
    }

    /** An ID as it is sometimes grouped: {@code 110105 19491231 002X}. */
    public String groupedId(String id) {
        return id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
    }

    /** A Luhn-valid number of a real card scheme: UnionPay 16/19, Visa 13/16, Mastercard, Amex 15, domestic 9558. */
    public String cardNumber() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> card("62" + digits(2), random.nextBoolean() ? 16 : 19);
            case 2 -> card("4", 16);
            case 3 -> card("4", 13);
            case 4 -> card("5" + (1 + random.nextInt(5)), 16);
            case 5 -> card(String.valueOf(2221 + random.nextInt(500)), 16);
            case 6 -> amex();
            default -> card("9558", 19);
        };
    }

    /** The card number as people write it: contiguous, or in groups with single spaces or dashes. */
    public String written(String card) {
        int style = random.nextInt(4);
        if (style == 0) {
            return card;
        }
        String separator = style == 1 ? " " : "-";
        if (card.length() == 15 && random.nextBoolean()) {
            return card.substring(0, 4) + separator + card.substring(4, 10) + separator + card.substring(10);
        }
        if (card.length() == 19 && style == 3) {
            return card.substring(0, 6) + separator + card.substring(6);
        }
        return card.replaceAll("(\\d{4})(?=\\d)", "$1" + separator);
    }

    /** A number that is none of the two: an order number failing Luhn (and, at 18 digits, the ID check). */
    public String orderNumber() {
        int length = List.of(12, 15, 16, 18, 19).get(random.nextInt(5));
        String body = (1 + random.nextInt(9)) + digits(length - 2);
        if (length == 15) {
            body = "9" + body.substring(1); // 90 is no province: not a legacy ID
        }
        char luhn = luhnDigit(body);
        char id = length == 18 ? idCheck(body) : ' ';
        char last;
        do {
            last = (char) ('0' + random.nextInt(10));
        } while (last == luhn || last == id);
        return body + last;
    }

    /** A mobile number, written as people do. */
    public String mobile() {
        String number = "1" + (3 + random.nextInt(7)) + digits(9);
        return switch (random.nextInt(5)) {
            case 0 -> number;
            case 1 -> number.substring(0, 3) + "-" + number.substring(3, 7) + "-" + number.substring(7);
            case 2 -> number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
            case 3 -> "+86 " + number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
            default -> "+86-" + number;
        };
    }

    public String landline() {
        return random.nextBoolean() ? "010-" + (5 + random.nextInt(4)) + digits(7)
                : "0755-" + (2 + random.nextInt(7)) + digits(3) + " " + digits(4);
    }

    public String hotline() {
        String number = (random.nextBoolean() ? "400" : "800") + digits(7);
        return random.nextBoolean() ? number : number.substring(0, 3) + "-" + number.substring(3, 6) + "-" + number.substring(6);
    }

    public String amount() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(100_000) + "." + digits(2);
            case 1 -> String.format("%,d", 1000 + random.nextInt(999_000));
            default -> String.format("%,d.%s", 1_000_000 + random.nextInt(900_000_000), digits(2));
        };
    }

    public String date() {
        LocalDate date = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2500));
        return switch (random.nextInt(4)) {
            case 0 -> date.toString();
            case 1 -> date.toString().replace('-', '/');
            case 2 -> date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
            default -> date.toString().replace("-", "") + String.format("%02d%02d%02d", random.nextInt(24),
                    random.nextInt(60), random.nextInt(60)); // a compact timestamp, 14 digits
        };
    }

    public String time() {
        return String.format(random.nextBoolean() ? "%02d:%02d" : "%02d:%02d:00", random.nextInt(24), random.nextInt(60));
    }

    /** Any ordinary number. */
    public String ordinary() {
        return switch (random.nextInt(7)) {
            case 0 -> mobile();
            case 1 -> landline();
            case 2 -> hotline();
            case 3 -> orderNumber();
            case 4 -> amount();
            case 5 -> date();
            default -> time();
        };
    }

    /** A number planted in a text: as written, and what it is. */
    public record Planted(String written, PersonalNumberDetector.Kind kind) {

        /** Digits and an upper-case X, no separators. */
        public String compact() {
            return written.replaceAll("[^0-9Xx]", "").toUpperCase();
        }

        /** The mask the guard writes for it: its kind and last four characters. */
        public String mask() {
            String compact = compact();
            return "[" + kind.label() + " ****" + compact.substring(compact.length() - 4) + "]";
        }
    }

    /** Any personal number, in any writing. */
    public Planted secret() {
        return switch (random.nextInt(6)) {
            case 0 -> new Planted(nationalId(), PersonalNumberDetector.Kind.NATIONAL_ID);
            case 1 -> new Planted(nationalIdEndingInX(), PersonalNumberDetector.Kind.NATIONAL_ID);
            case 2 -> new Planted(legacyId(), PersonalNumberDetector.Kind.NATIONAL_ID);
            case 3 -> new Planted(groupedId(nationalId()), PersonalNumberDetector.Kind.NATIONAL_ID);
            default -> new Planted(written(cardNumber()), PersonalNumberDetector.Kind.BANK_CARD);
        };
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    public static char idCheck(String seventeen) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static char luhnDigit(String withoutCheck) {
        int sum = 0;
        boolean doubled = true;
        for (int i = withoutCheck.length() - 1; i >= 0; i--) {
            int d = withoutCheck.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    /** 15 digits from 34 or 37, but never one that reads as a legacy ID too (34 and 37 are provinces). */
    private String amex() {
        String card;
        do {
            card = card(random.nextBoolean() ? "34" : "37", 15);
        } while (realDate("19" + card.substring(6, 12)));
        return card;
    }

    private static boolean realDate(String yyyymmdd) {
        try {
            LocalDate.parse(yyyymmdd, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private String card(String prefix, int length) {
        String body = prefix + digits(length - 1 - prefix.length());
        return body + luhnDigit(body);
    }

    private String region() {
        return PROVINCES.get(random.nextInt(PROVINCES.size())) + String.format("%04d", 100 + random.nextInt(9000));
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }
}

package com.complaintengine.command.pii;

import java.time.LocalDate;
import java.util.Random;

/** Generates valid national ID and bank card numbers, and ordinary numbers that must stay untouched. */
public final class PersonalNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final Random random;

    public PersonalNumbers(long seed) {
        this.random = new Random(seed);
    }

    public String nationalId() {
        String region = String.valueOf(11 + random.nextInt(55)) + String.format("%04d", random.nextInt(10000));
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30000));
        String body = region + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }

    public String legacyId() {
        String region = String.valueOf(11 + random.nextInt(55)) + String.format("%04d", random.nextInt(10000));
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(random.nextInt(25000));
        return region + birth.toString().replace("-", "").substring(2) + String.format("%03d", random.nextInt(1000));
    }

    /** A Luhn-valid card number of 16 or 19 digits with a banking prefix. */
    public String cardNumber() {
        String prefix = random.nextBoolean() ? "62" : String.valueOf(4 + random.nextInt(2));
        int length = random.nextInt(4) == 0 ? 19 : 16;
        StringBuilder digits = new StringBuilder(prefix);
        while (digits.length() < length - 1) {
            digits.append(random.nextInt(10));
        }
        return digits.append(luhnDigit(digits.toString())).toString();
    }

    /** The card number as people write it: contiguous, in groups of four with spaces, or with dashes. */
    public String written(String card) {
        return switch (random.nextInt(3)) {
            case 0 -> card;
            case 1 -> card.replaceAll("(\\d{4})(?=\\d)", "$1 ");
            default -> card.replaceAll("(\\d{4})(?=\\d)", "$1-");
        };
    }

    /** A 16-digit order number that fails Luhn, so it is not a card. */
    public String orderNumber() {
        String card = cardNumber().substring(0, 15);
        char last = luhnDigit(card);
        return card + (char) ('0' + ((last - '0' + 1) % 10));
    }

    public String mobile() {
        return "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
    }

    public String amount() {
        return random.nextInt(500_000) + "." + String.format("%02d", random.nextInt(100));
    }

    static char luhnDigit(String withoutCheck) {
        int sum = 0;
        boolean doubled = true;
        for (int i = withoutCheck.length() - 1; i >= 0; i--) {
            int d = withoutCheck.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }
}

package com.complaintengine.command.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version 7 UUIDs (RFC 9562): the first 48 bits are the Unix time in milliseconds, then the version, 12 random bits,
 * the variant and 62 random bits. The engine's new ids — complaints, group complaints and Axon's message identifiers
 * — are made here so that ids made one after the other sort next to each other: PostgreSQL's B-tree indexes on them
 * (the event store's two unique keys, the summary's and the personal-data key's primary keys, the deadline rows'
 * names) take each new id at their right edge instead of on a random page of an index larger than the buffer cache
 * (docs/decisions.md, "Time-ordered ids"). Still unguessable (74 bits from {@link SecureRandom}, where
 * {@link UUID#randomUUID()} has 122) and still a UUID in the usual text form: clients see no other change. Ids stored
 * before keep their random form.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id for now. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** A new id for this instant (milliseconds since the epoch, 0 to 2^48 - 1). */
    static UUID at(long epochMillis) {
        if (epochMillis < 0 || epochMillis >>> 48 != 0) {
            throw new IllegalArgumentException("a version 7 UUID holds 48 bits of milliseconds, not " + epochMillis);
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long randA = ((random[0] & 0x0fL) << 8) | (random[1] & 0xffL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (random[i] & 0xffL);
        }
        long most = (epochMillis << 16) | 0x7000L | randA;
        long least = (randB & 0x3fff_ffff_ffff_ffffL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    /** The milliseconds since the epoch a version 7 UUID was made at. */
    public static long epochMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException(id + " is a version " + id.version() + " UUID, not 7");
        }
        return id.getMostSignificantBits() >>> 16;
    }
}

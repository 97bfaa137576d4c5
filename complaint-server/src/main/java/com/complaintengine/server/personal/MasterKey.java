package com.complaintengine.server.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The master key (AES-256) and the AES-GCM operations of the erasure scheme: data keys are wrapped by it, personal
 * fields are encrypted with a data key, both bound to their subject (complaint id) as associated data so a
 * ciphertext cannot be moved to another case. Ciphertexts are {@code iv (12 bytes) || ciphertext+tag}.
 */
public final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One cipher per thread, initialized for each operation: {@code Cipher.getInstance} looks up providers each time. */
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private final SecretKey key;
    private final SecretKey contactDigestKey;

    MasterKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("complaint.privacy.master-key must be the base64 of 32 bytes, got "
                    + raw.length + " bytes");
        }
        this.key = new SecretKeySpec(raw, "AES");
        this.contactDigestKey = new SecretKeySpec(hmac(new SecretKeySpec(raw, "HmacSHA256"),
                "contact-digest".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
    }

    /** From the configured base64 value. */
    static MasterKey of(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("complaint.privacy.master-key is not valid base64", e);
        }
    }

    /** The embedded default: the key kept in {@code file}, generated (owner-readable only) at the first start. */
    static MasterKey fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] raw = newDataKey();
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(raw) + "\n");
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    log.debug("cannot restrict permissions of {}", file);
                }
                log.warn("Generated the privacy master key in {}: keep it with the data and back it up; without it no "
                        + "personal data can be read (set COMPLAINT_PRIVACY_MASTER_KEY in production)", file.toAbsolutePath());
            }
            return of(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the privacy master key " + file, e);
        }
    }

    static byte[] newDataKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return raw;
    }

    byte[] wrap(byte[] dataKey, String subject) {
        return encrypt(key, dataKey, subject);
    }

    byte[] unwrap(byte[] wrapped, String subject) {
        return decrypt(key, wrapped, subject);
    }

    /** The digest that finds a customer's cases by contact: case, spaces and punctuation do not matter. */
    String contactDigest(String contact) {
        String normalized = contact.toLowerCase(Locale.ROOT).replaceAll("[\\s\\-().+]", "");
        return HexFormat.of().formatHex(hmac(contactDigestKey, normalized.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] encrypt(SecretKey with, byte[] plain, String subject) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    static byte[] decrypt(SecretKey with, byte[] ivAndSealed, String subject) {
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, with, new GCMParameterSpec(TAG_BITS, ivAndSealed, 0, IV_BYTES));
            cipher.updateAAD(subject.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed for " + subject
                    + " (wrong master key, or the stored value was altered)", e);
        }
    }

    private static byte[] hmac(SecretKey with, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(with);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}

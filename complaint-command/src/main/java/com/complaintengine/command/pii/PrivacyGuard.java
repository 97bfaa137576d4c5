package com.complaintengine.command.pii;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies 001 §1.3 to a whole command: every String in it — nested records and collections included —
 * is scanned, and national ID or bank card numbers are masked (keeping the last four characters) or the
 * command is refused. Typed ids (records named {@code …Id}) are identifiers, not free text, and are left alone.
 */
public final class PrivacyGuard {

    private final PersonalNumberDetector detector = new PersonalNumberDetector();
    private final PrivacyProperties.Mode mode;

    public PrivacyGuard(PrivacyProperties.Mode mode) {
        this.mode = mode;
    }

    /** The text with each number replaced by e.g. {@code [ID ****123X]} or {@code [CARD ****1234]}. */
    public String mask(String text) {
        List<PersonalNumberDetector.Finding> findings = detector.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder();
        int from = 0;
        for (PersonalNumberDetector.Finding finding : findings) {
            masked.append(text, from, finding.start())
                  .append('[').append(finding.kind().label()).append(" ****")
                  .append(finding.digits().substring(finding.digits().length() - 4).toUpperCase())
                  .append(']');
            from = finding.end();
        }
        return masked.append(text.substring(from)).toString();
    }

    /** The command with every personal number masked, or the same instance when there was none. */
    @SuppressWarnings("unchecked")
    public <T> T apply(T command) {
        return (T) scrub(command, "");
    }

    private Object scrub(Object value, String path) {
        if (value instanceof String text) {
            return scrubText(text, path);
        }
        if (value instanceof Record record && !record.getClass().getSimpleName().endsWith("Id")) {
            return scrubRecord(record, path);
        }
        if (value instanceof List<?> list) {
            List<Object> scrubbed = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                scrubbed.add(scrub(list.get(i), path + "[" + i + "]"));
            }
            return scrubbed.equals(list) ? list : List.copyOf(scrubbed);
        }
        if (value instanceof Set<?> set) {
            Set<Object> scrubbed = new LinkedHashSet<>();
            for (Object element : set) {
                scrubbed.add(scrub(element, path));
            }
            return scrubbed.equals(set) ? set : Set.copyOf(scrubbed);
        }
        return value;
    }

    private String scrubText(String text, String path) {
        List<PersonalNumberDetector.Finding> findings = detector.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        if (mode == PrivacyProperties.Mode.REFUSE) {
            throw new PersonalDataRefused(path, findings.get(0).kind());
        }
        return mask(text);
    }

    private Object scrubRecord(Record record, String path) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean changed = false;
        try {
            for (int i = 0; i < components.length; i++) {
                components[i].getAccessor().setAccessible(true);
                Object original = components[i].getAccessor().invoke(record);
                String childPath = path.isEmpty() ? components[i].getName() : path + "." + components[i].getName();
                values[i] = original instanceof Collection<?> || original instanceof String || original instanceof Record
                        ? scrub(original, childPath) : original;
                types[i] = components[i].getType();
                changed |= values[i] != original;
            }
            if (!changed) {
                return record;
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + record.getClass().getName(), e);
        }
    }
}

package com.complaintengine.command.privacy;

import com.complaintengine.command.privacy.PersonalDataRefused.Occurrence;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Applies 001 §1.3 to a whole command: every String in it (nested records, lists, sets, map keys and
 * values, optionals and arrays included) is scanned by the {@link PersonalNumberDetector}.
 * <p>
 * {@link PrivacyProperties.Mode#MASK MASK} replaces each number by {@code [ID ****002X]} or
 * {@code [CARD ****1111]}: the kind and the last four characters, nothing more, and rebuilds the records
 * through their canonical constructors. {@link PrivacyProperties.Mode#REFUSE REFUSE} throws
 * {@link PersonalDataRefused} naming every field and kind found, never the number.
 * <p>
 * The {@link TargetAggregateIdentifier} of a command is never rewritten, which would route the command
 * elsewhere: real ids are UUIDs chosen by the server, so an id holding such a number was typed into a URL and
 * names no aggregate. It is answered as unknown ({@link AggregateNotFoundException}, with the id masked)
 * before Axon tries to load it and logs the id.
 */
public final class PrivacyGuard {

    /** Each record class's components, looked up once (see {@link RecordShape}). */
    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return RecordShape.of(type);
        }
    };

    private final PersonalNumberDetector detector = new PersonalNumberDetector();
    private final PrivacyProperties.Mode mode;

    public PrivacyGuard(PrivacyProperties.Mode mode) {
        this.mode = Objects.requireNonNull(mode, "privacy mode");
    }

    public PrivacyProperties.Mode mode() {
        return mode;
    }

    /** The text with each national ID or bank card number masked, whatever the mode; null stays null. */
    public String mask(String text) {
        List<PersonalNumberDetector.Finding> findings = detector.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int from = 0;
        for (PersonalNumberDetector.Finding finding : findings) {
            String digits = finding.digits();
            masked.append(text, from, finding.start())
                  .append('[').append(finding.kind().label()).append(" ****")
                  .append(digits, digits.length() - 4, digits.length())
                  .append(']');
            from = finding.end();
        }
        return masked.append(text, from, text.length()).toString();
    }

    /**
     * The command with every personal number masked, or the same instance when it held none.
     *
     * @throws PersonalDataRefused in REFUSE mode, when it held any
     */
    @SuppressWarnings("unchecked")
    public <T> T apply(T command) {
        List<Occurrence> found = new ArrayList<>();
        Object guarded = scrub(command, "", found);
        if (mode == PrivacyProperties.Mode.REFUSE && !found.isEmpty()) {
            throw new PersonalDataRefused(found);
        }
        return (T) guarded;
    }

    private Object scrub(Object value, String path, List<Occurrence> found) {
        if (value instanceof String text) {
            return scrubText(text, path, found);
        }
        if (value instanceof Record record) {
            return scrubRecord(record, path, found);
        }
        if (value instanceof List<?> list) {
            List<Object> scrubbed = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                scrubbed.add(scrub(list.get(i), path + "[" + i + "]", found));
            }
            return sameElements(list, scrubbed) ? list : Collections.unmodifiableList(scrubbed);
        }
        if (value instanceof Set<?> set) {
            List<Object> scrubbed = new ArrayList<>(set.size());
            for (Object element : set) {
                scrubbed.add(scrub(element, path + "[]", found));
            }
            return sameElements(set, scrubbed) ? set : Collections.unmodifiableSet(new LinkedHashSet<>(scrubbed));
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> scrubbed = new LinkedHashMap<>();
            boolean changed = false;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey() instanceof String text ? scrubText(text, path + "[]", found) : entry.getKey();
                // A key that held a number is not repeated in the path of its value.
                String entryPath = key == entry.getKey() ? path + "[" + key + "]" : path + "[]";
                Object element = scrub(entry.getValue(), entryPath, found);
                changed |= key != entry.getKey() || element != entry.getValue();
                scrubbed.put(key, element);
            }
            return changed ? Collections.unmodifiableMap(scrubbed) : map;
        }
        if (value instanceof Optional<?> optional && optional.isPresent()) {
            Object element = scrub(optional.get(), path, found);
            return element == optional.get() ? optional : Optional.of(element);
        }
        if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
            return scrubArray(value, path, found);
        }
        return value;
    }

    private String scrubText(String text, String path, List<Occurrence> found) {
        List<PersonalNumberDetector.Finding> findings = detector.find(text);
        if (findings.isEmpty()) {
            return text;
        }
        findings.stream().map(PersonalNumberDetector.Finding::kind).distinct()
                .forEach(kind -> found.add(new Occurrence(path, kind)));
        return mask(text);
    }

    private Object scrubRecord(Record record, String path, List<Occurrence> found) {
        RecordShape shape = SHAPES.get(record.getClass());
        RecordShape.Component[] components = shape.components();
        Object[] values = new Object[components.length];
        boolean changed = false;
        for (int i = 0; i < components.length; i++) {
            RecordShape.Component component = components[i];
            Object original = component.read(record);
            String componentPath = path.isEmpty() ? component.name() : path + "." + component.name();
            values[i] = scrub(original, componentPath, component.routingKey() ? new ArrayList<>() : found);
            if (component.routingKey() && values[i] != original) {
                throw new AggregateNotFoundException(String.valueOf(values[i]), "no aggregate with this id");
            }
            changed |= values[i] != original;
        }
        return changed ? shape.rebuild(values) : record;
    }

    /**
     * What the guard needs of a record class, looked up once per class: reading its components by reflection on every
     * command cost 5 % of the server's CPU at intake ({@code Class.getRecordComponents()} copies them on each call;
     * docs/performance.md, 2026-12-05).
     */
    private record RecordShape(Class<?> type, Component[] components, Class<?>[] types) {

        record Component(String name, Method accessor, boolean routingKey) {

            Object read(Record record) {
                try {
                    return accessor.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + record.getClass().getName() + "." + name, e);
                }
            }
        }

        static RecordShape of(Class<?> type) {
            RecordComponent[] declared = type.getRecordComponents();
            Component[] components = new Component[declared.length];
            Class<?>[] types = new Class<?>[declared.length];
            for (int i = 0; i < declared.length; i++) {
                RecordComponent component = declared[i];
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                boolean routingKey = component.isAnnotationPresent(TargetAggregateIdentifier.class)
                        || fieldAnnotated(type, component.getName());
                components[i] = new Component(component.getName(), accessor, routingKey);
                types[i] = component.getType();
            }
            return new RecordShape(type, components, types);
        }

        Object rebuild(Object[] values) {
            try {
                Constructor<?> canonical = type.getDeclaredConstructor(types);
                canonical.setAccessible(true);
                return canonical.newInstance(values);
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot rebuild " + type.getName(), e);
            }
        }
    }

    /** Axon reads {@code @TargetAggregateIdentifier} from the record's field, where the annotation lands. */
    private static boolean fieldAnnotated(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name).isAnnotationPresent(TargetAggregateIdentifier.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private Object scrubArray(Object array, String path, List<Occurrence> found) {
        int length = Array.getLength(array);
        Object copy = Array.newInstance(array.getClass().getComponentType(), length);
        boolean changed = false;
        for (int i = 0; i < length; i++) {
            Object element = Array.get(array, i);
            Object scrubbed = scrub(element, path + "[" + i + "]", found);
            changed |= scrubbed != element;
            Array.set(copy, i, scrubbed);
        }
        return changed ? copy : array;
    }

    private static boolean sameElements(Iterable<?> original, List<Object> scrubbed) {
        int i = 0;
        for (Object element : original) {
            if (scrubbed.get(i++) != element) {
                return false;
            }
        }
        return true;
    }
}

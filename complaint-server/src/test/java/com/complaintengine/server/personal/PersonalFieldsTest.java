package com.complaintengine.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.GroupComplaintId;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: every text field of every event record in complaint-api is classified personal or not in
 * {@link PersonalFields}, exactly once, so a new event or a new field cannot reach the event store unclassified
 * (and, if personal, unencrypted and unerasable).
 */
class PersonalFieldsTest {

    private static final String EVENTS = "com.complaintengine.api.events";

    private static List<Class<?>> eventRecords() {
        List<Class<?>> records = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(EVENTS)) {
            Class<?> reflected = type.reflect();
            if (reflected.isRecord() && reflected.getPackageName().equals(EVENTS)) {
                records.add(reflected);
            }
        }
        return records;
    }

    /** The JSON paths of every text of a record: strings, lists/sets of strings, and the texts of nested records. */
    static Set<String> textPaths(Class<?> record) {
        Set<String> paths = new TreeSet<>();
        collect(record, "", paths);
        return paths;
    }

    private static void collect(Class<?> record, String prefix, Set<String> paths) {
        for (RecordComponent component : record.getRecordComponents()) {
            String path = prefix + component.getName();
            Class<?> type = component.getType();
            if (type == String.class) {
                paths.add(path);
            } else if (Collection.class.isAssignableFrom(type)) {
                Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
                if (element == String.class) {
                    paths.add(path);
                } else if (element instanceof Class<?> elementClass && elementClass.isRecord()) {
                    collect(elementClass, path + "[].", paths);
                }
            } else if (type.isRecord() && type != ComplaintId.class && type != GroupComplaintId.class) {
                // Typed ids are identifiers, not text; every other record of the API is looked into.
                collect(type, path + ".", paths);
            }
        }
    }

    @Test
    @DisplayName("every text field of every event is classified personal or not personal")
    void everyTextFieldIsClassified() {
        List<Class<?>> events = eventRecords();
        assertThat(events).hasSizeGreaterThan(30);
        Map<String, Set<String>> unclassified = new TreeMap<>();
        Map<String, Set<String>> unknown = new TreeMap<>();
        for (Class<?> event : events) {
            Set<String> texts = textPaths(event);
            Set<String> missing = new TreeSet<>(texts);
            missing.removeAll(PersonalFields.classified(event));
            if (!missing.isEmpty()) {
                unclassified.put(event.getSimpleName(), missing);
            }
            Set<String> stale = new TreeSet<>(PersonalFields.classified(event));
            stale.removeAll(texts);
            if (!stale.isEmpty()) {
                unknown.put(event.getSimpleName(), stale);
            }
            assertThat(PersonalFields.contradictions(event)).as(event.getSimpleName() + " personal and not").isEmpty();
        }
        assertThat(unclassified).as("text fields not classified in PersonalFields").isEmpty();
        assertThat(unknown).as("paths in PersonalFields that the event does not have").isEmpty();
    }

    @Test
    @DisplayName("the customer's name and contact and the free texts that may name a person are personal")
    void namesContactsAndFreeTextArePersonal() {
        assertThat(PersonalFields.of(com.complaintengine.api.events.ComplaintReceived.class))
                .extracting(PersonalFields.Path::path)
                .contains("customer.name", "customer.contact", "facts", "expectation", "emotion");
        assertThat(PersonalFields.of(com.complaintengine.api.events.ComplaintMarkedTypical.class))
                .extracting(PersonalFields.Path::path).containsExactlyInAnyOrder("scenario", "wording", "tags");
        assertThat(PersonalFields.of(com.complaintengine.api.events.GroupComplaintRegistered.class))
                .extracting(PersonalFields.Path::path)
                .contains("representatives[].name", "representatives[].contact");
        // The erasure events themselves hold no personal data.
        assertThat(PersonalFields.of(com.complaintengine.api.events.CustomerDataErased.class)).isEmpty();
        assertThat(textPaths(com.complaintengine.api.events.CustomerDataErased.class)).isEmpty();
    }
}

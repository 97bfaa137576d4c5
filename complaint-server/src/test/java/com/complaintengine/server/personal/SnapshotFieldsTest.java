package com.complaintengine.server.personal;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.values.ComplaintId;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the complaint's fields are what its snapshot stores. Every text in them is classified personal or not in
 * {@link PersonalFields}, so a new field holding a person's words cannot reach {@code snapshot_event_entry} in clear
 * text; and the aggregate carries the revision its snapshots are filtered by.
 */
class SnapshotFieldsTest {

    private static Class<?> complaint() throws ClassNotFoundException {
        return Class.forName(PersonalFields.COMPLAINT_AGGREGATE);
    }

    /** The JSON paths of every text of the aggregate's state: {@code a.b}, {@code list[].b}, {@code map{}.b}. */
    private static Set<String> statePaths(Class<?> aggregate) {
        Set<String> paths = new TreeSet<>();
        for (Field field : aggregate.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            collect(field.getName(), field.getType(), field.getGenericType(), paths);
        }
        return paths;
    }

    private static void collect(String path, Class<?> type, Type generic, Set<String> paths) {
        if (type == String.class) {
            paths.add(path);
        } else if (type == ComplaintId.class || type.isPrimitive() || type.isEnum() || type == Boolean.class
                || type == Instant.class) {
            return;
        } else if (type.isRecord()) {
            PersonalFieldsTest.textPaths(type).forEach(p -> paths.add(path + "." + p));
        } else if (Collection.class.isAssignableFrom(type)) {
            element(path + "[]", ((ParameterizedType) generic).getActualTypeArguments()[0], paths);
        } else if (Map.class.isAssignableFrom(type)) {
            element(path + "{}", ((ParameterizedType) generic).getActualTypeArguments()[1], paths);
        } else {
            throw new AssertionError("a field of a type this test cannot look into: " + path + " " + type
                    + " (teach the test, and classify its texts in PersonalFields)");
        }
    }

    private static void element(String path, Type element, Set<String> paths) {
        if (element == String.class) {
            paths.add(path.substring(0, path.length() - 2)); // a list of texts is classified as a whole
        } else if (element instanceof Class<?> type && type.isRecord()) {
            PersonalFieldsTest.textPaths(type).forEach(p -> paths.add(path + "." + p));
        } else if (!(element instanceof Class<?> type && type.isEnum())) {
            throw new AssertionError("an element type this test cannot look into: " + path + " " + element);
        }
    }

    @Test
    @DisplayName("every text of the complaint's snapshotted state is classified personal or not")
    void everyTextOfTheStateIsClassified() throws Exception {
        Set<String> texts = statePaths(complaint());
        assertThat(texts).contains("offered[].description", "chosen.description", "clocks{}.policyVersion");
        assertThat(PersonalFields.classifiedState(PersonalFields.COMPLAINT_AGGREGATE)).isEqualTo(texts);
    }

    @Test
    @DisplayName("the options' descriptions, personal in the events they come from, are personal in the snapshot")
    void descriptionsArePersonal() throws Exception {
        assertThat(PersonalFields.of(complaint())).extracting(PersonalFields.Path::path)
                .containsExactlyInAnyOrder("offered[].description", "chosen.description");
        assertThat(PersonalFields.of(com.complaintengine.api.events.RemedyOptionsOffered.class))
                .extracting(PersonalFields.Path::path).contains("options[].description");
    }

    @Test
    @DisplayName("the complaint carries a @Revision: its snapshots are read only by the same revision")
    void complaintHasARevision() throws Exception {
        assertThat(complaint().getAnnotation(Revision.class)).isNotNull();
    }
}

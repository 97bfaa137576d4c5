package com.complaintengine.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: docs/events.md, the published contract, is generated from the records of this module — each event's
 * class Javadoc is its description, its components are its fields, {@code @Revision} its revision — and this test
 * fails when the file differs from what the code says. Regenerate it with
 * {@code ./mvnw -o -B test -pl complaint-api -Dtest=EventsDocumentTest -Devents.write=true}.
 */
class EventsDocumentTest {

    private static final Path SOURCES = Path.of("src/main/java/com/complaintengine/api");
    private static final Path DOCUMENT = Path.of("../docs/events.md");
    private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/\\s*(?:@[A-Za-z]+(?:\\([^)]*\\))?\\s*)*"
            + "public\\s+(?:final\\s+)?(?:record|enum|class|interface)\\s+(\\w+)", Pattern.DOTALL);

    @Test
    @DisplayName("issue 6: every event is a record with a revision and a description")
    void everyEventIsDescribedAndRevised() throws IOException {
        for (Path source : sources("events")) {
            Class<?> type = type("events", source);
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type + " has @Revision").isNotNull();
            assertThat(javadoc(source)).as(type + " has a class Javadoc").isNotBlank();
        }
    }

    @Test
    @DisplayName("issue 6: docs/events.md is what the event records say (regenerate with -Devents.write=true)")
    void documentMatchesTheCode() throws IOException {
        String generated = document();
        if (Boolean.getBoolean("events.write")) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
        }
        String current = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        assertThat(current).as("docs/events.md is out of date: run ./mvnw -o -B test -pl complaint-api "
                + "-Dtest=EventsDocumentTest -Devents.write=true and commit the file").isEqualTo(generated);
    }

    private static String document() throws IOException {
        StringBuilder doc = new StringBuilder();
        doc.append("# Complaint events: the contract\n\n")
           .append("<!-- Generated from complaint-api by EventsDocumentTest; do not edit by hand. Regenerate with\n")
           .append("     ./mvnw -o -B test -pl complaint-api -Dtest=EventsDocumentTest -Devents.write=true -->\n\n")
           .append("Every event of the engine, as other services receive it in `data` (HTTP feed `GET /api/events`, ")
           .append("the stream, the broker; see [consumers.md](consumers.md)). Names and fields are permanent: fields are ")
           .append("added, never renamed or removed; a change of shape is a new revision, and the engine upcasts ")
           .append("stored events so that consumers always get the current revision. Instants are ISO-8601 text, ")
           .append("amounts decimal numbers, ids strings; a field may be `null` where the description says so.\n\n")
           .append("## Revisions\n\n")
           .append("| event | revision | change |\n|---|---|---|\n")
           .append("| every event | 1 | first published shape |\n")
           .append("| `EvidenceAdded` | 2 | adds `hashAlgorithm`; revision-1 events are served with `\"SHA-256\"` ")
           .append("(upcaster `EvidenceAddedUpcaster`) |\n\n")
           .append("## Events\n\n");
        for (Path source : sources("events")) {
            Class<?> type = type("events", source);
            Revision revision = type.getAnnotation(Revision.class);
            doc.append("### ").append(type.getSimpleName()).append(" (revision ")
               .append(revision == null ? "none" : revision.value()).append(")\n\n")
               .append(describe(javadoc(source), type)).append("\n\n")
               .append(fields(type)).append('\n');
        }
        doc.append("## Value types\n\nThe shapes used inside the events' fields.\n\n");
        for (Path source : sources("values")) {
            Class<?> type = type("values", source);
            if (!type.isRecord() && !type.isEnum()) {
                continue;
            }
            doc.append("### ").append(type.getSimpleName()).append("\n\n");
            String description = javadoc(source);
            if (!description.isBlank()) {
                doc.append(describe(description, type)).append("\n\n");
            }
            if (typedId(type)) {
                doc.append("Written as a plain JSON string (its `value`).\n\n");
            } else if (type.isEnum()) {
                doc.append("One of: ").append(Arrays.stream(type.getEnumConstants()).map(c -> "`" + c + "`")
                        .collect(Collectors.joining(", "))).append(".\n\n");
            } else {
                doc.append(fields(type)).append('\n');
            }
        }
        return doc.toString();
    }

    /** A typed id (one {@code value} and a static {@code of(String)}) is written as a plain string. */
    private static boolean typedId(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        try {
            return components != null && components.length == 1 && components[0].getName().equals("value")
                    && Modifier.isStatic(type.getMethod("of", String.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String fields(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null || components.length == 0) {
            return "No fields.\n";
        }
        StringBuilder table = new StringBuilder("| field | type |\n|---|---|\n");
        for (RecordComponent component : components) {
            table.append("| `").append(component.getName()).append("` | `")
                 .append(simpleTypeName(component.getGenericType().getTypeName())).append("` |\n");
        }
        return table.toString();
    }

    /** {@code java.util.Set<com.complaintengine.api.values.SpecialCircumstance>} → {@code Set<SpecialCircumstance>}. */
    private static String simpleTypeName(String typeName) {
        return typeName.replaceAll("[a-z][a-z0-9_]*\\.", "").replace("$", ".");
    }

    /** The Javadoc as Markdown text: one paragraph, {@code {@code x}} as `x`, {@code {@value #X}} resolved. */
    private static String describe(String javadoc, Class<?> type) {
        String text = javadoc.replaceAll("<p>", "\n\n").replaceAll("\\s*\n\\s*\n\\s*", "\u0000")
                             .replaceAll("\\s+", " ").replace("\u0000", "\n\n").strip();
        Matcher value = Pattern.compile("\\{@value #(\\w+)}").matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (value.find()) {
            value.appendReplacement(resolved, Matcher.quoteReplacement("`" + constant(type, value.group(1)) + "`"));
        }
        value.appendTail(resolved);
        return resolved.toString().replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "`$1`");
    }

    private static Object constant(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            if (!Modifier.isStatic(field.getModifiers())) {
                throw new IllegalStateException(type + "." + name + " is not a constant");
            }
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The class Javadoc of a source file without its comment markers, or empty. */
    private static String javadoc(Path source) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        String name = source.getFileName().toString().replace(".java", "");
        Matcher matcher = JAVADOC.matcher(text);
        while (matcher.find()) {
            if (matcher.group(2).equals(name)) {
                return Arrays.stream(matcher.group(1).split("\n")).map(line -> line.replaceFirst("^\\s*\\* ?", ""))
                             .collect(Collectors.joining("\n")).strip();
            }
        }
        return "";
    }

    private static List<Path> sources(String packageName) throws IOException {
        try (Stream<Path> files = Files.list(SOURCES.resolve(packageName))) {
            List<Path> sorted = new ArrayList<>(files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("package-info.java")).toList());
            sorted.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
            return sorted;
        }
    }

    private static Class<?> type(String packageName, Path source) {
        String name = "com.complaintengine.api." + packageName + "." + source.getFileName().toString().replace(".java", "");
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

package com.complaintengine.command.privacy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 8: lets an intake form show what the privacy guard will do to its texts before they are submitted
 * (001 §1.3): each text masked as the command would be, with the kinds of number found, and whether the engine
 * masks or refuses them. Computes and writes nothing; the texts are not logged.
 */
@RestController
@RequestMapping("/api/privacy/masking-preview")
class MaskingPreviewController {

    private final PrivacyGuard guard;
    private final PersonalNumberDetector detector = new PersonalNumberDetector();

    MaskingPreviewController(PrivacyGuard guard) {
        this.guard = guard;
    }

    /** The texts of a form by field name, e.g. {@code {"texts": {"facts": "...", "expectation": "..."}}}. */
    record PreviewRequest(@NotNull @Size(max = 20) Map<@Size(min = 1, max = 60) String, @Size(max = 4000) String> texts) {
    }

    /** {@code found}: the kinds found, in order ({@code national-id}, {@code bank-card}); empty when none. */
    record PreviewText(String masked, List<String> found) {
    }

    /** {@code mode}: MASK (the numbers are masked on submission) or REFUSE (the submission is refused). */
    record PreviewAnswer(String mode, Map<String, PreviewText> texts) {
    }

    @PostMapping
    PreviewAnswer preview(@Valid @RequestBody PreviewRequest request) {
        Map<String, PreviewText> texts = new LinkedHashMap<>();
        request.texts().forEach((field, text) -> {
            String value = text == null ? "" : text;
            List<String> found = detector.find(value).stream().map(finding -> finding.kind().code()).toList();
            texts.put(field, new PreviewText(guard.mask(value), found));
        });
        return new PreviewAnswer(guard.mode().name(), texts);
    }
}

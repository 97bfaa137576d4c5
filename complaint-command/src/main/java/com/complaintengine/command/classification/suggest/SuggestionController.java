package com.complaintengine.command.classification.suggest;

import com.complaintengine.api.values.SuggestedClassification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lets an intake form show the suggestion with its reasons before the complaint is recorded; writes nothing. */
@RestController
@RequestMapping("/api/classification/suggestions")
class SuggestionController {

    private final ClassificationSuggester suggester;

    SuggestionController(ClassificationSuggester suggester) {
        this.suggester = suggester;
    }

    record SuggestionRequest(@NotBlank @Size(max = 4000) String facts,
                             @Size(max = 2000) String expectation,
                             @Size(max = 200) String channelDetail) {
    }

    record SuggestionAnswer(String type, String subtype, String urgency, String tag, java.util.List<String> reasons) {
    }

    @PostMapping
    SuggestionAnswer suggest(@Valid @RequestBody SuggestionRequest request) {
        SuggestedClassification s = suggester.suggest(request.facts(), request.expectation(), request.channelDetail());
        return new SuggestionAnswer(s.type(), s.subtype(), s.urgency().name(),
                s.type() + "-" + s.subtype() + "-" + s.urgency(), s.reasons());
    }
}

package com.complaintengine.server.personal;

import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.command.web.InvalidField;
import com.complaintengine.command.web.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/erasures} (issue 7, ADMIN): erase the personal data of one complaint, of every complaint of
 * the customer with a contact, or of one group complaint. Each is recorded as an event with basis REQUEST and the
 * operator; the answer lists what was erased.
 */
@RestController
class ErasureController {

    /** Exactly one of the three. */
    record ErasureRequest(String complaintId, String contact, String groupComplaintId) {
    }

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @PostMapping("/api/admin/erasures")
    ResponseEntity<?> erase(@RequestBody ErasureRequest request, Operator operator) {
        List<String> given = new ArrayList<>();
        if (present(request.complaintId())) {
            given.add("complaintId");
        }
        if (present(request.contact())) {
            given.add("contact");
        }
        if (present(request.groupComplaintId())) {
            given.add("groupComplaintId");
        }
        if (given.size() != 1) {
            throw new InvalidField(given.isEmpty() ? "complaintId" : given.get(1),
                    "name exactly one of complaintId, contact, groupComplaintId");
        }
        if (present(request.complaintId())) {
            erasures.eraseComplaint(request.complaintId().trim(), ErasureBasis.REQUEST, operator.asMetaData());
            return ResponseEntity.ok(Map.of("complaintIds", List.of(request.complaintId().trim()), "groupComplaintIds", List.of()));
        }
        if (present(request.groupComplaintId())) {
            erasures.eraseGroup(request.groupComplaintId().trim(), ErasureBasis.REQUEST, operator.asMetaData());
            return ResponseEntity.ok(Map.of("complaintIds", List.of(), "groupComplaintIds", List.of(request.groupComplaintId().trim())));
        }
        List<String> erased = erasures.eraseCustomer(request.contact(), operator.asMetaData());
        if (erased.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "no complaint with personal data left has this contact");
            problem.setTitle("No personal data found");
            problem.setProperty("code", "no-personal-data");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
        }
        return ResponseEntity.ok(Map.of("complaintIds", erased, "groupComplaintIds", List.of()));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}

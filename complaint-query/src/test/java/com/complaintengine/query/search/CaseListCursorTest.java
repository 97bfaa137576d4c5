package com.complaintengine.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.query.search.CaseSearch.Cursor;
import com.complaintengine.query.search.CaseSearch.Sort;
import com.complaintengine.query.web.BadQueryParameter;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseListCursorTest {

    @Test
    @DisplayName("a cursor carries its sort, the last row's value to the microsecond and its id")
    void roundTrip() {
        Cursor cursor = new Cursor(Sort.UPDATED_ASC, Instant.parse("2026-11-23T08:00:00.123456Z"), "C-1|2");
        assertThat(CaseList.decode(CaseList.encode(cursor), Sort.UPDATED_ASC)).isEqualTo(cursor);
        Cursor noDue = new Cursor(Sort.DUE_ASC, null, "C-9");
        assertThat(CaseList.decode(CaseList.encode(noDue), Sort.DUE_ASC)).isEqualTo(noDue);
    }

    @Test
    @DisplayName("a cursor of another sort, or one the list never gave out, is refused naming the cursor")
    void refusals() {
        String received = CaseList.encode(new Cursor(Sort.RECEIVED_DESC, Instant.EPOCH, "C-1"));
        assertThatThrownBy(() -> CaseList.decode(received, Sort.UPDATED_DESC)).isInstanceOf(BadQueryParameter.class)
                .hasMessageContaining("RECEIVED_DESC").extracting(e -> ((BadQueryParameter) e).parameter())
                .isEqualTo("cursor");
        assertThatThrownBy(() -> CaseList.decode("not a cursor!", Sort.RECEIVED_DESC))
                .isInstanceOf(BadQueryParameter.class).extracting(e -> ((BadQueryParameter) e).parameter())
                .isEqualTo("cursor");
        assertThatThrownBy(() -> CaseList.decode("MXxOT1BFfDF8eA", Sort.RECEIVED_DESC))
                .isInstanceOf(BadQueryParameter.class).extracting(e -> ((BadQueryParameter) e).parameter())
                .isEqualTo("cursor");
    }
}

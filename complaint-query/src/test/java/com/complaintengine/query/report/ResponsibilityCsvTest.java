package com.complaintengine.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ResponsibilityCsvTest {

    @Test
    @DisplayName("one header, one row per department then per handler, empty cells for missing figures")
    void rowsAndCells() {
        ResponsibilityReport.Line department = new ResponsibilityReport.Line("客服部", null, 12, 10, 2,
                Map.of("FIRST_RESPONSE", 1L, "RESOLUTION", 2L), 3600L, 7200L, 0.1, 3, 4.25, 0.5);
        ResponsibilityReport.Line handler = new ResponsibilityReport.Line("li, wei", "客服部", 5, 0, 0, Map.of(),
                null, null, null, 0, null, null);
        String csv = ResponsibilityCsv.render(new ResponsibilityReport(null, null, List.of(), List.of(department),
                List.of(handler), List.of()));
        assertThat(csv).startsWith("\uFEFF");
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo("level,name,department,received,resolved,overdue,breaches_first_response,"
                + "breaches_resolution,breaches_progress_update,breaches_supervisor_callback,breaches_initial_plan,"
                + "average_handling_seconds,p90_handling_seconds,reopen_rate,escalations,average_satisfaction,"
                + "satisfaction_response_rate");
        assertThat(lines[1]).isEqualTo("department,客服部,,12,10,2,1,2,0,0,0,3600,7200,0.1,3,4.25,0.5");
        assertThat(lines[2]).isEqualTo("handler,\"li, wei\",客服部,5,0,0,0,0,0,0,0,,,,0,,");
    }

    @Test
    @DisplayName("quotes are doubled, and a cell a spreadsheet would run as a formula is defused")
    void escaping() {
        assertThat(ResponsibilityCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResponsibilityCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(ResponsibilityCsv.cell("@sum")).isEqualTo("'@sum");
        assertThat(ResponsibilityCsv.cell("-12.5")).isEqualTo("-12.5");
        assertThat(ResponsibilityCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }
}

package com.complaintengine.query.search;

import java.util.List;

/** A page of the case list; {@code nextCursor} is null on the last page. */
public record CasePage(List<CaseRow> items, String nextCursor) {
}

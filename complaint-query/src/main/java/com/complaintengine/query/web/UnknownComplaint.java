package com.complaintengine.query.web;

/** No complaint (or no case the caller may see) has this id: answered 404. */
public class UnknownComplaint extends RuntimeException {

    public UnknownComplaint(String id) {
        super("no complaint with id " + id);
    }
}

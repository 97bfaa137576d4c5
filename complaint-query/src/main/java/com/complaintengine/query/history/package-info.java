/** The auditor's view: a complaint's complete history read from the event store. */
package com.complaintengine.query.history;

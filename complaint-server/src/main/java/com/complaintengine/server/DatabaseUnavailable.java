package com.complaintengine.server;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means PostgreSQL cannot be reached right now (down, restarting, no free connection in time),
 * as opposed to a fault of the request or of the engine: such a request is answered 503 with a Retry-After, and
 * the next one succeeds once the database is back (the pool reconnects by itself).
 */
final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable failure) {
        return find(failure) != null;
    }

    static String describe(Throwable failure) {
        Throwable cause = find(failure);
        return cause == null ? "" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable find(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException) {
                return cause;
            }
            if (cause instanceof TransactionSystemException && cause.getCause() instanceof SQLException) {
                // The connection died under the transaction (the pool had already closed it when Spring ended it).
                return cause;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                // 08: connection exceptions; 57P01-57P03: the server is shutting down or starting up.
                return cause;
            }
        }
        return null;
    }
}

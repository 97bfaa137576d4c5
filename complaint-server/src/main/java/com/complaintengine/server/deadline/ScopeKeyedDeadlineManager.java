package com.complaintengine.server.deadline;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.task.Priority;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Axon's db-scheduler deadline manager with each aggregate deadline's row named by its scope and name (issue 9):
 * {@code <aggregate type>:<identifier>|<deadline name>|<random uuid>} ({@link #key}). Cancelling one complaint's
 * deadlines then deletes its rows by a range of that name, where Axon's manager reads and deserializes every waiting
 * deadline of every complaint; and a new row is inserted without db-scheduler's look-up first (the uuid makes it new),
 * the rows a command schedules together in one JDBC batch at its commit ({@link #pendingInserts}).
 * Firing is Axon's, unchanged: the rows hold the task and data Axon's own rows hold.
 * <p>
 * Rows written before this manager (a bare uuid) are renamed after start ({@link #renameEarlierRows}). A cancel does
 * not find such a row before that, nor a row being fired at that moment (left to finish, where Axon's cancel would fail
 * the command): either fires into a clock that checks its {@code dueAt} and changes nothing once stopped or moved.
 */
public class ScopeKeyedDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(ScopeKeyedDeadlineManager.class);

    /** Axon's task name for deadlines ("AxonDeadline"), read from Axon: its constant is not public. */
    static final String TASK_NAME = new DbSchedulerDeadlineToken("").getTaskName();
    private static final char SEPARATOR = '|';
    /** The character after {@link #SEPARATOR}: a name's rows lie between "key|" and "key}" in byte order. */
    private static final char AFTER_SEPARATOR = SEPARATOR + 1;

    /** The priority db-scheduler gives a task instance by default, so the row sorts as its own would if enabled. */
    private static final String INSERT = "insert into scheduled_tasks (task_name, task_instance, task_data,"
            + " execution_time, picked, version, priority) values (?, ?, ?, ?, false, 1, " + Priority.MEDIUM + ")";
    /**
     * A name's rows by a range in byte order. The column compares in byte order since V12, so its primary key serves
     * the range; the explicit collation keeps the statement right, and served by V11's index, on a database a node of
     * this version meets before V12 has run (a rolling upgrade).
     */
    private static final String DELETE_KEYED = "delete from scheduled_tasks where task_name = ?"
            + " and task_instance collate \"C\" >= ? and task_instance collate \"C\" < ? and not picked";
    private static final String UNKEYED_PAGE = "select task_instance, task_data, picked from scheduled_tasks"
            + " where task_name = ? and strpos(task_instance, '|') = 0 and task_instance collate \"C\" > ?"
            + " order by task_instance collate \"C\" limit ?";
    private static final String RENAME = "update scheduled_tasks set task_instance = ? where task_name = ?"
            + " and task_instance = ? and not picked";
    /** The unit of work's resource holding the rows it has scheduled since its last cancel. */
    private static final String PENDING_INSERTS = ScopeKeyedDeadlineManager.class.getName() + ".pendingInserts";
    private static final String DELETE_BY_UUID = "delete from scheduled_tasks where task_name = ?"
            + " and (task_instance = ? or right(task_instance, ?) = ?) and not picked";

    private final org.axonframework.serialization.Serializer serializer;
    private final Serializer taskDataSerializer;
    private final DeadlineManagerSpanFactory spanFactory;
    private final JdbcTemplate jdbc;

    /**
     * @param builder            Axon's builder with the scheduler, scope provider, serializer, transactions and spans
     * @param serializer         the serializer given to {@code builder} (the builder does not expose it)
     * @param spanFactory        the span factory given to {@code builder}
     * @param taskDataSerializer the serializer db-scheduler reads the rows' task data with
     * @param jdbc               on the data source db-scheduler uses, joining the command's transaction
     */
    public ScopeKeyedDeadlineManager(Builder builder, org.axonframework.serialization.Serializer serializer,
                                     DeadlineManagerSpanFactory spanFactory, Serializer taskDataSerializer,
                                     JdbcTemplate jdbc) {
        super(builder);
        this.serializer = serializer;
        this.spanFactory = spanFactory;
        this.taskDataSerializer = taskDataSerializer;
        this.jdbc = jdbc;
    }

    /**
     * Returns the row's uuid: the scope's part of the row name is known only at commit (a new complaint's identifier
     * is not readable while its constructor runs), where Axon returns the whole name it writes.
     */
    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        if (!(deadlineScope instanceof AggregateScopeDescriptor)) {
            return super.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        }
        DeadlineMessage<Object> message =
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime);
        String uuid = UUID.randomUUID().toString();
        Supplier<Object[]> row = () -> spanFactory.createScheduleSpan(deadlineName, uuid, message).runSupplier(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            byte[] data = taskDataSerializer.serialize(details(deadlineName, deadlineScope, intercepted));
            return new Object[] {TASK_NAME, key(deadlineScope, deadlineName) + uuid, data,
                    triggerDateTime.atOffset(ZoneOffset.UTC)};
        });
        if (CurrentUnitOfWork.isStarted()) { // as Axon's runOnPrepareCommitOrNow
            pendingInserts(CurrentUnitOfWork.get()).add(row);
        } else {
            jdbc.update(INSERT, row.get());
        }
        return uuid;
    }

    /**
     * The rows this unit of work schedules one after the other, written in one JDBC batch at prepare-commit (one round
     * trip to PostgreSQL for an intake's two clocks, where a statement each took two). A cancel ends the run: rows
     * scheduled after it start a new batch written after the cancel's delete, so the statements keep their order.
     */
    private List<Supplier<Object[]>> pendingInserts(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING_INSERTS, name -> {
            List<Supplier<Object[]>> rows = new ArrayList<>();
            unitOfWork.onPrepareCommit(committing -> {
                if (unitOfWork.resources().get(PENDING_INSERTS) == rows) {
                    unitOfWork.resources().remove(PENDING_INSERTS);
                }
                List<Object[]> values = rows.stream().map(Supplier::get).toList();
                if (values.size() == 1) {
                    jdbc.update(INSERT, values.get(0));
                } else {
                    jdbc.batchUpdate(INSERT, values);
                }
            });
            return rows;
        });
    }

    /** Rows scheduled after this point go into a batch of their own, written after what is registered now. */
    private static void endPendingInserts() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().resources().remove(PENDING_INSERTS);
        }
    }

    /** By the uuid {@link #schedule} returned, or a whole name of the earlier naming: reads every deadline row. */
    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        endPendingInserts();
        runOnPrepareCommitOrNow(spanFactory.createCancelScheduleSpan(deadlineName, scheduleId).wrapRunnable(() ->
                jdbc.update(DELETE_BY_UUID, TASK_NAME, scheduleId, scheduleId.length() + 1, SEPARATOR + scheduleId)));
    }

    /** Axon's cancel of a name's deadlines in every scope (reads every deadline row); the engine does not call it. */
    @Override
    public void cancelAll(String deadlineName) {
        endPendingInserts();
        super.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        endPendingInserts();
        if (!(scope instanceof AggregateScopeDescriptor)) {
            super.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        runOnPrepareCommitOrNow(spanFactory.createCancelAllWithinScopeSpan(deadlineName, scope).wrapRunnable(() -> {
            String key = key(scope, deadlineName);
            jdbc.update(DELETE_KEYED, TASK_NAME, key, key.substring(0, key.length() - 1) + AFTER_SEPARATOR);
        }));
    }

    /**
     * Gives the rows written before this manager their keyed names, {@code batch} rows per transaction in name order,
     * so that cancels find them; a row being fired, or of a scope that is not an aggregate's, keeps its name.
     * Nodes may run this at once: a row renamed by one is no longer found by the other's update.
     *
     * @return how many rows were renamed
     */
    int renameEarlierRows(TransactionTemplate transactions, int batch) {
        int renamed = 0;
        String after = "";
        while (true) {
            String from = after;
            int[] done = {0};
            List<String> read = transactions.execute(status -> {
                List<String> names = new ArrayList<>();
                List<String[]> renames = new ArrayList<>();
                jdbc.query(UNKEYED_PAGE, (RowCallbackHandler) row -> {
                    String name = row.getString("task_instance");
                    names.add(name);
                    try {
                        DbSchedulerBinaryDeadlineDetails details = taskDataSerializer.deserialize(
                                DbSchedulerBinaryDeadlineDetails.class, row.getBytes("task_data"));
                        ScopeDescriptor scope = details.getDeserializedScopeDescriptor(serializer);
                        if (!row.getBoolean("picked") && scope instanceof AggregateScopeDescriptor) {
                            renames.add(new String[] {name, key(scope, details.getD()) + name});
                        }
                    } catch (RuntimeException unreadable) {
                        // One row this version cannot read must not keep the rows after it from being renamed.
                        log.warn("Deadline row {} not renamed: its data could not be read", name, unreadable);
                    }
                }, TASK_NAME, from, batch);
                for (String[] rename : renames) {
                    done[0] += jdbc.update(RENAME, rename[1], TASK_NAME, rename[0]);
                }
                return names;
            });
            renamed += done[0];
            if (read.size() < batch) {
                break;
            }
            after = read.get(read.size() - 1);
        }
        return renamed;
    }

    /** {@code type:identifier|name|}, each part with {@code %} and {@code |} escaped: only the separators are bare. */
    static String key(ScopeDescriptor scope, String deadlineName) {
        AggregateScopeDescriptor aggregate = (AggregateScopeDescriptor) scope;
        return escaped(aggregate.getType()) + ":" + escaped(String.valueOf(aggregate.getIdentifier())) + SEPARATOR
                + escaped(deadlineName) + SEPARATOR;
    }

    private static String escaped(String part) {
        return part.replace("%", "%25").replace("|", "%7C");
    }

    /** The same data Axon's manager writes with binary task data (its default), so Axon's task fires it. */
    private DbSchedulerBinaryDeadlineDetails details(String deadlineName, ScopeDescriptor scope,
                                                     DeadlineMessage<?> message) {
        SerializedObject<byte[]> descriptor = serializer.serialize(scope, byte[].class);
        SerializedObject<byte[]> payload = serializer.serialize(message.getPayload(), byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(message.getMetaData(), byte[].class);
        return new DbSchedulerBinaryDeadlineDetails(deadlineName, descriptor.getData(), descriptor.getType().getName(),
                payload.getData(), payload.getType().getName(), payload.getType().getRevision(), metaData.getData());
    }
}

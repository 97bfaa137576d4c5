package com.complaintengine.server.deadline;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Axon's db-scheduler deadline manager with each aggregate deadline's row named by its scope and name (issue 9):
 * {@code <aggregate type>:<identifier>|<deadline name>|<random uuid>} ({@link #key}). Cancelling one complaint's
 * deadlines then deletes its rows by a range of that name, where Axon's manager reads and deserializes every waiting deadline of
 * every complaint; and a new row is inserted without db-scheduler's look-up first (the uuid makes it new). Firing is
 * Axon's, unchanged: the rows hold the task and data Axon's own rows hold.
 * <p>
 * Rows written before this manager (a bare uuid) are still found, by reading those rows only, while any is left. A row
 * being fired at that moment is left to finish (its deadline checks the clock it belongs to and changes nothing if the
 * clock was stopped), where Axon's cancel would fail the command.
 */
public class ScopeKeyedDeadlineManager extends DbSchedulerDeadlineManager {

    /** Axon's task name for deadlines ("AxonDeadline"), read from Axon: its constant is not public. */
    static final String TASK_NAME = new DbSchedulerDeadlineToken("").getTaskName();
    static final char SEPARATOR = '|';
    /** The character after {@link #SEPARATOR}: a name's rows lie between "key|" and "key}" in byte order. */
    private static final char AFTER_SEPARATOR = SEPARATOR + 1;

    private static final String INSERT = "insert into scheduled_tasks"
            + " (task_name, task_instance, task_data, execution_time, picked, version) values (?, ?, ?, ?, false, 1)";
    private static final String DELETE_KEYED = "delete from scheduled_tasks where task_name = ?"
            + " and task_instance collate \"C\" >= ? and task_instance collate \"C\" < ? and not picked";
    private static final String UNKEYED = "select task_instance, task_data, picked from scheduled_tasks"
            + " where task_name = ? and strpos(task_instance, '|') = 0";
    private static final String DELETE_BY_UUID = "delete from scheduled_tasks where task_name = ?"
            + " and (task_instance = ? or right(task_instance, ?) = ?) and not picked";
    private static final String DELETE_ONE = "delete from scheduled_tasks where task_name = ? and task_instance = ?"
            + " and not picked";

    private final org.axonframework.serialization.Serializer serializer;
    private final Serializer taskDataSerializer;
    private final DeadlineManagerSpanFactory spanFactory;
    private final JdbcTemplate jdbc;
    private final AtomicBoolean unkeyedRowsMayExist = new AtomicBoolean(true);

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
        runOnPrepareCommitOrNow(spanFactory.createScheduleSpan(deadlineName, uuid, message).wrapRunnable(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            byte[] data = taskDataSerializer.serialize(details(deadlineName, deadlineScope, intercepted));
            jdbc.update(INSERT, TASK_NAME, key(deadlineScope, deadlineName) + uuid, data,
                    triggerDateTime.atOffset(ZoneOffset.UTC));
        }));
        return uuid;
    }

    /** By the uuid {@link #schedule} returned, or a whole name written before this manager; reads every deadline row. */
    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(spanFactory.createCancelScheduleSpan(deadlineName, scheduleId).wrapRunnable(() ->
                jdbc.update(DELETE_BY_UUID, TASK_NAME, scheduleId, scheduleId.length() + 1, SEPARATOR + scheduleId)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        if (!(scope instanceof AggregateScopeDescriptor)) {
            super.cancelAllWithinScope(deadlineName, scope);
            return;
        }
        String key = key(scope, deadlineName);
        String upTo = key.substring(0, key.length() - 1) + AFTER_SEPARATOR;
        runOnPrepareCommitOrNow(spanFactory.createCancelAllWithinScopeSpan(deadlineName, scope).wrapRunnable(() -> {
            jdbc.update(DELETE_KEYED, TASK_NAME, key, upTo);
            if (unkeyedRowsMayExist.get()) {
                cancelUnkeyed(deadlineName, serializer.serialize(scope, byte[].class).getData());
            }
        }));
    }

    /**
     * Rows named before this manager are matched as Axon's manager matches them, by name and serialized scope; only
     * they are read. When none is left, none comes back (this manager writes none), and the look is not made again.
     */
    private void cancelUnkeyed(String deadlineName, byte[] scope) {
        List<String> matching = new ArrayList<>();
        boolean[] anyLeft = {false};
        jdbc.query(UNKEYED, (RowCallbackHandler) row -> {
            anyLeft[0] = true;
            DbSchedulerBinaryDeadlineDetails details =
                    taskDataSerializer.deserialize(DbSchedulerBinaryDeadlineDetails.class, row.getBytes("task_data"));
            if (!row.getBoolean("picked") && deadlineName.equals(details.getD()) && Arrays.equals(scope, details.getS())) {
                matching.add(row.getString("task_instance"));
            }
        }, TASK_NAME);
        for (String id : matching) {
            jdbc.update(DELETE_ONE, TASK_NAME, id);
        }
        if (!anyLeft[0]) {
            unkeyedRowsMayExist.set(false);
        }
    }

    /** {@code type:identifier|name|}, each part with {@code %} and {@code |} escaped so that only separators are bare. */
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

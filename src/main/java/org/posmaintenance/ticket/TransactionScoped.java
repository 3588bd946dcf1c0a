package org.posmaintenance.ticket;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * State that lives as long as the current transaction on a data source: what a step has already read, so that the
 * delegates and listeners of one step do not read the same row again. Keyed by the transaction's connection holder
 * (weakly), so it is gone with the transaction; outside a transaction there is none.
 *
 * @param <S> the state kept per transaction
 */
public final class TransactionScoped<S> {

    private final DataSource dataSource;
    private final Supplier<S> fresh;
    private final Map<Object, S> states = Collections.synchronizedMap(new WeakHashMap<>());

    public TransactionScoped(DataSource dataSource, Supplier<S> fresh) {
        this.dataSource = dataSource;
        this.fresh = fresh;
    }

    /** The state of the current transaction, or null outside a transaction. */
    public S current() {
        Object transaction = dataSource == null ? null : TransactionSynchronizationManager.getResource(dataSource);
        return transaction == null ? null : states.computeIfAbsent(transaction, key -> fresh.get());
    }
}

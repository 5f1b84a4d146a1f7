package org.zeri.core

import com.novi.serde.Bytes
import com.novi.serde.DeserializationError
import java.util.concurrent.ConcurrentHashMap
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.ExperimentalCoroutinesApi
import kotlinx.coroutines.Job
import kotlinx.coroutines.delay
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withContext
import org.zeri.ffi.CoreFfi
import org.zeri.ffi.FfiException
import org.zeri.shared.Effect
import org.zeri.shared.Event
import org.zeri.shared.Instant
import org.zeri.shared.KeyValueError
import org.zeri.shared.KeyValueOperation
import org.zeri.shared.KeyValueResponse
import org.zeri.shared.KeyValueResult
import org.zeri.shared.NotificationOperation
import org.zeri.shared.Request
import org.zeri.shared.Requests
import org.zeri.shared.TimeRequest
import org.zeri.shared.TimeResponse
import org.zeri.shared.Value
import org.zeri.shared.ViewModel

/** Something went wrong between the shell and the core; the app keeps running. */
data class CoreFailure(val kind: Kind, val reason: String) {
    enum class Kind {
        /** The shell sent bytes that are not an event. */
        INVALID_EVENT,
        /** An effect's answer did not decode, or its request was unknown or already answered. */
        INVALID_OUTPUT,
        /** The core failed inside; it keeps running. */
        INTERNAL,
        /** The core answered with bytes the generated types could not read (a version mismatch). */
        UNREADABLE,
    }

    companion object {
        fun of(failure: FfiException): CoreFailure = when (failure) {
            is FfiException.InvalidEvent -> CoreFailure(Kind.INVALID_EVENT, failure.reason)
            is FfiException.InvalidOutput -> CoreFailure(Kind.INVALID_OUTPUT, failure.reason)
            is FfiException.Internal -> CoreFailure(Kind.INTERNAL, failure.reason)
        }
    }
}

/**
 * The Zëri core for a Kotlin shell: send it [Event]s, draw [viewModel]. It carries out the
 * core's effects: HTTP through [http], storage in [store], timers with coroutines,
 * notifications through [notifier], and files for the citizen to keep through [exporter].
 *
 * Every call into the core, and every key-value operation, runs in order on one thread, so
 * the core's writes reach the store in the order it asked for them. HTTP requests and timers
 * run concurrently and report back on that thread.
 */
@OptIn(ExperimentalCoroutinesApi::class)
class Core(
    private val store: KeyValueStore,
    private val scope: CoroutineScope,
    private val notifier: Notifier,
    private val http: HttpHandler = OkHttpHandler(),
    private val now: () -> java.time.Instant = java.time.Instant::now,
    private val exporter: Exporter = Exporter.None,
) : AutoCloseable {
    private val ffi = CoreFfi()
    private val coreThread = Dispatchers.IO.limitedParallelism(1)
    private val timers = ConcurrentHashMap<ULong, Job>()

    /** Set by [close]: answers that arrive later are dropped, not sent to a freed core. */
    @Volatile private var closed = false

    private val _failure = MutableStateFlow<CoreFailure?>(null)
    /** The last failure between shell and core, for the screen to show or report. */
    val failure: StateFlow<CoreFailure?> = _failure.asStateFlow()

    private val _viewModel = MutableStateFlow(readView() ?: error("the core cannot draw its first screen"))
    /** What the screens show. */
    val viewModel: StateFlow<ViewModel> = _viewModel.asStateFlow()

    /** Sends [event] to the core; its effects are carried out as they come. */
    fun send(event: Event) {
        scope.launch(coreThread) { process { ffi.update(event.bincodeSerialize()) } }
    }

    /** Sends raw bytes as an event: for shells that already hold encoded events, and tests. */
    fun sendEncoded(event: ByteArray) {
        scope.launch(coreThread) { process { ffi.update(event) } }
    }

    private fun readView(): ViewModel? =
        try {
            ViewModel.bincodeDeserialize(ffi.view())
        } catch (failure: FfiException) {
            _failure.value = CoreFailure.of(failure)
            null
        } catch (failure: DeserializationError) {
            _failure.value = CoreFailure(CoreFailure.Kind.UNREADABLE, "view: ${failure.message}")
            null
        }

    /** Calls the core and carries out the effects it returns. Runs on the core thread. */
    private fun process(call: () -> ByteArray) {
        if (closed) return
        val requests = try {
            Requests.bincodeDeserialize(call()).value
        } catch (failure: FfiException) {
            _failure.value = CoreFailure.of(failure)
            return
        } catch (failure: DeserializationError) {
            _failure.value = CoreFailure(CoreFailure.Kind.UNREADABLE, "effects: ${failure.message}")
            return
        }
        requests.forEach(::carryOut)
    }

    private fun resolve(id: UInt, output: ByteArray) = process { ffi.resolve(id, output) }

    private fun carryOut(request: Request) {
        when (val effect = request.effect) {
            is Effect.Render -> readView()?.let { _viewModel.value = it }
            is Effect.KeyValue -> resolve(request.id, keyValue(effect.value).bincodeSerialize())
            is Effect.Http -> scope.launch {
                val result = http.send(effect.value)
                withContext(coreThread) { resolve(request.id, result.bincodeSerialize()) }
            }
            is Effect.Time -> time(request.id, effect.value)
            is Effect.Notification -> when (val operation = effect.value) {
                is NotificationOperation.Show -> notifier.show(operation.value)
                is NotificationOperation.AskPermission -> notifier.askPermission(operation.value)
            }
            is Effect.Export -> exporter.export(effect.value)
        }
    }

    private fun keyValue(operation: KeyValueOperation): KeyValueResult {
        fun value(bytes: ByteArray?): Value = bytes?.let { Value.Bytes(it.map(Byte::toUByte)) } ?: Value.None
        return try {
            KeyValueResult.Ok(
                when (operation) {
                    is KeyValueOperation.Get -> KeyValueResponse.Get(value(store.get(operation.key)))
                    is KeyValueOperation.Set -> KeyValueResponse.Set(
                        value(store.set(operation.key, operation.value.map(UByte::toByte).toByteArray())),
                    )
                    is KeyValueOperation.Delete -> KeyValueResponse.Delete(value(store.delete(operation.key)))
                    is KeyValueOperation.Exists -> KeyValueResponse.Exists(store.exists(operation.key))
                    is KeyValueOperation.ListKeys -> {
                        val (keys, next) = store.listKeys(operation.prefix, operation.cursor.toLong())
                        KeyValueResponse.ListKeys(keys, next.toULong())
                    }
                },
            )
        } catch (failure: Exception) {
            KeyValueResult.Err(KeyValueError.Io(failure.message ?: failure.javaClass.simpleName))
        }
    }

    private fun time(id: UInt, request: TimeRequest) {
        when (request) {
            is TimeRequest.Now -> resolve(id, TimeResponse.Now(instant(now())).bincodeSerialize())
            is TimeRequest.NotifyAfter -> after(id, request.id.value, (request.duration.nanos / 1_000_000u).toLong()) {
                TimeResponse.DurationElapsed(request.id)
            }
            is TimeRequest.NotifyAt -> {
                val at = java.time.Instant.ofEpochSecond(request.instant.seconds.toLong(), request.instant.nanos.toLong())
                after(id, request.id.value, java.time.Duration.between(now(), at).toMillis().coerceAtLeast(0)) {
                    TimeResponse.InstantArrived(request.id)
                }
            }
            is TimeRequest.Clear -> {
                timers.remove(request.id.value)?.cancel()
                resolve(id, TimeResponse.Cleared(request.id).bincodeSerialize())
            }
        }
    }

    private fun after(id: UInt, timer: ULong, millis: Long, response: () -> TimeResponse) {
        timers[timer] = scope.launch {
            delay(millis)
            withContext(coreThread) {
                if (timers.remove(timer) != null) resolve(id, response().bincodeSerialize())
            }
        }
    }

    private fun instant(at: java.time.Instant) = Instant(at.epochSecond.toULong(), at.nano.toUInt())

    override fun close() {
        runBlocking(coreThread) {
            closed = true
            timers.values.forEach { it.cancel() }
            ffi.close()
        }
    }
}

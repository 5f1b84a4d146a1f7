package org.zeri.ui

import com.novi.serde.Bytes
import java.time.Duration
import java.time.Instant
import org.zeri.core.HttpHandler
import org.zeri.core.OkHttpHandler
import org.zeri.shared.HttpRequest
import org.zeri.shared.HttpResult

/**
 * The server's answers with the facts of the day pinned: every complaint's tracking code, its
 * PIN, its times and its due date are the same on every run, while everything else is what the real
 * server answered. The server draws a new tracking code for each complaint and stamps it with
 * its own clock, so without this no two renderings of a complaint would be alike and no golden
 * image could hold.
 *
 * With [localServer] the phone may also be told its server is [PUBLIC_ADDRESS]: requests there
 * go to the local server, whose port changes from run to run, so the addresses the core shows
 * (the web page of a complaint, the privacy notice) read the same in every rendering.
 */
class PinnedFacts(private val http: HttpHandler = OkHttpHandler(), private val localServer: String? = null) : HttpHandler {
    override suspend fun send(request: HttpRequest): HttpResult {
        val routed = if (localServer != null && request.url.startsWith(PUBLIC_ADDRESS)) {
            request.copy(url = localServer + request.url.removePrefix(PUBLIC_ADDRESS))
        } else {
            request
        }
        val result = http.send(routed)
        if (result !is HttpResult.Ok || !(routed.url.contains("/api/v1/complaints") || routed.url.contains("/api/v1/devices/data"))) return result
        val body = String(result.value.body.content, Charsets.UTF_8)
        val pinned = pin(body)
        return if (pinned == body) result else HttpResult.Ok(result.value.copy(body = Bytes(pinned.toByteArray())))
    }

    companion object {
        /** The address a phone of [PinnedFacts] with a local server believes its server has. */
        const val PUBLIC_ADDRESS = "https://zeri.example"
        const val TRACKING_CODE = "ZR-7K3Q9M"
        /** When the server says everything happened: a Monday morning in Kosovo. */
        val SERVER_TIME: Instant = Instant.parse("2026-11-02T08:30:00Z")
        const val DUE_DATE = "2026-11-23"
        /** The complaint's PIN: the server makes it from a key of its own, new in each run. */
        const val COMPLAINT_PIN = "48210937"

        /** The phone's clock: it starts an hour after [SERVER_TIME] and runs. */
        fun phoneClock(): () -> Instant {
            val started = System.nanoTime()
            val start = SERVER_TIME.plus(Duration.ofHours(1))
            return { start.plusNanos(System.nanoTime() - started) }
        }

        private val trackingCode = Regex("\"tracking_code\":\"[^\"]*\"")
        private val instant = Regex("\"(submitted_at|updated_at|resolved_at|at|generated_at|sent_at|registered_at|contact_removed_at|personal_erased_at)\":\"[^\"]*\"")
        private val dueDate = Regex("\"due_date\":\"[^\"]*\"")
        private val complaintPin = Regex("\"pin\":\"[0-9]*\"")

        fun pin(json: String): String = json
            .replace(trackingCode, "\"tracking_code\":\"$TRACKING_CODE\"")
            .replace(instant) { "\"${it.groupValues[1]}\":\"$SERVER_TIME\"" }
            .replace(dueDate, "\"due_date\":\"$DUE_DATE\"")
            .replace(complaintPin, "\"pin\":\"$COMPLAINT_PIN\"")
    }
}

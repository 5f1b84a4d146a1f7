package org.zeri.core

import java.io.File
import java.net.ServerSocket
import java.net.URI
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Files
import java.util.concurrent.TimeUnit

/** A real `zeri-server --demo` process with its own database, on [port]. */
class ZeriServer(val port: Int = freePort(), private val dir: File = Files.createTempDirectory("zeri-kotlin").toFile()) :
    AutoCloseable {
    private val process: Process
    val url = "http://127.0.0.1:$port"

    init {
        val binary = System.getProperty("zeri.server") ?: error("set -Dzeri.server to the zeri-server binary")
        process = ProcessBuilder(
            binary, "--demo", "--bind", "127.0.0.1:$port",
            "--database", File(dir, "zeri.sqlite3").path, "--data-dir", File(dir, "photos").path,
        ).redirectErrorStream(true).redirectOutput(File(dir, "server.log")).start()
        val deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (!healthy()) {
            check(process.isAlive) { "zeri-server exited: " + File(dir, "server.log").readText() }
            check(System.nanoTime() < deadline) { "zeri-server did not start" }
            Thread.sleep(100)
        }
    }

    private val client = HttpClient.newHttpClient()

    private fun healthy(): Boolean = try {
        HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI("$url/healthz")).build(),
            HttpResponse.BodyHandlers.discarding(),
        ).statusCode() == 200
    } catch (_: java.io.IOException) {
        false
    }

    /** Calls the staff API: a GET, or a POST of [body] as JSON. */
    fun staffCall(path: String, body: String? = null, token: String? = null): String {
        val request = HttpRequest.newBuilder(URI("$url$path")).header("content-type", "application/json")
        token?.let { request.header("authorization", "Bearer $it") }
        if (body != null) request.POST(HttpRequest.BodyPublishers.ofString(body)) else request.GET()
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body()
    }

    /** A session token for a demo login. */
    fun login(username: String = "admin"): String {
        val answer = staffCall("/api/v1/staff/login", """{"username":"$username","password":"zeri-demo-2026"}""")
        return Regex("\"token\":\"([0-9a-f]+)\"").find(answer)!!.groupValues[1]
    }

    /** How many complaints the server holds whose text contains [word], as the administrator sees it. */
    fun complaintsMentioning(word: String): Int {
        val inbox = staffCall("/api/v1/staff/complaints?q=$word", token = login())
        return Regex("\"total\":(\\d+)").find(inbox)!!.groupValues[1].toInt()
    }

    override fun close() {
        process.destroy()
        process.waitFor(10, TimeUnit.SECONDS)
        dir.deleteRecursively()
    }

    companion object {
        fun freePort(): Int = ServerSocket(0).use { it.localPort }
    }
}

package org.zeri.core

import com.novi.serde.Bytes
import java.io.IOException
import java.io.InterruptedIOException
import java.util.concurrent.TimeUnit
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.runInterruptible
import okhttp3.Headers
import okhttp3.HttpUrl.Companion.toHttpUrlOrNull
import okhttp3.MediaType.Companion.toMediaTypeOrNull
import okhttp3.OkHttpClient
import okhttp3.Request
import okhttp3.RequestBody.Companion.toRequestBody
import org.zeri.shared.HttpError
import org.zeri.shared.HttpHeader
import org.zeri.shared.HttpRequest
import org.zeri.shared.HttpResponse
import org.zeri.shared.HttpResult

/** Carries out the core's HTTP requests. Every outcome is a value: a response or an error. */
fun interface HttpHandler {
    suspend fun send(request: HttpRequest): HttpResult
}

/** HTTP with OkHttp, which Android and the JVM share. */
class OkHttpHandler(
    private val client: OkHttpClient = OkHttpClient.Builder()
        .connectTimeout(15, TimeUnit.SECONDS)
        .readTimeout(30, TimeUnit.SECONDS)
        .writeTimeout(30, TimeUnit.SECONDS)
        .build(),
) : HttpHandler {
    override suspend fun send(request: HttpRequest): HttpResult {
        val url = request.url.toHttpUrlOrNull() ?: return HttpResult.Err(HttpError.Url(request.url))
        val headers = Headers.Builder().apply { request.headers.forEach { add(it.name, it.value) } }.build()
        val method = request.method.uppercase()
        val body = when {
            method == "GET" || method == "HEAD" -> null
            else -> request.body.content.toRequestBody(headers["content-type"]?.toMediaTypeOrNull())
        }
        val call = client.newCall(Request.Builder().url(url).headers(headers).method(method, body).build())
        return runInterruptible(Dispatchers.IO) {
            try {
                call.execute().use { response ->
                    HttpResult.Ok(
                        HttpResponse(
                            status = response.code.toUShort(),
                            headers = response.headers.map { (name, value) -> HttpHeader(name, value) },
                            body = Bytes(response.body.bytes()),
                        ),
                    )
                }
            } catch (timeout: InterruptedIOException) {
                HttpResult.Err(HttpError.Timeout)
            } catch (failure: IOException) {
                HttpResult.Err(HttpError.Io(failure.message ?: failure.javaClass.simpleName))
            }
        }
    }
}

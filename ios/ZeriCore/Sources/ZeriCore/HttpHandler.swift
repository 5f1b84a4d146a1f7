// Carries out the core's HTTP requests with URLSession (FoundationNetworking on Linux).

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SharedTypes

/// Every outcome is a value: a response (any status) or a transport error.
public protocol HttpHandler: Sendable {
    func send(_ request: HttpRequest) async -> HttpResult
}

public final class URLSessionHttpHandler: HttpHandler, @unchecked Sendable {
    private let session: URLSession

    public init(session: URLSession? = nil) {
        if let session {
            self.session = session
        } else {
            let configuration = URLSessionConfiguration.ephemeral
            configuration.timeoutIntervalForRequest = 30
            self.session = URLSession(configuration: configuration)
        }
    }

    public func send(_ request: HttpRequest) async -> HttpResult {
        guard let url = URL(string: request.url) else { return .err(.url(request.url)) }
        var urlRequest = URLRequest(url: url)
        urlRequest.httpMethod = request.method.uppercased()
        for header in request.headers {
            urlRequest.addValue(header.value, forHTTPHeaderField: header.name)
        }
        if !request.body.isEmpty {
            urlRequest.httpBody = Data(request.body)
        }
        return await withCheckedContinuation { continuation in
            session.dataTask(with: urlRequest) { data, response, error in
                if let error = error as? URLError {
                    continuation.resume(returning: .err(error.code == .timedOut ? .timeout : .io(error.localizedDescription)))
                } else if let error {
                    continuation.resume(returning: .err(.io(String(describing: error))))
                } else if let response = response as? HTTPURLResponse {
                    let headers = response.allHeaderFields.map { HttpHeader(name: "\($0.key)", value: "\($0.value)") }
                    continuation.resume(returning: .ok(HttpResponse(
                        status: UInt16(clamping: response.statusCode),
                        headers: headers,
                        body: [UInt8](data ?? Data())
                    )))
                } else {
                    continuation.resume(returning: .err(.io("no response")))
                }
            }.resume()
        }
    }
}

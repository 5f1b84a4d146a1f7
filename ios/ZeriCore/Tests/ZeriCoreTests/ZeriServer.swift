// A real `zeri-server --demo` process for the tests, with its own database.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

final class ZeriServer {
    let port: Int
    let url: String
    private let process = Process()
    private let directory: URL

    static func freePort() -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                _ = bind(socket, $0, length)
                _ = getsockname(socket, $0, &length)
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    init(port: Int = ZeriServer.freePort()) throws {
        self.port = port
        url = "http://127.0.0.1:\(port)"
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zeri-swift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let binary = ProcessInfo.processInfo.environment["ZERI_SERVER"] ?? "/zeri/target/debug/zeri-server"
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--demo", "--bind", "127.0.0.1:\(port)",
            "--database", directory.appendingPathComponent("zeri.sqlite3").path,
            "--data-dir", directory.appendingPathComponent("photos").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !healthy() {
            guard process.isRunning, Date() < deadline else { throw StartError() }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    struct StartError: Error {}

    private func request(_ path: String, method: String = "GET", body: String? = nil, token: String? = nil) -> (Int, String)? {
        var request = URLRequest(url: URL(string: url + path)!)
        request.httpMethod = method
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "content-type")
        }
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "authorization") }
        final class Answer: @unchecked Sendable { var value: (Int, String)? }
        let done = DispatchSemaphore(value: 0)
        let answer = Answer()
        URLSession.shared.dataTask(with: request) { data, response, _ in
            if let response = response as? HTTPURLResponse {
                answer.value = (response.statusCode, String(decoding: data ?? Data(), as: UTF8.self))
            }
            done.signal()
        }.resume()
        done.wait()
        return answer.value
    }

    private func healthy() -> Bool { request("/healthz")?.0 == 200 }

    /// How many complaints the server holds whose text contains `word`, as the administrator sees it.
    func complaintsMentioning(_ word: String) throws -> Int {
        let login = request("/api/v1/staff/login", method: "POST", body: #"{"username":"admin","password":"zeri-demo-2026"}"#)
        let token = try JSONSerialization.jsonObject(with: Data(login!.1.utf8)) as! [String: Any]
        let inbox = request("/api/v1/staff/complaints?q=\(word)", token: token["token"] as? String)
        let page = try JSONSerialization.jsonObject(with: Data(inbox!.1.utf8)) as! [String: Any]
        return page["total"] as! Int
    }

    /// Staff of the complaint's institution (Gjilan's public services) reply to the complaint whose
    /// text contains `word`; returns its id.
    func reply(toComplaintMentioning word: String, _ text: String) throws -> String {
        let login = request("/api/v1/staff/login", method: "POST", body: #"{"username":"gjilan.staff","password":"zeri-demo-2026"}"#)
        let token = (try JSONSerialization.jsonObject(with: Data(login!.1.utf8)) as! [String: Any])["token"] as? String
        let inbox = request("/api/v1/staff/complaints?q=\(word)", token: token)
        let page = try JSONSerialization.jsonObject(with: Data(inbox!.1.utf8)) as! [String: Any]
        let id = (page["items"] as! [[String: Any]])[0]["id"] as! String
        let body = try JSONSerialization.data(withJSONObject: ["action": "reply", "text": text])
        let answer = request("/api/v1/staff/complaints/\(id)/actions", method: "POST", body: String(decoding: body, as: UTF8.self), token: token)
        guard answer?.0 == 200 else { throw StartError() }
        return id
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }
}

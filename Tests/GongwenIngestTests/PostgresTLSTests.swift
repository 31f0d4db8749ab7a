import Foundation
@testable import GongwenStore
import Testing
import TestSupport

/// `sslmode` in the URL, against the test server, which speaks TLS with a self-signed certificate
/// for 127.0.0.1 (`scripts/pg-test-server.sh`): whether the connection is encrypted is asked of the
/// server (`pg_stat_ssl`), and `verify-full` trusts the certificate only when `sslrootcert` names it.
@Suite("PostgreSQL TLS")
struct PostgresTLSTests {
    static let enabled = PostgresServer.isRunning && PostgresServer.certificate != nil

    @Test func theCertificateIsThereWhenRequired() {
        if PostgresServer.isRequired { #expect(Self.enabled, "the test server runs without TLS (no openssl?)") }
    }

    /// Whether the server says this session is encrypted, connecting with `query` after the URL.
    static func encrypted(_ query: String) async throws -> Bool {
        let store = try await PostgresStore(url: try #require(PostgresServer.url) + query, access: .connect)
        return try await store.read(["SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"])[0].first?["ssl"] ?? false
    }

    @Test(.enabled(if: enabled)) func theModesOfTheURL() async throws {
        let certificate = try #require(PostgresServer.certificate)
        #expect(try await Self.encrypted("?sslmode=disable") == false)
        #expect(try await Self.encrypted("") == true)  // prefer, as libpq
        #expect(try await Self.encrypted("?sslmode=require") == true)
        #expect(try await Self.encrypted("?sslmode=verify-ca&sslrootcert=\(certificate)") == true)
        #expect(try await Self.encrypted("?sslmode=verify-full&sslrootcert=\(certificate)") == true)
    }

    /// The self-signed certificate is not among the system's authorities: verify-full refuses it.
    @Test(.enabled(if: enabled)) func verifyFullRefusesAnUntrustedCertificate() async throws {
        let problem = await #expect(throws: PostgresStore.Problem.self) { try await Self.encrypted("?sslmode=verify-full") }
        #expect(problem?.description.hasPrefix("cannot connect (TLS handshake failed: CERTIFICATE_VERIFY_FAILED") == true, "\(String(describing: problem))")
    }

    @Test func badParametersAreRefusedBeforeConnecting() async throws {
        for query in ["?sslmode=always", "?sslrootcert=/no/such/file.pem", "?application_name=x"] {
            await #expect(throws: PostgresStore.Problem.self, "\(query)") {
                try await PostgresStore(url: "postgres://gongwen@127.0.0.1:1/gongwen" + query, access: .connect)
            }
        }
    }
}

import Foundation
import TestSupport
import Testing

@testable import kazakhstan_api

struct ConfigurationTests {
    func parse(_ arguments: [String], _ environment: [String: String] = [:]) throws -> Configuration {
        guard
            case .run(let c) = try Configuration.parse(
                arguments: arguments, environment: environment, processorCount: 3)
        else {
            Issue.record("expected a configuration")
            return Configuration()
        }
        return c
    }

    @Test func defaults_areProductionDefaults() throws {
        let c = try parse([])
        #expect(c.server.host == "0.0.0.0")
        #expect(c.server.port == 8080)
        #expect(c.server.threads == 3)
        #expect(c.server.timeouts.header == .seconds(10))
        #expect(c.server.timeouts.idle == .seconds(75))
        #expect(c.server.shutdownGrace == .seconds(10))
        #expect(c.server.maxBodySize == 1 << 20)
        #expect(c.server.limits.maxRequestLineLength == 8192)
        #expect(c.server.limits.maxHeaderSectionSize == 16384)
        #expect(c.server.limits.maxHeaderCount == 100)
        #expect(c.server.accessLog == .json)
    }

    @Test func flag_winsOverEnvironment() throws {
        let c = try parse(["--port", "9000"], ["PORT": "7000", "THREADS": "5"])
        #expect(c.server.port == 9000)
        #expect(c.server.threads == 5)
    }

    @Test func threads_defaultToTheCPUBudget_andAnOptionWins() throws {
        let budget = CPUBudget(cpus: 2, source: .cgroupQuota)
        func parsed(_ arguments: [String], _ environment: [String: String]) throws -> Configuration? {
            guard
                case .run(let c) = try Configuration.parse(
                    arguments: arguments, environment: environment, cpuBudget: budget)
            else { return nil }
            return c
        }
        let byDefault = try #require(try parsed([], [:]))
        #expect(byDefault.server.threads == 2 && byDefault.threadsFrom == .cgroupQuota)
        let byFlag = try #require(try parsed(["--threads", "5"], [:]))
        #expect(byFlag.server.threads == 5 && byFlag.threadsFrom == .option)
        let byVariable = try #require(try parsed([], ["THREADS": "7"]))
        #expect(byVariable.server.threads == 7 && byVariable.threadsFrom == .option)
        guard case .help(let help) = try Configuration.parse(arguments: ["--help"], environment: [:], cpuBudget: budget)
        else {
            Issue.record("expected help")
            return
        }
        #expect(help.split(separator: "\n").first { $0.contains("--threads") }?.contains("2 (cgroup_quota)") == true)
    }

    @Test func flagWithEquals_isAccepted() throws {
        #expect(try parse(["--idle-timeout=500ms", "--host=::1"]).server.timeouts.idle == .milliseconds(500))
        #expect(try parse(["--host=[::1]"]).server.host == "[::1]")
    }

    @Test(arguments: [
        ("10", Duration.seconds(10)), ("1.5s", .milliseconds(1500)), ("250ms", .milliseconds(250)),
        ("2m", .seconds(120)),
    ])
    func durations_acceptSecondsAndUnits(text: String, expected: Duration) throws {
        #expect(try parse(["--header-timeout", text]).server.timeouts.header == expected)
    }

    @Test(arguments: ["-1", "1e3", "", "10h", "0", " 10"])
    func invalidDuration_isRejected_namingTheOption(text: String) {
        #expect {
            _ = try parse(["--header-timeout", text])
        } throws: { error in
            (error as? Configuration.ConfigurationError)?.message.contains("--header-timeout") == true
        }
    }

    @Test func help_isReturnedNotRun() throws {
        guard case .help(let text) = try Configuration.parse(arguments: ["--help"], environment: [:], processorCount: 2)
        else {
            Issue.record("expected help")
            return
        }
        for option in Configuration.options {
            #expect(text.contains(option.flag) && text.contains(option.variable))
        }
    }
}

/// The README's option table is the user's reference: it must list every option the binary takes.
struct ReadmeTests {
    @Test func readmeOptionTable_listsEveryFlagAndVariable() throws {
        let readme = RepositoryPaths.root.appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        for option in Configuration.options {
            #expect(
                text.contains("| `\(option.flag) ") && text.contains("| `\(option.variable)` |"),
                "\(option.flag) / \(option.variable)")
        }
    }

    /// Each row says what `--help` says, from the same declaration: its default and its meaning, word for word.
    @Test func readmeOptionTable_rowsMirrorHelp() throws {
        let readme = RepositoryPaths.root.appendingPathComponent("README.md")
        let rows = try String(contentsOf: readme, encoding: .utf8).split(separator: "\n")
        for option in Configuration.options {
            let row = try #require(rows.first { $0.hasPrefix("| `\(option.flag) \(option.valueName)` |") })
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(cells.count == 4, "\(row)")
            guard cells.count == 4 else { continue }
            #expect(cells[2].trimmingCharacters(in: ["`"]) == option.defaultDescription, "\(option.flag)")
            #expect(cells[3] == option.help, "\(option.flag)")
        }
    }
}

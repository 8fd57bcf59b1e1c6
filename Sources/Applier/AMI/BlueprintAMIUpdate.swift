import BlueprintKit
import Foundation
import GitKit

/// Write a new AMI into a blueprint the way `neurocaas-contrib update-blueprint` does, but safely:
/// a "before" commit of the blueprint (capturing pending hand edits), the AMI value's bytes
/// changed and nothing else, an "after" commit. Commit messages are those of the existing history
/// (file basename, Python's datetime text, "Purpose: …. AMI: …"). Only the blueprint is
/// committed, never other staged files. A git failure is an error and the file is put back.
public struct BlueprintAMIUpdate: Sendable {
    public static let amiPointer = "/Lambda/LambdaConfig/AMI"
    public let blueprint: String

    public init(blueprint: String) {
        self.blueprint = URL(fileURLWithPath: blueprint).standardizedFileURL.path
    }

    public struct Outcome: Sendable, Equatable {
        public let previousAMI: String?
        public let ami: String
        public let beforeCommit: String
        /// nil when the blueprint already named this AMI (nothing to change, as contrib does).
        public let afterCommit: String?
        public var changed: Bool { afterCommit != nil }
    }

    /// Everything that could stop the update, checked before any AWS work: the blueprint parses
    /// and has an AMI, it lies in a git working tree, the index has no conflicts, and commits
    /// have an author. Returns the parsed blueprint and the repository.
    public func preflight() throws -> (Document, GitRepository) {
        let document = try load()
        guard JSONPointer.resolve(Self.amiPointer, in: document.root)?.string != nil else {
            throw ApplyError("\(blueprint) has no Lambda.LambdaConfig.AMI string to update",
                             hint: "add \"AMI\": \"ami-…\" under Lambda.LambdaConfig (bpctl validate shows where)")
        }
        let repo: GitRepository
        do {
            guard let found = try GitRepository.discover(containing: blueprint) else {
                throw ApplyError("\(blueprint) is not in a git repository; bpctl records the blueprint before and after the AMI update as commits",
                                 hint: "keep blueprints in your clone of neurocaas (or run `git init` in its folder)")
            }
            repo = found
            if try repo.hasConflicts() {
                throw ApplyError("the git index of \(repo.workdir) has unresolved conflicts; the blueprint was not changed",
                                 hint: "finish or abort the merge (`git status` lists the paths), then run the command again")
            }
            _ = try repo.authorIdentity()
        } catch let error as GitError {
            throw ApplyError("git: \(error.message)", hint: error.hint)
        }
        return (document, repo)
    }

    @discardableResult
    public func apply(ami: String, message: String?, now: Date = Date()) throws -> Outcome {
        let (document, repo) = try preflight()
        guard let relative = repo.relativePath(blueprint) else {
            throw ApplyError("\(blueprint) is outside the working tree of \(repo.workdir)")
        }
        let original = document.source.bytes
        let previous = JSONPointer.resolve(Self.amiPointer, in: document.root)?.string
        let file = (blueprint as NSString).lastPathComponent
        let time = Self.pythonDateTime(now)
        let before: String
        do {
            before = try repo.commit(paths: [relative], message: "automatic commit to document pipeline \(file) before update at \(time)")
        } catch let error as GitError {
            throw ApplyError("git could not record the blueprint before the update: \(error.message); the blueprint was not changed", hint: error.hint)
        }
        if previous == ami { return Outcome(previousAMI: previous, ami: ami, beforeCommit: before, afterCommit: nil) }
        let edit: ScalarEdit
        do { edit = try ScalarEditor.replace(Self.amiPointer, with: .string(ami), in: document) } catch {
            throw ApplyError("cannot change the AMI in \(blueprint): \(error.message)")
        }
        do { try AtomicFile.write(edit.bytes, to: blueprint) } catch { throw ApplyError("\(error)") }
        let purpose = message.flatMap { $0.isEmpty ? nil : $0 } ?? "Not given"
        do {
            let after = try repo.commit(paths: [relative],
                                        message: "automatic commit to document pipeline \(file) after update at \(time). Purpose: \(purpose). AMI: \(ami)")
            return Outcome(previousAMI: previous, ami: ami, beforeCommit: before, afterCommit: after)
        } catch {
            // The AMI must not stay in the file without its commit: put the old bytes back.
            let restored = (try? AtomicFile.write(original, to: blueprint)) != nil
            let detail = (error as? GitError)?.message ?? "\(error)"
            throw ApplyError("git could not record the updated blueprint: \(detail); " +
                             (restored ? "the blueprint was restored to its previous AMI \(previous ?? "")" : "and restoring \(blueprint) failed too"),
                             hint: (error as? GitError)?.hint)
        }
    }

    private func load() throws -> Document {
        switch Document.load(path: blueprint) {
        case .success(let d): return d
        case .failure(let e):
            throw ApplyError("\(blueprint):\(e.source.location(of: e.error.offset)): \(e.error.message)", hint: e.error.hint)
        }
    }

    /// str(datetime.datetime.now()): "2023-05-04 12:34:56.789012", local time, as the history has.
    static func pythonDateTime(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd HH:mm:ss"
        let micros = Int((date.timeIntervalSince1970 * 1_000_000).rounded()) % 1_000_000
        let fraction = String(micros)
        return f.string(from: date) + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
}

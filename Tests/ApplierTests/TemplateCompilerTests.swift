import BlueprintKit
import Foundation
import PlanFixtures
import Planner
import XCTest
@testable import Applier

/// The compiled template of a new analysis against a golden file (regenerate with
/// BPCTL_UPDATE_GOLDEN=1 and review the diff), the stage-dependent triggers, the zip writer
/// (read back by Python's zipfile, an independent reader) and YAML templates read for updates.
final class TemplateCompilerTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    func desired(stage: String) throws -> DesiredState {
        var bp = TestBlueprint(pipeline: "golden-analysis")
        bp.stage = stage
        let doc = try Document.parse(path: "golden.json", bytes: Array(bp.json.utf8)).get()
        return DesiredState(blueprint: Blueprint(document: doc))
    }

    func golden(_ name: String, _ text: String) throws {
        let url = Self.fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BPCTL_UPDATE_GOLDEN"] == "1" { try Data(text.utf8).write(to: url) }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(text, expected, "\(name) differs from the golden file")
    }

    func testWebsubstackTemplateMatchesGolden() throws {
        let d = try desired(stage: "websubstack")
        let text = TemplateCompiler.compile(d, code: .init(bucket: "artifacts", key: "bpctl/golden-analysis/code-0123.zip"), postCode: nil,
                                            substackTemplateURL: "https://artifacts.s3.amazonaws.com/bpctl/golden-analysis/user-substack.json",
                                            versionID: "0123456789abcdef0123456789abcdef01234567")
        try golden("compiled_websubstack.json", text)
        try golden("user_substack.json", TemplateCompiler.userSubstack(pipeline: "golden-analysis"))
        // Plain CloudFormation: no SAM transform, no Serverless types.
        XCTAssertFalse(text.contains("Transform") || text.contains("AWS::Serverless"))
    }

    func testDevelopTriggersArePerAffiliateAndHaveNoNestedStacks() throws {
        let d = try desired(stage: "develop")
        let text = TemplateCompiler.compile(d, code: .init(bucket: "a", key: "k"), postCode: nil, substackTemplateURL: "https://x", versionID: "v")
        let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let resources = try XCTUnwrap(t["Resources"] as? [String: Any])
        XCTAssertNil(resources["UserSubstack0"])
        let bucket = try XCTUnwrap((resources["PipelineMainBucket"] as? [String: Any])?["Properties"] as? [String: Any])
        let configs = try XCTUnwrap((bucket["NotificationConfiguration"] as? [String: Any])?["LambdaConfigurations"] as? [[String: Any]])
        let prefixes = configs.compactMap { (($0["Filter"] as? [String: Any])?["S3Key"] as? [String: Any])?["Rules"] as? [[String: String]] }
            .compactMap { $0.first { $0["Name"] == "prefix" }?["Value"] }
        XCTAssertEqual(prefixes, ["cunninghamlab/submissions", "debuggers/submissions"])
        XCTAssertNil(bucket["CorsConfiguration"], "CORS is websubstack only (§4.3)")
    }

    func testZipIsReadableByAnIndependentReaderAndReproducible() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bpctl-zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("utils/__pycache__"), withIntermediateDirectories: true)
        try Data("def handler(e, c):\n    return 1\n".utf8).write(to: dir.appendingPathComponent("submit_start.py"))
        try Data(String(repeating: "compressible line\n", count: 500).utf8).write(to: dir.appendingPathComponent("utils/helper.py"))
        try Data([0, 1, 2]).write(to: dir.appendingPathComponent("utils/__pycache__/helper.pyc"))
        let zip = try ZipWriter.archive(try ZipWriter.entries(directory: dir.path))
        XCTAssertEqual(zip, try ZipWriter.archive(try ZipWriter.entries(directory: dir.path)), "same directory, same bytes")
        XCTAssertLessThan(zip.count, 9000 / 4, "the repeated file is deflated")
        let path = dir.appendingPathComponent("code.zip").path
        try Data(zip).write(to: URL(fileURLWithPath: path))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted(z.namelist())); print(len(z.read('utils/helper.py')))", path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertEqual(p.terminationStatus, 0)
        XCTAssertEqual(text, "['submit_start.py', 'utils/helper.py']\n9000\n")
    }

    func testYAMLTemplateIsEditedWithItsIntrinsicsKept() throws {
        let body = """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          MainLambda:
            Type: AWS::Lambda::Function
            Properties:
              Handler: submit_start.handler
              Timeout: 900
              Role: !GetAtt MainLambdaRole.Arn
              Environment:
                Variables:
                  AMI: ami-1
                  figlambid: !Ref FigLambda
                  cwrolearn: !GetAtt [CloudWatchBusRole, Arn]
                  LAUNCH: 'true'
          Bucket:
            Type: AWS::S3::Bucket
            Properties:
              BucketName: !Sub '${AWS::StackName}'

        """
        let change = ApplyStep.FunctionChange(logicalID: "MainLambda", environment: ["AMI": .some("ami-2")], handler: nil, timeout: nil)
        let out = try StackUpdate.edited(body, stack: "s", changes: [change])
        let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let resources = try XCTUnwrap(t["Resources"] as? [String: Any])
        let props = try XCTUnwrap((resources["MainLambda"] as? [String: Any])?["Properties"] as? [String: Any])
        let vars = try XCTUnwrap((props["Environment"] as? [String: Any])?["Variables"] as? [String: Any])
        XCTAssertEqual(vars["AMI"] as? String, "ami-2")
        XCTAssertEqual(vars["figlambid"] as? [String: String], ["Ref": "FigLambda"])
        XCTAssertEqual(vars["cwrolearn"] as? [String: [String]], ["Fn::GetAtt": ["CloudWatchBusRole", "Arn"]])
        XCTAssertEqual(vars["LAUNCH"] as? String, "true", "a quoted scalar stays a string")
        XCTAssertEqual(props["Role"] as? [String: [String]], ["Fn::GetAtt": ["MainLambdaRole", "Arn"]])
        XCTAssertEqual(props["Timeout"] as? Int, 900)
        let bucket = try XCTUnwrap((resources["Bucket"] as? [String: Any])?["Properties"] as? [String: Any])
        XCTAssertEqual(bucket["BucketName"] as? [String: String], ["Fn::Sub": "${AWS::StackName}"])
        XCTAssertThrowsError(try StackUpdate.edited("just: [text", stack: "s", changes: [change])) {
            XCTAssertTrue("\($0)".contains("neither a JSON nor a YAML template"), "\($0)")
        }
    }
}

import XCTest
@testable import BlueprintKit

final class YAMLLoaderTests: XCTestCase {
    func testYAMLBlueprintHasPositionsAndTypes() throws {
        let text = """
        PipelineName: epi-analysis
        Lambda:
          LambdaConfig:
            AMI: "ami-0123456789abcdef0"
            EXECUTION_TIMEOUT: 900
            LAUNCH: true
            MAXCOST: '300'
        UXData:
          Affiliates:
            - AffiliateName: lab
              UserNames: [alice, bob]

        """
        let doc = try XCTUnwrap(document(text, path: "b.yaml"))
        let ami = try XCTUnwrap(JSONPointer.resolve("/Lambda/LambdaConfig/AMI", in: doc.root))
        XCTAssertEqual(ami.string, "ami-0123456789abcdef0")
        XCTAssertEqual(doc.source.location(of: ami.range.start).description, "4:10")
        XCTAssertEqual(JSONPointer.resolve("/Lambda/LambdaConfig/EXECUTION_TIMEOUT", in: doc.root)?.number?.integer, 900)
        XCTAssertEqual(JSONPointer.resolve("/Lambda/LambdaConfig/LAUNCH", in: doc.root)?.bool, true)
        XCTAssertEqual(JSONPointer.resolve("/Lambda/LambdaConfig/MAXCOST", in: doc.root)?.string, "300")
        let bob = try XCTUnwrap(JSONPointer.resolve("/UXData/Affiliates/0/UserNames/1", in: doc.root))
        XCTAssertEqual(bob.string, "bob")
        XCTAssertEqual(doc.source.location(of: bob.range.start).description, "11:26")
        let key = try XCTUnwrap(doc.root["Lambda"]?.member("LambdaConfig"))
        XCTAssertEqual(doc.source.location(of: key.keyRange.start).description, "3:3")
    }

    func testYAMLErrorsHavePositions() throws {
        let (error, source) = try XCTUnwrap(parseError(Array("a: 1\n b: 2\nc: [1, 2\n".utf8), path: "x.yml"))
        XCTAssertTrue(error.message.hasPrefix("invalid YAML"), error.message)
        XCTAssertGreaterThanOrEqual(source.location(of: error.offset).line, 2)
    }

    func testYAMLDuplicateKeyIsRejected() throws {
        let (error, source) = try XCTUnwrap(parseError(Array("AMI: a\nAMI: b\n".utf8), path: "x.yaml"))
        XCTAssertTrue(error.message.contains("duplicate key \"AMI\""), error.message)
        XCTAssertEqual(source.location(of: error.offset).line, 1)
    }

    func testEmptyYAML() throws {
        let (error, _) = try XCTUnwrap(parseError(Array("# only a comment\n".utf8), path: "x.yaml"))
        XCTAssertEqual(error.message, "the file is empty")
    }

    func testAliasBombIsBounded() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let (error, _) = try XCTUnwrap(parseError(Array(text.utf8), path: "bomb.yaml"))
        XCTAssertTrue(error.message.contains("more than"), error.message)
    }
}

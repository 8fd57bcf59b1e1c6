import XCTest
@testable import AWSClient

/// The XML reader behind XMLTree (AWS Query and REST-XML replies), without libxml2.
final class XMLReaderTests: XCTestCase {
    private func tree(_ s: String) throws -> XMLTree { try XMLTree(Array(s.utf8)) }

    func testAWSReplyWithPrologNamespacesEntitiesAndCDATA() throws {
        let xml = try tree("""
        \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment -->
        <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/" xmlns:x='urn:x'>
          <Name>my-bucket</Name>
          <Contents><Key>a &amp; b &lt;1&gt; &quot;q&quot; &apos;s&apos; &#233;&#x1F600;</Key><Size>3</Size></Contents>
          <Contents><Key><![CDATA[raw <not> &amp; markup]]></Key><?pi ignored?></Contents>
          <x:Contents><Key>prefixed</Key></x:Contents>
          <Empty/><Spaced ></Spaced >
          <IsTruncated>false</IsTruncated>
        </ListBucketResult>
        """)
        XCTAssertEqual(xml.name, "ListBucketResult")
        XCTAssertEqual(xml.text("Name"), "my-bucket")
        XCTAssertEqual(xml.children("Contents").map { $0.text("Key") }, ["a & b <1> \"q\" 's' é😀", "raw <not> &amp; markup", "prefixed"])
        XCTAssertEqual(xml.text("Contents/Size"), "3", "the first Contents along the path")
        XCTAssertEqual(xml.text("Empty"), "")
        XCTAssertEqual(xml.text("Spaced"), "")
        XCTAssertNil(xml.element("Missing/Key"))
        XCTAssertEqual(xml.element("Contents")?.root.stringValue, "a & b <1> \"q\" 's' é😀3", "all text below, in order")
    }

    func testDescendantsInDocumentOrder() throws {
        let xml = try tree("<R><a><member>1</member><b><member>2</member></b></a><member>3<member>4</member></member></R>")
        XCTAssertEqual(xml.descendants("member").map { $0.text("") ?? "" }, ["1", "2", "34", "4"])
    }

    func testMalformedRepliesAreErrorsNotCrashes() {
        let bad = ["", "   ", "<a>", "<a></b>", "<a><b></a></b>", "<a>x</a>trailing", "text", "<a x=1/>", "<a>&bogus;</a>",
                   "<a>&#0;</a>", "<a attr=\"<\"/>", "<a><!-- open", "<a><![CDATA[open</a>", "<a></a><b></b>",
                   "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>"]
        for s in bad {
            XCTAssertThrowsError(try tree(s), s) { error in
                guard case AWSError.malformedResponse(let why) = error else { return XCTFail("\(s): \(error)") }
                XCTAssertTrue(why.hasPrefix(s.trimmingCharacters(in: .whitespaces).isEmpty ? "empty XML document" : "not XML ("), why)
            }
        }
    }

    func testDeepNestingIsRefusedNotACrash() throws {
        let nested = { (depth: Int) in String(repeating: "<d>", count: depth) + "x" + String(repeating: "</d>", count: depth) }
        let xml = try tree(nested(XMLReader.maxDepth))
        XCTAssertEqual(xml.descendants("d").count, XMLReader.maxDepth - 1)
        XCTAssertEqual(xml.root.stringValue, "x")
        XCTAssertThrowsError(try tree(nested(200_000))) { error in
            XCTAssertTrue("\(error)".contains("nested deeper than \(XMLReader.maxDepth)"), "\(error)")
        }
    }

    func testErrorDocumentsStillParse() {
        let r = HTTPResponse(status: 403, headers: [:], body: Array("""
        <?xml version="1.0"?><ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type>\
        <Code>AccessDenied</Code><Message>User: x is not &lt;authorized&gt;</Message></Error><RequestId>r-9</RequestId></ErrorResponse>
        """.utf8))
        let e = ErrorDocument.parse(r, service: .iam)
        XCTAssertEqual(e.code, "AccessDenied")
        XCTAssertEqual(e.message, "User: x is not <authorized>")
        XCTAssertEqual(e.requestID, "r-9")
    }
}

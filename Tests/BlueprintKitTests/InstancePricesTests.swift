import XCTest
@testable import BlueprintKit

final class InstancePricesTests: XCTestCase {
    /// Every INSTANCE_TYPE used by a real blueprint has a sourced us-east-1 figure.
    func testRealBlueprintTypesArePriced() {
        for type in ["t2.micro", "p2.xlarge", "p2.8xlarge", "p3.2xlarge", "m5.4xlarge", "m5.16xlarge", "r5.16xlarge", "g4dn.12xlarge"] {
            let price = InstancePrices.onDemandLinux(type, region: "us-east-1")
            XCTAssertNotNil(price, type)
            XCTAssertGreaterThan(price?.usdPerHour ?? 0, 0, type)
            XCTAssertTrue(price?.source.contains("aws.amazon.com/ec2/pricing") ?? false, type)
            XCTAssertFalse(price?.asOf.isEmpty ?? true, type)
        }
    }

    func testFiguresAsPublished() {
        XCTAssertEqual(InstancePrices.onDemandLinux("p2.xlarge", region: "us-east-1")?.usdPerHour, 0.90)
        XCTAssertEqual(InstancePrices.onDemandLinux("p3.2xlarge", region: "us-east-1")?.usdPerHour, 3.06)
        XCTAssertEqual(InstancePrices.onDemandLinux("t2.micro", region: "us-east-1")?.usdPerHour, 0.0116)
    }

    /// No figure is guessed: an unsourced region or type is absent.
    func testUnsourcedIsAbsent() {
        XCTAssertNil(InstancePrices.onDemandLinux("p2.xlarge", region: "eu-west-3"))
        XCTAssertNil(InstancePrices.onDemandLinux("p5.48xlarge", region: "us-east-1"))
        XCTAssertNil(InstancePrices.onDemandLinux("", region: "us-east-1"))
    }
}

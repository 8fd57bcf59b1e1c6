/// The objects of a blueprint whose keys the field catalog describes, with their pointers.
/// Shared by the required/type/unknown/unused-field rules so they walk the tree the same way.
public struct CatalogObject: Sendable {
    /// Catalog container pattern ("", "/Lambda", "/UXData/Affiliates/*", …).
    public let container: String
    public let node: Node
    public let pointer: String
    /// Human name for messages ("the top level", "Lambda.LambdaConfig", "affiliate 2").
    public let label: String
}

extension Blueprint {
    /// Built once in `init` (five structural rules walk it).
    static func catalogObjects(root: Node, lambda: Lambda?, uxData: UXData?) -> [CatalogObject] {
        var out: [CatalogObject] = []
        if root.isObject { out.append(CatalogObject(container: "", node: root, pointer: "", label: "the blueprint")) }
        if let l = lambda {
            out.append(CatalogObject(container: FieldCatalog.lambda, node: l.field.node, pointer: l.field.pointer, label: "Lambda"))
            if let c = l.config {
                out.append(CatalogObject(container: FieldCatalog.config, node: c.field.node, pointer: c.field.pointer, label: "Lambda.LambdaConfig"))
            }
        }
        if let u = uxData {
            out.append(CatalogObject(container: "/UXData", node: u.field.node, pointer: u.field.pointer, label: "UXData"))
            for a in u.affiliates {
                let name = a.name?.node.string.map { " (\($0.count > 30 ? String($0.prefix(27)) + "..." : $0))" } ?? ""
                out.append(CatalogObject(container: FieldCatalog.affiliate, node: a.node, pointer: a.pointer,
                                         label: "affiliate \(a.index + 1)\(name)"))
            }
        }
        return out
    }
}

import Foundation

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

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
                out.append(CatalogObject(container: FieldCatalog.affiliate, node: a.node, pointer: a.pointer,
                                         label: affiliateLabel(a.index, a.name?.node.string)))
            }
        }
        return out
    }

    /// "affiliate 2 (name)", the name cut to 27 Characters and "..." past 30. Names of at most
    /// 30 bytes are at most 30 Characters, so the Character count (a grapheme walk) is only
    /// needed for longer ones.
    static func affiliateLabel(_ index: Int, _ name: String?) -> String {
        var label = "affiliate " + String(index + 1)
        guard let name else { return label }
        let shown = name.utf8.count <= 30 || name.count <= 30 ? name : String(name.prefix(27)) + "..."
        label += " ("
        label += shown
        label += ")"
        return label
    }
}

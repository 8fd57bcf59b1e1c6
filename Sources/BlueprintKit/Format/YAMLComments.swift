/// Whether a YAML file holds comments. The loader drops them, so a reformatted file would lose
/// them: `bpctl fmt` leaves such files alone rather than delete what someone wrote.
enum YAMLComments {
    static func present(in document: Document) -> Bool {
        let b = document.source.bytes
        guard b.contains(UInt8(ascii: "#")) else { return false }
        var covered: [SourceRange] = []
        func walk(_ node: Node) {
            switch node.kind {
            case .object(let members):
                for m in members {
                    let quoted = m.keyRange.start < b.count && (b[m.keyRange.start] == 0x22 || b[m.keyRange.start] == 0x27)
                    covered.append(SourceRange(start: m.keyRange.start, end: m.keyRange.end + (quoted ? 2 : 0)))
                    walk(m.value)
                }
            case .array(let elements): elements.forEach(walk)
            default:
                if let extent = YAMLScalarExtent.find(node, in: document.source) { covered.append(extent.range) }
            }
        }
        walk(document.root)
        covered.sort { $0.start < $1.start }
        var next = 0
        for i in b.indices where b[i] == UInt8(ascii: "#") {
            guard i == 0 || b[i - 1] == 0x20 || b[i - 1] == 0x09 || b[i - 1] == 0x0A else { continue }
            while next < covered.count, covered[next].end <= i { next += 1 }
            // Scalars may nest in flow collections but never overlap, so one cursor suffices.
            let inside = covered[next...].prefix { $0.start <= i }.contains { $0.start <= i && i < $0.end }
            if !inside { return true }
        }
        return false
    }
}
